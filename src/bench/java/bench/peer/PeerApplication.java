package bench.peer;

import nl.draagvlak.security.SecurityProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;

/**
 * The peer of issue 12, target 1: the decision service a team would write by hand instead of
 * Draagvlak. One endpoint, {@code POST /api/v1/decisions}, over the same {@code rules/} folder and
 * fact model: Spring binds the JSON body with Jackson, a new stateless KIE session decides it on
 * the compiled KieBase, and the verdict, findings and not-assessed rules go back as JSON. No trace,
 * no audit store, no idempotency, no strict reading of the contract. It signs callers in exactly as
 * the service does (Draagvlak's own security configuration is scanned in: HTTP Basic with the
 * credential cache, JWT when a key is configured, the same endpoint roles).
 *
 * <p>Its package is outside {@code nl.draagvlak}, so the service's component scan never finds it
 * when the service runs from the benchmarks jar. Run: {@code java -cp target/bench/benchmarks.jar
 * bench.peer.PeerApplication --server.port=...} (bench/peer.sh). It reads {@code peer.properties},
 * not the service's {@code application.properties}.
 */
@SpringBootApplication(scanBasePackages = {"bench.peer", "nl.draagvlak.security"},
        exclude = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
@EnableConfigurationProperties(SecurityProperties.class)
public class PeerApplication {

    public static void main(String[] args) {
        if (System.getProperty("spring.config.name") == null) {
            System.setProperty("spring.config.name", "peer");
        }
        SpringApplication.run(PeerApplication.class, args);
    }
}
