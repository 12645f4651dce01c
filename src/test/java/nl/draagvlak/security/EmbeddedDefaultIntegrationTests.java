package nl.draagvlak.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import nl.draagvlak.support.Requests;
import nl.draagvlak.support.TestDatabases;
import nl.draagvlak.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The service as a fresh clone runs it: no user and no JWT configured (only the main
 * application.properties is read, not the test users), so it makes its embedded users and the
 * README's way of reading their passwords works.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.location=classpath:/application.properties")
class EmbeddedDefaultIntegrationTests {

    private static final Path FOLDER = temporaryFolder();
    private static final Path FILE = FOLDER.resolve("data/credentials.properties");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabases.embeddedStoreWithoutWatcher(registry);
        registry.add("draagvlak.security.credentials-file", FILE::toString);
    }

    @Test
    void theEmbeddedUsersSignInWithThePasswordsOfTheirOwnerOnlyFileEachWithItsRole() throws IOException {
        assertThat(Files.getPosixFilePermissions(FILE)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        RestTestClient decide = TestUsers.restClient(port, "decide", password("decide"));
        RestTestClient audit = TestUsers.restClient(port, "audit", password("audit"));
        RestTestClient rulesAdmin = TestUsers.restClient(port, "rules-admin", password("rules-admin"));

        assertThat(decide.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(Requests.PLAN).exchange().returnResult().getStatus().value()).isEqualTo(201);
        assertThat(audit.get().uri("/api/v1/audit/verify").exchange().returnResult().getStatus().value()).isEqualTo(200);
        assertThat(audit.post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(Requests.PLAN).exchange().returnResult().getStatus().value()).isEqualTo(403);
        assertThat(rulesAdmin.get().uri("/api/v1/rules").exchange().returnResult().getStatus().value()).isEqualTo(200);
        assertThat(rulesAdmin.get().uri("/api/v1/decisions").exchange().returnResult().getStatus().value()).isEqualTo(403);
        assertThat(TestUsers.restClient(port, "decide", "guess").post().uri("/api/v1/decisions").contentType(MediaType.APPLICATION_JSON).body(Requests.PLAN).exchange().returnResult().getStatus().value()).isEqualTo(401);
        assertThat(TestUsers.anonymousClient(port).get().uri("/api/v1/rules").exchange().returnResult().getStatus().value()).isEqualTo(401);
    }

    private static String password(String user) throws IOException {
        return Files.readAllLines(FILE).stream().filter(line -> line.startsWith(user + "="))
                .map(line -> line.substring(user.length() + 1)).findFirst().orElseThrow();
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("draagvlak-embedded");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
