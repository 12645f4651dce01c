package nl.draagvlak.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A small filesystem of its own (a tmpfs mount) that a test can fill to the last byte and free
 * again, to play a full disk. Mounting needs root or CAP_SYS_ADMIN on Linux; where it cannot be
 * had the test is skipped, saying why, never failed.
 */
public final class SmallDisk implements AutoCloseable {

    private static final String FILLER = "filler";
    private final Path root;

    private SmallDisk(Path root) {
        this.root = root;
    }

    /** Mounts a tmpfs of the given size on a fresh folder, or aborts the test (skipped) when it cannot. */
    public static SmallDisk mount(int megabytes) throws IOException, InterruptedException {
        Path root = Files.createTempDirectory("draagvlak-small-disk");
        String failure = run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", root.toString());
        if (failure != null) {
            Files.deleteIfExists(root);
            String reason = "Full-disk test skipped: cannot mount a " + megabytes + " MB tmpfs (" + failure
                    + "); it needs Linux and root or CAP_SYS_ADMIN";
            System.out.println(reason);
            Assumptions.abort(reason);
        }
        return new SmallDisk(root);
    }

    public Path root() {
        return root;
    }

    /** Writes one file until the filesystem has no byte left. */
    public void fill() throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(root.resolve(FILLER))) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            if (root.toFile().getUsableSpace() > block.length) {
                throw full; // not the disk being full
            }
        }
        // the last partial block
        try (OutputStream out = Files.newOutputStream(root.resolve(FILLER + "-tail"))) {
            while (true) {
                out.write(0);
                out.flush();
            }
        } catch (IOException full) {
            // full now
        }
    }

    /** Deletes what {@link #fill()} wrote. */
    public void free() throws IOException {
        Files.deleteIfExists(root.resolve(FILLER));
        Files.deleteIfExists(root.resolve(FILLER + "-tail"));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (run("umount", root.toString()) != null) {
            run("umount", "-l", root.toString());
        }
        Files.deleteIfExists(root);
    }

    /** Runs a command; null when it succeeded, else what went wrong. */
    private static String run(String... command) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return String.join(" ", command) + " did not finish";
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.exitValue() == 0 ? null : String.join(" ", command) + ": exit " + process.exitValue()
                    + (output.isEmpty() ? "" : ", " + output);
        } catch (IOException e) {
            return String.join(" ", command) + ": " + e.getMessage();
        }
    }
}
