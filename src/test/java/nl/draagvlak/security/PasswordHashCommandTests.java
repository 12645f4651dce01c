package nl.draagvlak.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** hash-password prints what the users' configuration takes, and the configured user signs in with it. */
class PasswordHashCommandTests {

    @Test
    void thePrintedHashIsAcceptedAsAConfiguredPasswordAndMatchesThePassword() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = PasswordHashCommand.run(new ByteArrayInputStream("s3cret pass\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String hash = out.toString(StandardCharsets.UTF_8).strip();

        assertThat(code).isZero();
        assertThat(hash).startsWith("{bcrypt}$2a$10$").doesNotContain("s3cret");
        assertThat(ConfiguredUsers.from(Map.of("svc", new SecurityProperties.User(hash, List.of("decide"))), false)).hasSize(1);
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches("s3cret pass", hash)).isTrue();
    }

    @Test
    void noPasswordIsAnErrorAndPrintsNothing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(PasswordHashCommand.run(new ByteArrayInputStream(new byte[0]), new PrintStream(out), new PrintStream(new ByteArrayOutputStream())))
                .isEqualTo(2);
        assertThat(out.size()).isZero();
    }
}
