package nl.draagvlak.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The heads that full verifies found valid, so that a later verify can check only what came after. */
final class SignedOffHeads {

    private static final Logger log = LoggerFactory.getLogger(SignedOffHeads.class);

    private final JdbcTemplate jdbc;

    SignedOffHeads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void signOff(ChainVerifier.Head head, long checked) {
        try {
            jdbc.update("INSERT INTO audit_signed_off_head (seq, hash, checked, signed_off_at) VALUES (?, ?, ?, ?)",
                    head.sequence(), head.hash(), checked, OffsetDateTime.now(ZoneOffset.UTC));
        } catch (DuplicateKeyException e) {
            // An earlier walk signed off the same head (nothing was written in between): kept as it was.
        } catch (DataAccessException e) {
            // The walk's result stands; only a later "since the last signed-off head" lacks this head.
            log.warn("Could not record the signed-off chain head {}: {}", head.sequence(), e.getMessage());
        }
    }

    Optional<ChainVerifier.Head> latest() {
        return jdbc.query("SELECT seq, hash FROM audit_signed_off_head ORDER BY seq DESC LIMIT 1",
                (row, n) -> new ChainVerifier.Head(row.getLong(1), row.getString(2))).stream().findFirst();
    }
}
