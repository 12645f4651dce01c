package nl.draagvlak.support;

import java.util.List;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.util.DefaultUriBuilderFactory;

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
    public static RestTestClient restClient(int port) {
        return restClient(port, ALL.name(), ALL.password());
    }

    /** A RestTestClient for the server on this port, signed in with HTTP Basic as this user. */
    public static RestTestClient restClient(int port, String user, String password) {
        return client(port).defaultHeaders(headers -> headers.setBasicAuth(user, password)).build();
    }

    /** A RestTestClient for the server on this port that sends this bearer token. */
    public static RestTestClient bearerClient(int port, String token) {
        return client(port).defaultHeaders(headers -> headers.setBearerAuth(token)).build();
    }

    /** A RestTestClient for the server on this port that does not sign in. */
    public static RestTestClient anonymousClient(int port) {
        return client(port).build();
    }

    /** Paths are sent as written (already encoded), as a caller's would be, not encoded again. */
    private static RestTestClient.Builder<?> client(int port) {
        DefaultUriBuilderFactory uris = new DefaultUriBuilderFactory("http://127.0.0.1:" + port);
        uris.setEncodingMode(DefaultUriBuilderFactory.EncodingMode.NONE);
        return RestTestClient.bindToServer().uriBuilderFactory(uris);
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
