package nl.draagvlak.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies of the project's rules folder that a test may change freely. */
public final class RuleFolders {

    private RuleFolders() {
    }

    /** A fresh copy of {@code rules/} as {@code <temp>/rules}. */
    public static Path copyOfProjectRules() {
        try {
            Path target = Files.createTempDirectory("draagvlak-rules").resolve("rules");
            Path source = Path.of("rules");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path copy = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh empty temporary folder. */
    public static Path temporaryFolder(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void replaceIn(Path file, String from, String to) {
        try {
            String text = Files.readString(file);
            if (!text.contains(from)) {
                throw new IllegalArgumentException(file + " does not contain " + from);
            }
            Files.writeString(file, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The project's rules laid out the way Kubernetes mounts a ConfigMap volume at {@code mount}:
     * the files in a timestamped folder, a {@code ..data} link to it, and each entry of the folder
     * a link through {@code ..data} (subfolders included, as a ConfigMap's items can give them).
     */
    public static Path configMapOfProjectRules(Path mount) {
        try {
            Files.createDirectories(mount);
            publish(mount, "..2026_12_01_10_00_00.000000001", Path.of("rules"));
            try (Stream<Path> entries = Files.list(mount.resolve("..data"))) {
                for (Path entry : entries.toList()) {
                    String name = entry.getFileName().toString();
                    Files.createSymbolicLink(mount.resolve(name), Path.of("..data", name));
                }
            }
            return mount;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Publishes a copy of {@code source} in a ConfigMap volume the way the kubelet does: into a new
     * timestamped folder, then one atomic rename of a fresh link over {@code ..data}.
     */
    public static void publish(Path mount, String timestampedName, Path source) {
        try {
            copy(source, mount.resolve(timestampedName));
            Path link = mount.resolve("..data_tmp");
            Files.createSymbolicLink(link, Path.of(timestampedName));
            Files.move(link, mount.resolve("..data"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
    }

    public static void append(Path file, String text) {
        try {
            Files.writeString(file, Files.readString(file) + text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
