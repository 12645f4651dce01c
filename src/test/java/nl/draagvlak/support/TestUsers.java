package nl.draagvlak.support;

import java.util.List;

/** The users of src/test/resources/config/application.properties, which every Spring Boot test has. */
public final class TestUsers {

    public record TestUser(String name, String password) {
    }

    public static final TestUser ALL = new TestUser("test-all", "all-secret");
    public static final TestUser DECIDE = new TestUser("test-decide", "decide-secret");
    public static final TestUser AUDIT = new TestUser("test-audit", "audit-secret");
    public static final TestUser RULES_ADMIN = new TestUser("test-rules-admin", "rules-admin-secret");
    public static final TestUser METRICS = new TestUser("test-metrics", "metrics-secret");

    /** The Authorization header value that signs in as the user with every role. */
    public static String basicAll() {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (ALL.name() + ":" + ALL.password()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A RestTestClient for the server on this port, signed in as the user with every role. */
    public static org.springframework.test.web.servlet.client.RestTestClient restClient(int port) {
        return org.springframework.test.web.servlet.client.RestTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + port).defaultHeader("Authorization", basicAll()).build();
    }

    /** Command-line arguments that give a service started from the jar the user with every role. */
    public static List<String> jarArguments() {
        return List.of("--draagvlak.security.allow-plain-passwords=true",
                "--draagvlak.security.users." + ALL.name() + ".password={noop}" + ALL.password(),
                "--draagvlak.security.users." + ALL.name() + ".roles=decide,audit,rules-admin,metrics");
    }

    private TestUsers() {
    }
}
