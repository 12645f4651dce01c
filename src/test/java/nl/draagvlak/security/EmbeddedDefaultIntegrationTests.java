package nl.draagvlak.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import nl.draagvlak.support.Http;
import nl.draagvlak.support.Requests;
import nl.draagvlak.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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
        registry.add("spring.datasource.url", TestDatabases::h2Url);
        registry.add("draagvlak.rules.reload-interval", () -> "0s");
        registry.add("draagvlak.security.credentials-file", FILE::toString);
    }

    @Test
    void theEmbeddedUsersSignInWithThePasswordsOfTheirOwnerOnlyFileEachWithItsRole() throws IOException {
        assertThat(Files.getPosixFilePermissions(FILE)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        Http decide = Http.as(port, "decide", password("decide"));
        Http audit = Http.as(port, "audit", password("audit"));
        Http rulesAdmin = Http.as(port, "rules-admin", password("rules-admin"));

        assertThat(decide.postJson("/api/v1/decisions", Requests.PLAN).status()).isEqualTo(201);
        assertThat(audit.get("/api/v1/audit/verify").status()).isEqualTo(200);
        assertThat(audit.postJson("/api/v1/decisions", Requests.PLAN).status()).isEqualTo(403);
        assertThat(rulesAdmin.get("/api/v1/rules").status()).isEqualTo(200);
        assertThat(rulesAdmin.get("/api/v1/decisions").status()).isEqualTo(403);
        assertThat(Http.as(port, "decide", "guess").postJson("/api/v1/decisions", Requests.PLAN).status()).isEqualTo(401);
        assertThat(Http.anonymous(port).get("/api/v1/rules").status()).isEqualTo(401);
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
