package nl.draagvlak.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.RuleFile;
import nl.draagvlak.engine.RulesetCompiler;
import nl.draagvlak.engine.RulesetVersion;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ruleset archive on every store (embedded H2 and PostgreSQL): a stored ruleset comes back
 * byte for byte, so that its files hash to the version it is stored under.
 */
abstract class RulesetArchiveContract {

    /** CRLF line ends, valid UTF-8 (an em dash). */
    static final RuleFile CRLF = new RuleFile("rules/crlf.drl", ("package rules;\r\n"
            + "import nl.draagvlak.model.*;\r\n"
            + "// one rule \u2014 CRLF line ends\r\n"
            + "rule \"Plan seen\"\r\n"
            + "    @id(\"DERIVE-PLAN-SEEN\")\r\n"
            + "when\r\n"
            + "    Initiative()\r\n"
            + "then\r\n"
            + "end\r\n").getBytes(StandardCharsets.UTF_8));

    /** A comment saved in Latin-1 ({@code é} as the single byte E9) and a stray FF: not UTF-8. */
    static final RuleFile LATIN_1 = new RuleFile("rules/latin-1.drl", concat(
            "package rules;\nimport nl.draagvlak.model.*;\n// caf".getBytes(StandardCharsets.US_ASCII),
            new byte[] {(byte) 0xE9, ' ', (byte) 0xFF, '\n'},
            """
            rule "Plan seen again"
                @id("DERIVE-PLAN-SEEN-AGAIN")
            when
                Initiative()
            then
            end
            """.getBytes(StandardCharsets.US_ASCII)));

    private HikariDataSource dataSource;
    private JdbcTemplate jdbc;
    private RulesetArchive archive;

    abstract String jdbcUrl();

    @BeforeEach
    void openStore() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl());
        config.setMaximumPoolSize(2);
        dataSource = new HikariDataSource(config);
        jdbc = new JdbcTemplate(dataSource);
        archive = new RulesetArchive(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
    }

    @AfterEach
    void closeStore() {
        if (dataSource != null) {
            dataSource.close();
        }
    }

    @Test
    void aRulesetComesBackByteForByteAndHashesToItsVersion() {
        migrate(null);
        CompiledRuleset ruleset = new RulesetCompiler().compile(List.of(CRLF, LATIN_1));

        archive.keep(ruleset);
        List<RuleFile> stored = archive.files(ruleset.version()).orElseThrow();

        assertThat(stored).extracting(RuleFile::path).containsExactly("rules/crlf.drl", "rules/latin-1.drl");
        assertThat(stored.get(0).content()).isEqualTo(CRLF.content());
        assertThat(stored.get(1).content()).isEqualTo(LATIN_1.content());
        assertThat(RulesetVersion.of(stored)).isEqualTo(ruleset.version());
    }

    @Test
    void aRulesetStoredAsTextBeforeItsBytesWereKeptStillHashesToItsVersion() {
        migrate("1");
        RuleFile legacy = new RuleFile("guidance/crlf.drl", CRLF.content());
        String version = RulesetVersion.of(List.of(legacy));
        jdbc.update("INSERT INTO ruleset (version, rule_count, first_active_at) VALUES (?, ?, ?)", version, 1,
                OffsetDateTime.now(ZoneOffset.UTC));
        jdbc.update("INSERT INTO ruleset_file (version, path, content) VALUES (?, ?, ?)", version, legacy.path(),
                legacy.text());
        migrate(null);

        List<RuleFile> stored = archive.files(version).orElseThrow();

        assertThat(stored).extracting(RuleFile::path).containsExactly("guidance/crlf.drl");
        assertThat(RulesetVersion.of(stored)).isEqualTo(version);
    }

    private void migrate(String target) {
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        (target == null ? flyway : flyway.target(target)).load().migrate();
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
