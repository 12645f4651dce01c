package nl.draagvlak.decision;

import java.security.SecureRandom;
import java.util.UUID;

/** Decision ids are UUID version 7: unique, and ordered by creation time like the audit trail. */
final class DecisionIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private DecisionIds() {
    }

    static String next(long epochMillis) {
        long high = (epochMillis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
