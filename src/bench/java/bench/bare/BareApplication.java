package bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issue 12, target 4: the bare Spring Boot web application that start-up is compared with. One
 * endpoint, {@code POST /bare}, answering {@code {"ok":true}}. bench/startup.sh runs it from a jar of
 * its own on the classpath of {@code spring-boot-starter-webmvc} alone (Spring MVC, Tomcat, Jackson:
 * what a project with that one starter resolves), not from the benchmarks jar, whose other
 * libraries would add auto-configuration. Its package is outside {@code nl.draagvlak}. It reads
 * {@code bare.properties}, not the service's configuration.
 */
@SpringBootApplication
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
