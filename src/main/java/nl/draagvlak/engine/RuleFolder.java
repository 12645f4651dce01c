package nl.draagvlak.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Reads every {@code .drl} file under a rules folder on disk, in a fixed order. */
public final class RuleFolder {

    private RuleFolder() {
    }

    /**
     * Each file's path is given relative to the folder's parent, so {@code /opt/x/rules/a.drl}
     * reads as {@code rules/a.drl}: the same name wherever the folder lives.
     */
    public static List<RuleFile> read(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new UncheckedIOException(new IOException("rules folder not found: " + folder));
        }
        Path base = root.getParent() == null ? root : root.getParent();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> Files.isRegularFile(file) && file.toString().endsWith(".drl"))
                    .map(file -> new RuleFile(base.relativize(file).toString().replace('\\', '/'), readBytes(file)))
                    .sorted(Comparator.comparing(RuleFile::path))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules folder " + folder, e);
        }
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule file " + file, e);
        }
    }
}
