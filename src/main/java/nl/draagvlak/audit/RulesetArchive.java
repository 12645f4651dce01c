package nl.draagvlak.audit;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.RuleFile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Keeps every ruleset the service runs, once per version, with its files' exact bytes. */
public final class RulesetArchive {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    RulesetArchive(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Stores the ruleset unless its version is already stored. */
    public void keep(CompiledRuleset ruleset) {
        transactions.executeWithoutResult(status -> {
            Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM ruleset WHERE version = ?", Integer.class,
                    ruleset.version());
            if (known != null && known > 0) {
                return;
            }
            jdbc.update("INSERT INTO ruleset (version, rule_count, first_active_at) VALUES (?, ?, ?)",
                    ruleset.version(), ruleset.rules().size(), OffsetDateTime.now(ZoneOffset.UTC));
            for (RuleFile file : ruleset.files()) {
                jdbc.update("INSERT INTO ruleset_file (version, path, content_bytes) VALUES (?, ?, ?)",
                        ruleset.version(), file.path(), file.content());
            }
        });
    }

    /**
     * The files of a stored ruleset, in path order, byte for byte as they were run, so that they
     * hash to {@code version}; empty when the version was never run here.
     */
    public Optional<List<RuleFile>> files(String version) {
        List<RuleFile> files = jdbc.query(
                "SELECT path, content_bytes, content FROM ruleset_file WHERE version = ? ORDER BY path",
                (row, n) -> new RuleFile(row.getString(1), bytes(row.getBytes(2), row.getString(3))), version);
        return files.isEmpty() ? Optional.empty() : Optional.of(files);
    }

    /** Files stored before their bytes were kept have only their text, which was their UTF-8 bytes. */
    private static byte[] bytes(byte[] content, String textStoredBefore) {
        return content != null ? content : textStoredBefore.getBytes(StandardCharsets.UTF_8);
    }
}
