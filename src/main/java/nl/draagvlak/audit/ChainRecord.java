package nl.draagvlak.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * One record of the hash chain as stored, and how its hash is made.
 *
 * <p>The hash of record n is {@code sha256(prevHash || canonical(n))}, hex-encoded, where prevHash
 * is the hex hash of record n-1 (64 zeros before the first record) and canonical(n) is, for each
 * field in the order of this record's components from {@code seq} to {@code payload}: the field's
 * name, ':', the byte length of its UTF-8 value in decimal (-1 for null), ':', the value's bytes,
 * and a newline. {@code decidedAt} is written as ISO-8601 UTC with milliseconds. The chain's order
 * is {@code seq}, which the single writer assigns without gaps.
 */
public record ChainRecord(long seq, String kind, String decisionId, Instant decidedAt, String rulesetVersion,
                          String verdict, String idempotencyKey, String requestHash, String requestBody,
                          String responseBody, String trace, String timings, String caller, String payload) {

    public static final String GENESIS_HASH = "0".repeat(64);
    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    static ChainRecord of(long seq, DecisionRecord record) {
        return new ChainRecord(seq, "DECISION", record.decisionId(), record.decidedAt(), record.rulesetVersion(),
                record.verdict(), record.idempotencyKey(), record.requestHash(), record.requestBody(),
                record.responseBody(), record.traceJson(), record.timingsJson(), record.caller(), null);
    }

    public String hash(String prevHash) {
        return chain(prevHash, seq, content());
    }

    /**
     * The canonical bytes of every field after {@code seq} ({@code kind} to {@code payload}): all of
     * the record's content but its place in the chain. A request thread prepares them before the
     * writer knows the sequence number, so that the writer only chains: {@link #chain}.
     */
    byte[] content() {
        byte[][] parts = {
                field("kind", kind), field("decisionId", decisionId), field("decidedAt", INSTANT.format(decidedAt)),
                field("rulesetVersion", rulesetVersion), field("verdict", verdict),
                field("idempotencyKey", idempotencyKey), field("requestHash", requestHash),
                field("requestBody", requestBody), field("responseBody", responseBody), field("trace", trace),
                field("timings", timings), field("caller", caller), field("payload", payload)};
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] content = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, content, at, part.length);
            at += part.length;
        }
        return content;
    }

    /** The hash of the record at {@code seq} whose {@link #content()} is {@code content}, after {@code prevHash}. */
    static String chain(String prevHash, long seq, byte[] content) {
        MessageDigest digest = sha256();
        digest.update(prevHash.getBytes(StandardCharsets.US_ASCII));
        digest.update(field("seq", Long.toString(seq)));
        digest.update(content);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** One field in canonical form: name, ':', UTF-8 byte length (-1 for null), ':', the bytes, a newline. */
    private static byte[] field(String name, String value) {
        byte[] bytes = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
        byte[] head = (name + ":" + (value == null ? -1 : bytes.length) + ":").getBytes(StandardCharsets.UTF_8);
        byte[] field = new byte[head.length + bytes.length + 1];
        System.arraycopy(head, 0, field, 0, head.length);
        System.arraycopy(bytes, 0, field, head.length, bytes.length);
        field[field.length - 1] = '\n';
        return field;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
