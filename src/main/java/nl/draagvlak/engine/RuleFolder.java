package nl.draagvlak.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * Reads every {@code .drl} file under a rules folder on disk, and the folder's own
 * {@code levers.yaml} if it has one, in a fixed order. A folder without levers reads (and so
 * hashes) exactly as before levers existed.
 *
 * <p>Links are followed: the folder itself, its subfolders and its files may each be a symbolic
 * link. That is how Kubernetes mounts a ConfigMap: a {@code ..data} link to a timestamped folder
 * ({@code ..2026_12_01_...}) that holds the files, and each entry a link through {@code ..data}.
 * Entries whose names start with {@code ..} are that volume's own bookkeeping, not rules, and a
 * link that leads nowhere (an entry the volume is adding or removing) is not a file yet or any more.
 */
public final class RuleFolder {

    /**
     * The name every rule file's path starts with, whatever the folder is called on disk or
     * wherever it is mounted: {@code /etc/guidance/support/it.drl} reads as {@code rules/support/it.drl}.
     */
    public static final String ROOT = "rules/";

    /** Kubernetes swaps this link to publish a new set of files at once. */
    private static final String CONFIG_MAP_DATA = "..data";
    private static final int ATTEMPTS_WHILE_SWAPPED = 5;

    private RuleFolder() {
    }

    /**
     * Each file's path is {@link #ROOT} followed by its path inside the folder, with forward
     * slashes; the version hashes these paths, so it does not depend on where the folder is.
     */
    public static List<RuleFile> read(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new UncheckedIOException(new IOException("rules folder not found: " + folder));
        }
        for (int attempt = 1; ; attempt++) {
            Path publishedBefore = published(root);
            List<RuleFile> files;
            try {
                files = readOnce(root, folder);
            } catch (UncheckedIOException e) {
                if (Objects.equals(publishedBefore, published(root)) || attempt == ATTEMPTS_WHILE_SWAPPED) {
                    throw e;
                }
                continue; // a file went away because new ones were published: read those
            }
            if (Objects.equals(publishedBefore, published(root))) {
                return files;
            }
            if (attempt == ATTEMPTS_WHILE_SWAPPED) {
                throw new UncheckedIOException(new IOException("the rules folder " + folder
                        + " was republished during each of " + attempt + " reads"));
            }
            // New files were published while these were read: read again rather than use a mix.
        }
    }

    /** Where the ConfigMap layout's {@code ..data} link points now, or null in a plain folder. */
    private static Path published(Path root) {
        Path data = root.resolve(CONFIG_MAP_DATA);
        try {
            return Files.isSymbolicLink(data) ? Files.readSymbolicLink(data) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the link " + data, e);
        }
    }

    private static List<RuleFile> readOnce(Path root, Path folder) {
        List<RuleFile> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                            return !dir.equals(root) && isBookkeeping(dir) ? FileVisitResult.SKIP_SUBTREE
                                    : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                            // A link that leads nowhere is visited with the link's own attributes: no regular file.
                            if (!isBookkeeping(file) && attributes.isRegularFile()
                                    && (file.getFileName().toString().endsWith(".drl")
                                        || file.equals(root.resolve(Levers.FILE_NAME)))) {
                                found.add(new RuleFile(ROOT + root.relativize(file).toString().replace('\\', '/'),
                                        readBytes(file)));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                            if (e instanceof FileSystemLoopException) {
                                throw new IOException("the rules folder links back into itself at " + file, e);
                            }
                            throw e;
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules folder " + folder, e);
        }
        found.sort(Comparator.comparing(RuleFile::path));
        return found;
    }

    private static boolean isBookkeeping(Path entry) {
        return entry.getFileName().toString().startsWith("..");
    }

    private static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule file " + file, e);
        }
    }
}
