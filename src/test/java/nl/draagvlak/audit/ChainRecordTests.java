package nl.draagvlak.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hash of a chain record is the one the README documents, whether it is made in one step or
 * prepared by the requester (the content) and chained by the writer (sequence and previous hash).
 */
class ChainRecordTests {

    private static final String PREV = "ab".repeat(32);

    private static final DecisionRecord DECISION = new DecisionRecord("01a233b8-8540-752d-bd76-2f239180dcc1",
            Instant.parse("2026-12-01T22:27:40.480Z"), "sha256:9e80", "NOT_READY", "key-1", "c0ffee",
            "{\"initiative\":{\"name\":\"Digitale balie – 2027\"}}", "{\"verdict\":\"NOT_READY\"}",
            "[{\"seq\":1}]", "{\"decideMicros\":61}", null, List.of("MIG-X"));

    @Test
    void theHashIsTheDocumentedSha256OverThePreviousHashAndEveryFieldInCanonicalForm() throws Exception {
        ByteArrayOutputStream canonical = new ByteArrayOutputStream();
        canonical.writeBytes(PREV.getBytes(StandardCharsets.US_ASCII));
        String[][] fields = {{"seq", "42"}, {"kind", "DECISION"}, {"decisionId", DECISION.decisionId()},
                {"decidedAt", "2026-12-01T22:27:40.480Z"}, {"rulesetVersion", "sha256:9e80"}, {"verdict", "NOT_READY"},
                {"idempotencyKey", "key-1"}, {"requestHash", "c0ffee"}, {"requestBody", DECISION.requestBody()},
                {"responseBody", DECISION.responseBody()}, {"trace", "[{\"seq\":1}]"},
                {"timings", "{\"decideMicros\":61}"}, {"caller", null}, {"payload", null}};
        for (String[] field : fields) {
            byte[] value = field[1] == null ? new byte[0] : field[1].getBytes(StandardCharsets.UTF_8);
            canonical.writeBytes((field[0] + ":" + (field[1] == null ? -1 : value.length) + ":")
                    .getBytes(StandardCharsets.UTF_8));
            canonical.writeBytes(value);
            canonical.write('\n');
        }
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.toByteArray()));

        assertThat(ChainRecord.of(42, DECISION).hash(PREV)).isEqualTo(expected);
    }

    @Test
    void contentPreparedBeforeTheSequenceIsKnownChainsToTheSameHash() {
        byte[] preparedByTheRequester = ChainRecord.of(0, DECISION).content();

        assertThat(ChainRecord.chain(PREV, 42, preparedByTheRequester))
                .isEqualTo(ChainRecord.of(42, DECISION).hash(PREV));
        assertThat(ChainRecord.chain(PREV, 43, preparedByTheRequester))
                .isNotEqualTo(ChainRecord.of(42, DECISION).hash(PREV));
    }
}
