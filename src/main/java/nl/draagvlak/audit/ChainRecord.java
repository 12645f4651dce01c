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
        MessageDigest digest = sha256();
        digest.update(prevHash.getBytes(StandardCharsets.US_ASCII));
        field(digest, "seq", Long.toString(seq));
        field(digest, "kind", kind);
        field(digest, "decisionId", decisionId);
        field(digest, "decidedAt", INSTANT.format(decidedAt));
        field(digest, "rulesetVersion", rulesetVersion);
        field(digest, "verdict", verdict);
        field(digest, "idempotencyKey", idempotencyKey);
        field(digest, "requestHash", requestHash);
        field(digest, "requestBody", requestBody);
        field(digest, "responseBody", responseBody);
        field(digest, "trace", trace);
        field(digest, "timings", timings);
        field(digest, "caller", caller);
        field(digest, "payload", payload);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void field(MessageDigest digest, String name, String value) {
        byte[] bytes = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
        digest.update((name + ":" + (value == null ? -1 : bytes.length) + ":").getBytes(StandardCharsets.UTF_8));
        digest.update(bytes);
        digest.update((byte) '\n');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
