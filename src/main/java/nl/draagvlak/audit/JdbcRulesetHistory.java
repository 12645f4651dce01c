package nl.draagvlak.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.RuleFile;
import nl.draagvlak.ruleset.Activation;
import nl.draagvlak.ruleset.RulesetHistory;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rulesets' history in the audit store. An activation is appended to the hash chain (kind
 * ACTIVATION, in the writer's order) together with the ruleset's files, a row of
 * {@code ruleset_activation} and the folder as seen, in one transaction: all of it or none. On
 * PostgreSQL the same transaction announces the version on {@link #CHANNEL} (LISTEN/NOTIFY), so the
 * other nodes on the store learn of it once it is committed.
 */
public final class JdbcRulesetHistory implements RulesetHistory {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };

    private final GroupCommitWriter writer;
    private final JdbcTemplate jdbc;
    /** The PostgreSQL channel on which an activation is announced to every node on the store. */
    public static final String CHANNEL = "draagvlak_ruleset";

    private final RulesetArchive archive;
    private final boolean notifies;

    /** @param notifies whether an activation is announced on {@link #CHANNEL} (PostgreSQL only) */
    JdbcRulesetHistory(GroupCommitWriter writer, JdbcTemplate jdbc, RulesetArchive archive, boolean notifies) {
        this.writer = writer;
        this.jdbc = jdbc;
        this.archive = archive;
        this.notifies = notifies;
    }

    /** What the chain record of an activation says, besides its version, time and who. */
    record ActivationPayload(String reason, List<String> failingScenarios, String seenFolder) {
    }

    @Override
    public List<Activation> activations() {
        return jdbc.query("""
                SELECT version, activated_at, activated_by, reason, failing_scenarios
                FROM ruleset_activation ORDER BY seq DESC""", (row, n) -> new Activation(row.getString(1),
                row.getObject(2, OffsetDateTime.class).toInstant(), row.getString(3), row.getString(4),
                JSON.readValue(row.getString(5), NAMES)));
    }

    @Override
    public Optional<Activation> latest() {
        return jdbc.query("""
                SELECT version, activated_at, activated_by, reason, failing_scenarios
                FROM ruleset_activation ORDER BY seq DESC LIMIT 1""", (row, n) -> new Activation(row.getString(1),
                row.getObject(2, OffsetDateTime.class).toInstant(), row.getString(3), row.getString(4),
                JSON.readValue(row.getString(5), NAMES))).stream().findFirst();
    }

    @Override
    public Optional<List<RuleFile>> files(String version) {
        return archive.files(version);
    }

    @Override
    public Optional<String> lastSeenFolder() {
        return jdbc.query("SELECT seen_version FROM ruleset_folder WHERE id = 1", (row, n) -> row.getString(1))
                .stream().findFirst();
    }

    @Override
    public void recordActivation(CompiledRuleset ruleset, Activation activation, String seenFolder) {
        String payload = JSON.writeValueAsString(new ActivationPayload(activation.reason(),
                activation.failingScenarios(), seenFolder));
        writer.submit((connection, head) -> {
            keep(connection, ruleset, activation.activatedAt());
            ChainRecord record = new ChainRecord(head.seq() + 1, "ACTIVATION", null, activation.activatedAt(),
                    ruleset.version(), null, null, null, null, null, null, null, activation.activatedBy(), payload);
            String hash = record.hash(head.hash());
            GroupCommitWriter.insert(connection, record, head.hash(), hash);
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO ruleset_activation (seq, version, activated_at, activated_by, reason, failing_scenarios)
                    VALUES (?, ?, ?, ?, ?, ?)""")) {
                insert.setLong(1, record.seq());
                insert.setString(2, ruleset.version());
                insert.setObject(3, utc(activation.activatedAt()));
                insert.setString(4, activation.activatedBy());
                insert.setString(5, activation.reason());
                insert.setString(6, JSON.writeValueAsString(activation.failingScenarios()));
                insert.executeUpdate();
            }
            seen(connection, seenFolder);
            if (notifies) {
                // Delivered to the listening nodes when (and only if) this transaction commits.
                try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
                    notify.setString(1, CHANNEL);
                    notify.setString(2, ruleset.version());
                    notify.execute();
                }
            }
            return new GroupCommitWriter.ChainHead(record.seq(), hash);
        });
    }

    @Override
    public void recordSeen(String folderVersion) {
        jdbc.execute((Connection connection) -> {
            seen(connection, folderVersion);
            return null;
        });
    }

    private static void keep(Connection connection, CompiledRuleset ruleset, Instant at) throws SQLException {
        try (PreparedStatement known = connection.prepareStatement("SELECT COUNT(*) FROM ruleset WHERE version = ?")) {
            known.setString(1, ruleset.version());
            try (ResultSet row = known.executeQuery()) {
                row.next();
                if (row.getInt(1) > 0) {
                    return;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ruleset (version, rule_count, first_active_at) VALUES (?, ?, ?)");
             PreparedStatement file = connection.prepareStatement(
                     "INSERT INTO ruleset_file (version, path, content_bytes) VALUES (?, ?, ?)")) {
            insert.setString(1, ruleset.version());
            insert.setInt(2, ruleset.rules().size());
            insert.setObject(3, utc(at));
            insert.executeUpdate();
            for (RuleFile ruleFile : ruleset.files()) {
                file.setString(1, ruleset.version());
                file.setString(2, ruleFile.path());
                file.setBytes(3, ruleFile.content());
                file.addBatch();
            }
            file.executeBatch();
        }
    }

    private static void seen(Connection connection, String folderVersion) throws SQLException {
        OffsetDateTime now = utc(Instant.now());
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE ruleset_folder SET seen_version = ?, seen_at = ? WHERE id = 1")) {
            update.setString(1, folderVersion);
            update.setObject(2, now);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO ruleset_folder (id, seen_version, seen_at) VALUES (1, ?, ?)")) {
            insert.setString(1, folderVersion);
            insert.setObject(2, now);
            insert.executeUpdate();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
