package nl.draagvlak.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import nl.draagvlak.model.Assessment;
import org.drools.base.util.Drools;
import org.drools.model.codegen.ExecutableModelProject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything besides the rules that the classes generated for a ruleset depend on: the bytecode
 * of every class of the fact model (the package {@code nl.draagvlak.model}, whatever classes it
 * holds today), the Drools version, the Java runtime, and the compiler's options. Two
 * environments with the same fingerprint generate the same classes from the same rules.
 */
final class CompileEnvironment {

    private static final Logger log = LoggerFactory.getLogger(CompileEnvironment.class);

    private CompileEnvironment() {
    }

    /** The fingerprint of the running service, for the compiler options given. */
    static String current(String compilerOptions) {
        SortedMap<String, byte[]> model = classesInPackageOf(Assessment.class.getClassLoader(),
                Assessment.class.getName());
        String drools = droolsVersion();
        log.debug("Compile environment: {} fact model classes, Drools {}, Java {}", model.size(), drools,
                Runtime.version());
        return fingerprint(model, drools, Runtime.version().toString(), compilerOptions + droolsProperties());
    }

    /** {@code classes} maps each class's binary name to the bytes of its class file. */
    static String fingerprint(SortedMap<String, byte[]> classes, String droolsVersion, String javaVersion,
                              String compilerOptions) {
        MessageDigest digest = sha256();
        for (String part : new String[] {droolsVersion, javaVersion, compilerOptions}) {
            field(digest, part.getBytes(StandardCharsets.UTF_8));
        }
        classes.forEach((name, bytes) -> {
            field(digest, name.getBytes(StandardCharsets.UTF_8));
            field(digest, bytes);
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Each part with its length first, so that no two different sets of parts hash alike. */
    private static void field(MessageDigest digest, byte[] bytes) {
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) 0);
        digest.update(bytes);
    }

    /**
     * Every class file in the package of {@code anchor} (a binary class name), nested classes
     * included, read from where the loader finds {@code anchor}: a folder or a jar (a Spring
     * Boot jar too). Fails rather than give a partial list.
     */
    static SortedMap<String, byte[]> classesInPackageOf(ClassLoader loader, String anchor) {
        String resource = anchor.replace('.', '/') + ".class";
        URL url = loader.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("cannot find " + resource);
        }
        String packagePrefix = anchor.substring(0, anchor.lastIndexOf('.') + 1);
        try {
            if ("file".equals(url.getProtocol())) {
                return fromFolder(Path.of(url.toURI()).getParent(), packagePrefix);
            }
            URLConnection connection = url.openConnection();
            if (connection instanceof JarURLConnection jar) {
                return fromJar(jar, packagePrefix);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the classes next to " + url, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("cannot list the classes next to " + url);
    }

    private static SortedMap<String, byte[]> fromFolder(Path folder, String packagePrefix) throws IOException {
        SortedMap<String, byte[]> classes = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".class") && Files.isRegularFile(file)) {
                    classes.put(packagePrefix + name.substring(0, name.length() - ".class".length()),
                            Files.readAllBytes(file));
                }
            }
        }
        return classes;
    }

    private static SortedMap<String, byte[]> fromJar(JarURLConnection connection, String packagePrefix)
            throws IOException {
        connection.setUseCaches(false);
        String entryName = connection.getEntryName();
        String folder = entryName.substring(0, entryName.lastIndexOf('/') + 1);
        SortedMap<String, byte[]> classes = new TreeMap<>();
        try (JarFile jar = connection.getJarFile()) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.startsWith(folder) && name.endsWith(".class") && name.indexOf('/', folder.length()) < 0) {
                    try (InputStream bytes = jar.getInputStream(entry)) {
                        classes.put(packagePrefix + name.substring(folder.length(), name.length() - ".class".length()),
                                bytes.readAllBytes());
                    }
                }
            }
        }
        return classes;
    }

    private static String droolsVersion() {
        Package codegen = ExecutableModelProject.class.getPackage();
        return Drools.getFullVersion() + "/" + (codegen == null ? null : codegen.getImplementationVersion());
    }

    /** Drools reads its compiler settings (dialect, language level, ...) from system properties. */
    private static String droolsProperties() {
        Properties system = System.getProperties();
        SortedMap<String, String> drools = new TreeMap<>();
        for (String name : system.stringPropertyNames()) {
            if (name.startsWith("drools.") || name.startsWith("kie.")) {
                drools.put(name, system.getProperty(name));
            }
        }
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> property : drools.entrySet()) {
            text.append('\n').append(property.getKey()).append('=').append(property.getValue());
        }
        return text.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
