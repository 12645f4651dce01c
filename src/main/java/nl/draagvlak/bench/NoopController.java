package nl.draagvlak.bench;

import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /bench/noop}: the HTTP stack and nothing else, the load benchmark's ceiling
 * (docs/benchmarks.md). Present only under the Spring profile {@code bench}.
 */
@RestController
@Profile("bench")
class NoopController {

    private static final byte[] BODY = "{\"ok\":true}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @GetMapping(path = "/bench/noop", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> noop() {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(BODY);
    }
}
