package nl.draagvlak.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The embedded default users: made once with random passwords, owner-only, reused, never logged. */
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedCredentialsTests {

    @TempDir
    Path folder;

    @Test
    void theFirstStartCreatesTheThreeUsersInAnOwnerOnlyFileAndLogsItsPathButNoPassword(CapturedOutput output)
            throws Exception {
        Path file = folder.resolve("data/credentials.properties");
        Map<String, String> passwords = EmbeddedCredentials.loadOrCreate(file);

        assertThat(passwords).containsOnlyKeys("decide", "audit", "rules-admin");
        assertThat(passwords.values()).allMatch(password -> password.length() >= 32).doesNotHaveDuplicates();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readAllLines(file)).contains("decide=" + passwords.get("decide"));
        assertThat(output.getOut()).contains(file.toAbsolutePath().toString());
        passwords.values().forEach(password -> assertThat(output.getAll()).doesNotContain(password));
        try (var leftovers = Files.list(file.getParent())) {
            assertThat(leftovers).containsExactly(file);
        }
    }

    @Test
    void aLaterStartReusesTheFileAndTightensItsPermissions() throws Exception {
        Path file = folder.resolve("credentials.properties");
        Map<String, String> first = EmbeddedCredentials.loadOrCreate(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(EmbeddedCredentials.loadOrCreate(file)).isEqualTo(first);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aUserRemovedFromTheFileGetsANewPasswordAndTheOthersKeepTheirs() throws Exception {
        Path file = folder.resolve("credentials.properties");
        Map<String, String> first = EmbeddedCredentials.loadOrCreate(file);
        Files.write(file, Files.readAllLines(file).stream().filter(line -> !line.startsWith("audit=")).toList());

        Map<String, String> second = EmbeddedCredentials.loadOrCreate(file);
        assertThat(second.get("decide")).isEqualTo(first.get("decide"));
        assertThat(second.get("audit")).isNotEqualTo(first.get("audit")).isNotBlank();
    }
}
