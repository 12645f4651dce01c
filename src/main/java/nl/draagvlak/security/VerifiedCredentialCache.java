package nl.draagvlak.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.core.GrantedAuthority;

/**
 * HTTP Basic credentials that were verified recently, so that a caller does not pay a bcrypt check
 * (about 70 ms) on every request. An entry is found by an HMAC-SHA256, under a key drawn at random
 * when the process starts, of the user name and the password: the cache never holds a password, nor
 * anything from which one can be guessed offline without that key. Entries live {@code ttl} at most;
 * at most {@code maxEntries} are kept. Only successes are remembered: a wrong password always pays
 * the full check.
 */
final class VerifiedCredentialCache {

    /** Who the credentials belong to: the user's name and roles, never the password or its hash. */
    record Verified(String name, Collection<? extends GrantedAuthority> authorities) {
        Verified {
            authorities = List.copyOf(authorities);
        }
    }

    private record Entry(Verified verified, long expiresAtNanos) {
    }

    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;
    private final ThreadLocal<Mac> macs;
    private final Map<ByteBuffer, Entry> entries = new ConcurrentHashMap<>();

    VerifiedCredentialCache(Duration ttl, int maxEntries) {
        this(ttl, maxEntries, System::nanoTime);
    }

    VerifiedCredentialCache(Duration ttl, int maxEntries, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is not available", e);
            }
        });
    }

    boolean enabled() {
        return ttlNanos > 0 && maxEntries > 0;
    }

    /** The verified caller for these credentials, or null when they were not verified within the ttl. */
    Verified find(String user, String password) {
        if (!enabled()) {
            return null;
        }
        ByteBuffer key = key(user, password);
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (nanoTime.getAsLong() - entry.expiresAtNanos() >= 0) {
            entries.remove(key, entry);
            return null;
        }
        return entry.verified();
    }

    void remember(String user, String password, Verified verified) {
        if (!enabled()) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (entries.size() >= maxEntries) {
            evictExpired(now);
            if (entries.size() >= maxEntries) {
                entries.clear(); // more distinct valid credentials than expected: start afresh rather than grow
            }
        }
        entries.put(key(user, password), new Entry(verified, now + ttlNanos));
    }

    int size() {
        return entries.size();
    }

    private void evictExpired(long now) {
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            if (now - it.next().expiresAtNanos() >= 0) {
                it.remove();
            }
        }
    }

    /** HMAC of the user name's length, the name and the password: no two (user, password) pairs share an input. */
    private ByteBuffer key(String user, String password) {
        Mac mac = macs.get();
        byte[] name = user.getBytes(StandardCharsets.UTF_8);
        mac.update(ByteBuffer.allocate(4).putInt(name.length).array());
        mac.update(name);
        mac.update(password.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(mac.doFinal());
    }
}
