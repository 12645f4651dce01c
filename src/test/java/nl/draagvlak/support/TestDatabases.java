package nl.draagvlak.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Real databases for tests, never mocks. The embedded store is H2 in a fresh file. PostgreSQL is,
 * in order: the server at {@code DRAAGVLAK_TEST_JDBC_URL} (a fresh schema per call), a
 * Testcontainers container when Docker is present, or nothing: the test is skipped, saying why.
 * Every schema made here is dropped again: by {@link #dispose} once its test is done with it, or,
 * for the stores of Spring contexts that live until the test run ends, when the JVM exits.
 */
public final class TestDatabases {

    public static final String ENV = "DRAAGVLAK_TEST_JDBC_URL";
    private static PostgreSQLContainer container;
    /** The schemas made and not yet dropped: by the URL handed out, the server's URL and the schema. */
    private static final Map<String, List<String>> schemas = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.copyOf(schemas.keySet())
                .forEach(TestDatabases::dispose), "drop-test-schemas"));
    }

    private TestDatabases() {
    }

    /**
     * A service on its own fresh embedded store that never looks at its rules folder again: what
     * most API tests start.
     */
    public static void embeddedStoreWithoutWatcher(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabases::h2Url);
        registry.add("draagvlak.rules.reload-interval", () -> "0s");
    }

    public static String h2Url() {
        try {
            Path folder = Files.createTempDirectory("draagvlak-h2");
            return "jdbc:h2:file:" + folder.resolve("audit") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JDBC URL (user included) of an empty PostgreSQL schema, or the test is skipped. */
    public static String postgresUrl() {
        String base = System.getenv(ENV);
        if (base == null || base.isBlank()) {
            base = containerUrl();
        }
        String schema = "draagvlak_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(base);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot reach PostgreSQL at " + base + ": " + e.getMessage(), e);
        }
        String url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        schemas.put(url, List.of(base, schema));
        return url;
    }

    /** Drops the PostgreSQL schema of a URL from {@link #postgresUrl} (close its pools first); other URLs are left. */
    public static void dispose(String url) {
        List<String> made = schemas.remove(url);
        if (made == null) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(made.get(0));
             Statement statement = connection.createStatement()) {
            statement.execute("SET lock_timeout = '10s'"); // a connection left in a transaction must not hang the run
            statement.execute("DROP SCHEMA IF EXISTS " + made.get(1) + " CASCADE");
        } catch (java.sql.SQLException e) {
            System.out.println("Could not drop the test schema " + made.get(1) + ": " + e.getMessage());
        }
    }

    private static synchronized String containerUrl() {
        if (container == null) {
            boolean docker;
            try {
                docker = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException e) {
                docker = false;
            }
            if (!docker) {
                String reason = "PostgreSQL tests skipped: " + ENV + " is not set and no Docker engine is available"
                        + " for Testcontainers (.ci/run sets " + ENV + " to the machine's PostgreSQL)";
                System.out.println(reason);
                Assumptions.abort(reason);
            }
            container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
        }
        return container.getJdbcUrl() + "&user=" + container.getUsername() + "&password=" + container.getPassword();
    }
}
