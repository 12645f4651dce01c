package bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issue 12, target 4: the bare Spring Boot web application that start-up is compared with. One
 * endpoint, {@code POST /bare}, answering {@code {"ok":true}}; Spring MVC, Tomcat and Jackson as the
 * service has them, nothing else (the benchmarks jar holds the service's other starters, whose
 * auto-configuration is excluded here, so that only the web stack starts). Its package is outside
 * {@code nl.draagvlak}. Run: {@code java -cp target/bench/benchmarks.jar bench.bare.BareApplication}
 * (bench/startup.sh). It reads {@code bare.properties}, not the service's configuration.
 */
@SpringBootApplication(exclude = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
        SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        ServletWebSecurityAutoConfiguration.class})
@RestController
public class BareApplication {

    private static final byte[] OK = "{\"ok\":true}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    public static void main(String[] args) {
        if (System.getProperty("spring.config.name") == null) {
            System.setProperty("spring.config.name", "bare");
        }
        SpringApplication.run(BareApplication.class, args);
    }

    @PostMapping(path = "/bare", produces = MediaType.APPLICATION_JSON_VALUE)
    byte[] bare() {
        return OK;
    }
}
