package nl.draagvlak.audit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the audit store scales: bulk-loads 10^4, 10^5, 10^6 ... hash-chained decisions of typical size
 * into a fresh store (H2 file or a fresh PostgreSQL schema), then times the audit queries the
 * service runs ({@link AuditQueries#search}, {@link AuditQueries#byId}) and a full
 * {@link ChainVerifier#verify}. Not part of CI; see docs/audit-scale.md and bench/audit-scale.sh.
 *
 * <p>Every record is a real decision: the request, response, trace and timings of the typical
 * bench request (bench-requests/typical.json) as the service stored them (audit-sample/), with the
 * response's decision id, time and verdict replaced per record. Records are chained with
 * {@link ChainRecord#hash} and written with the writer's own insert ({@link GroupCommitWriter#bind}),
 * in JDBC batches inside large transactions, so the loaded chain verifies. decided_at rises with
 * seq and spans the 365 days before the load; each decision has its verdict rule plus 14 of the
 * 46 other rule ids, drawn with Zipf-like popularity.
 *
 * <pre>
 * java -Xmx2g -cp target/bench/benchmarks.jar nl.draagvlak.audit.AuditScaleBenchmark h2|postgres SIZE... [options]
 *   --reps=N        repetitions per search (default 11); decision by id uses 5*N random ids
 *   --verify-reps=N full chain verifications per size (default 2)
 *   --h2-dir=DIR    where the fresh H2 files go (default /tmp/draagvlak-auditbench)
 *   --pg-url=URL    PostgreSQL server (default jdbc:postgresql://127.0.0.1:5432/test?user=postgres)
 *   --keep          keep the store afterwards (default: H2 files deleted, PostgreSQL schema dropped)
 * </pre>
 */
public final class AuditScaleBenchmark {

    private static final int PAGE = 50;
    private static final int BATCH = 250;
    private static final int COMMIT_EVERY = 5_000;
    private static final int RULES_PER_DECISION = 15;
    private static final String RULESET = "sha256:3bd8093e4b98b2ed10e798dd55eef415a9fedd2c87d3996f1dc1a34aa71157bc";
    private static final String SAMPLE_ID = "01a21da5-fa74-7f32-9fed-d8c3e17ed1e8";
    private static final String SAMPLE_AT = "2026-11-27T15:35:46.548Z";
    private static final String SAMPLE_VERDICT = "\"verdict\":\"NOT_READY\"";
    private static final String[] VERDICTS = {"NOT_READY", "PROCEED_WITH_CONDITIONS", "READY", "INSUFFICIENT_INFORMATION"};
    private static final String[] VERDICT_RULES = {"VERDICT-NOT-READY", "VERDICT-CONDITIONS", "VERDICT-READY",
        "VERDICT-INSUFFICIENT"};
    private static final double[] VERDICT_SHARE = {0.40, 0.35, 0.15, 0.10};
    /** The 46 rule ids of rules/ other than the four verdict rules, most often firing first. */
    private static final String[] RULES = {
        "DERIVE-NBA-IN-SCOPE", "SUP-NO-MANAGER-TOUR", "MIG-PROJECT-MILESTONES", "SUP-ONLY-INFORMED",
        "DERIVE-SHORT-LEAD-TIME", "SUP-FEEDBACK-IGNORED", "MIG-TOP-DOWN-ONLY", "SUP-IT-BACKLOG",
        "MIG-FO-QUICK-WINS", "SUP-RESIST-DISTRUST", "MIG-BACKOFFICE-NOT-IN-ORDER", "SUP-SHARED-SUCCESS",
        "MIG-PROJECT-WEAK-SUPPORT", "DERIVE-LONG-LEAD-TIME", "SUP-NBA-MARKETING-TRUST", "SUP-NBA-SET-NOT-JOINT",
        "SUP-NBA-CAMPAIGN-TIME", "MIG-FO-BACKOFFICE-LAG", "SUP-PROTOTYPE-WITHOUT-IT", "MIG-NO-ADMIN-CHAMPION",
        "SUP-DASHBOARD-NEEDS", "SUP-RESIST-NOT-UNDERSTOOD", "MIG-CHOICE-FACTORS", "SUP-STAKEHOLDER-NOT-INVOLVED",
        "MIG-NO-SPONSOR", "SUP-RESIST-CHANGE-AVERSE", "MIG-CHANNELS-IMMATURE", "SUP-NBA-INBOUND-SKILLS",
        "MIG-NO-VISION", "SUP-RESIST-UNFAMILIAR", "MIG-OWNER-UNCLEAR", "SUP-NBA-OUTBOUND-LIGHT",
        "MIG-NO-LEADERSHIP", "SUP-BUSINESS-CASE-ONLY", "MIG-BO-TOO-HEAVY", "SUP-RESIST-INPUT-DATA",
        "MIG-NO-EFFICIENCY-GAIN", "MIG-PROCESS-SLOWER", "SUP-IT-MANDATE", "MIG-NO-SERVICE-GAIN",
        "MIG-ALL-CHANNELS-LOW-SUPPORT", "MIG-BIG-BANG-LOW-SUPPORT", "MIG-PROCESS-TIGHT-DEADLINE",
        "MIG-RADICAL-SHORT-LEADTIME", "MIG-EXTREMES", "MIG-NO-CHANGE-STRATEGY"};

    private final Options options;
    private final String requestBody = sample("request_body");
    private final String responseBody = sample("response_body");
    private final String trace = sample("trace");
    private final String timings = sample("timings");
    private final String requestHash;
    private final double[] ruleWeights = new double[RULES.length];

    private AuditScaleBenchmark(Options options) {
        this.options = options;
        if (!responseBody.contains(SAMPLE_ID) || !responseBody.contains(SAMPLE_AT)
                || !responseBody.contains(SAMPLE_VERDICT)) {
            throw new IllegalStateException("audit-sample/response_body.json is not the captured sample");
        }
        this.requestHash = ChainRecordHex.sha256(requestBody);
        for (int i = 0; i < RULES.length; i++) {
            ruleWeights[i] = 1.0 / Math.pow(i + 1, 0.9);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        AuditScaleBenchmark bench = new AuditScaleBenchmark(options);
        System.out.printf(Locale.ROOT, "# audit scale benchmark: store=%s sizes=%s reps=%d verifyReps=%d java=%s"
                        + " maxHeap=%dMB cpus=%d%n", options.store, options.sizes, options.reps, options.verifyReps,
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "# one record: request %d B, response %d B, trace %d B, timings %d B (UTF-8)%n",
                bytes(bench.requestBody), bytes(bench.responseBody), bytes(bench.trace), bytes(bench.timings));
        List<String> summary = new ArrayList<>();
        for (long size : options.sizes) {
            summary.add(bench.run(size));
        }
        System.out.println();
        System.out.println("## summary (" + options.store + "; times in ms unless marked; median / max over the"
                + " repetitions, the first, cold call included)");
        System.out.println("| records | load | disk | rule X, last 30 days (common) | rule X, last 30 days (rare)"
                + " | verdict | verdict, last 30 days | decision by id | verdicts per day, last 30 days (console chart)"
                + " | rule usage, last 30 days (rules page) | verify (full chain) | before the fix |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        summary.forEach(System.out::println);
    }

    private String run(long size) throws Exception {
        System.out.printf(Locale.ROOT, "%n## %s, %,d records%n", options.store, size);
        Store store = options.store.equals("h2") ? new H2Store(options, size) : new PostgresStore(options, size);
        try {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            long[] ruleCounts = new long[RULES.length];
            long loadMillis;
            try (HikariDataSource loadPool = pool(store.loadUrl(), 2)) {
                Flyway.configure().dataSource(loadPool).locations("classpath:db/migration").load().migrate();
                long start = System.nanoTime();
                load(loadPool, size, now, ruleCounts);
                loadMillis = (System.nanoTime() - start) / 1_000_000;
            }
            System.out.printf(Locale.ROOT, "load: %,d records in %.1f s (%.0f records/s)%n", size, loadMillis / 1000.0,
                    size * 1000.0 / Math.max(1, loadMillis));
            store.afterLoad();
            String disk = store.diskSize();
            System.out.println("disk: " + disk);

            int common = 0;
            int rare = RULES.length - 1;
            System.out.printf(Locale.ROOT, "rule X: common %s fired in %.1f%% of decisions, rare %s in %.1f%%%n",
                    RULES[common], 100.0 * ruleCounts[common] / size, RULES[rare], 100.0 * ruleCounts[rare] / size);

            Capture captured = new Capture();
            String rule30Common;
            String rule30Rare;
            String verdict;
            String verdict30;
            String byId;
            String chart;
            String usage;
            String verify;
            String before;
            try (HikariDataSource pool = pool(store.queryUrl(), 2)) {
                captured.setDataSource(pool);
                AuditQueries queries = new AuditQueries(captured);
                Instant from = now.minus(30, ChronoUnit.DAYS);
                SplittableRandom random = new SplittableRandom(size);
                // Before each timed query, a write to both tables that the searches read (undone at once, so
                // the chain still verifies), as the live service writes to them all the time: without it H2
                // hands back its cached result of the identical query just before (OPTIMIZE_REUSE_RESULTS
                // reuses a result while the query's tables are unchanged; an update that changes nothing does
                // not count).
                JdbcTemplate writes = new JdbcTemplate(pool);
                java.time.OffsetDateTime tickAt = java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC);
                Runnable tick = () -> {
                    writes.update("UPDATE audit_record SET caller = 'auditbench-tick' WHERE seq = 1");
                    writes.update("UPDATE audit_record SET caller = NULL WHERE seq = 1");
                    writes.update("INSERT INTO audit_rule_fired (rule_id, seq, decided_at) VALUES ('AUDITBENCH-TICK', 0, ?)",
                            tickAt);
                    writes.update("DELETE FROM audit_rule_fired WHERE rule_id = 'AUDITBENCH-TICK'");
                };
                rule30Common = time("search ruleId=" + RULES[common] + " from=now-30d limit=" + (PAGE + 1),
                        options.reps, tick,
 () -> queries.search(new DecisionSearch(RULES[common], null, from, null, null,
                                null, PAGE + 1)).size());
                rule30Rare = time("search ruleId=" + RULES[rare] + " from=now-30d limit=" + (PAGE + 1), options.reps, tick,
                        () -> queries.search(new DecisionSearch(RULES[rare], null, from, null, null, null,
                                PAGE + 1)).size());
                int[] v = {0};
                verdict = time("search verdict=(4 verdicts in turn) limit=" + (PAGE + 1), options.reps, tick,
                        () -> queries.search(new DecisionSearch(null, VERDICTS[v[0]++ % 4], null, null, null, null,
                                PAGE + 1)).size());
                verdict30 = time("search verdict=(4 verdicts in turn) from=now-30d limit=" + (PAGE + 1),
                        options.reps, tick,
 () -> queries.search(new DecisionSearch(null, VERDICTS[v[0]++ % 4], from, null,
                                null, null, PAGE + 1)).size());
                byId = time("byId (random ids)", options.reps * 5, tick,
 () -> {
                    long seq = 1 + random.nextLong(size);
                    return queries.byId(decisionId(seq, decidedAt(seq, size, now))).map(d -> {
                        if (d.sequence() != seq) {
                            throw new IllegalStateException("byId found seq " + d.sequence() + ", not " + seq);
                        }
                        return 1;
                    }).orElseThrow(() -> new IllegalStateException("no decision " + seq));
                });
                chart = time("dailyVerdicts from=now-30d (the console's chart)", options.reps, tick,
                        () -> queries.dailyVerdicts(from, now).size());
                RuleUsageQuery ruleUsage = new RuleUsageQuery(new JdbcTemplate(pool),
                        JsonMapper.builder().build());
                usage = time("rule usage from=now-30d (the rules page)", Math.min(options.reps, 3), tick,
                        () -> ruleUsage.usage(from, now, null).size());
                // The same searches with the ORDER BY that AuditQueries had before V1's indexes were
                // matched (ORDER BY seq alone), for the before/after comparison in docs/audit-scale.md.
                int preReps = Math.min(options.reps, 3);
                queries.search(new DecisionSearch(RULES[common], null, from, null, null, null, PAGE + 1));
                String ruleSql = seqOnly(captured.lastSql);
                Object[] ruleArgs = captured.lastArgs;
                String rule30CommonBefore = time("  before the fix: " + ruleSql.replaceAll(".* ORDER BY", "ORDER BY"),
                        preReps, tick, () -> captured.query(ruleSql, (row, n) -> 1, ruleArgs).size());
                queries.search(new DecisionSearch(null, "READY", null, null, null, null, PAGE + 1));
                String verdictSql = seqOnly(captured.lastSql);
                Object[] verdictArgs = captured.lastArgs;
                String verdictBefore = time("  before the fix: verdict=READY " + verdictSql.replaceAll(".* ORDER BY",
                        "ORDER BY"), preReps, tick, () -> captured.query(verdictSql, (row, n) -> 1, verdictArgs).size());
                before = "rule X (common) " + rule30CommonBefore + "; verdict " + verdictBefore;
                explain(store, captured, queries, RULES[rare], from);
                verify = verify(pool, size, tick);
            }
            return String.format(Locale.ROOT, "| %s | %.1f s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |",
                    power(size), loadMillis / 1000.0, disk.replaceAll(" \\(.*", ""), rule30Common, rule30Rare, verdict,
                    verdict30, byId, chart, usage, verify, before);
        } finally {
            if (!options.keep) {
                store.drop();
            }
        }
    }

    // ---- load ----

    private void load(HikariDataSource pool, long size, Instant now, long[] ruleCounts) throws SQLException {
        SplittableRandom random = new SplittableRandom(42);
        long tenth = Math.max(1, size / 10);
        long start = System.nanoTime();
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            String prevHash = ChainRecord.GENESIS_HASH;
            try (PreparedStatement records = connection.prepareStatement(GroupCommitWriter.INSERT_RECORD);
                 PreparedStatement rules = connection.prepareStatement(GroupCommitWriter.INSERT_RULE);
                 PreparedStatement head = connection.prepareStatement(
                         "UPDATE audit_chain_head SET seq = ?, hash = ? WHERE id = 1")) {
                for (long seq = 1; seq <= size; seq++) {
                    Instant decidedAt = decidedAt(seq, size, now);
                    int verdict = pickVerdict(random);
                    List<String> ruleIds = pickRules(random, verdict, ruleCounts);
                    DecisionRecord decision = new DecisionRecord(decisionId(seq, decidedAt), decidedAt, RULESET,
                            VERDICTS[verdict], null, requestHash, requestBody, response(seq, decidedAt, verdict),
                            trace, timings, null, ruleIds);
                    ChainRecord chained = ChainRecord.of(seq, decision);
                    String hash = chained.hash(prevHash);
                    GroupCommitWriter.bind(records, chained, prevHash, hash);
                    records.addBatch();
                    for (String ruleId : ruleIds) {
                        GroupCommitWriter.bindRule(rules, ruleId, seq, decidedAt);
                        rules.addBatch();
                    }
                    prevHash = hash;
                    if (seq % BATCH == 0 || seq == size) {
                        records.executeBatch();
                        rules.executeBatch();
                    }
                    if (seq % COMMIT_EVERY == 0 || seq == size) {
                        head.setLong(1, seq);
                        head.setString(2, hash);
                        head.executeUpdate();
                        connection.commit();
                    }
                    if (seq % tenth == 0 && seq < size) {
                        double s = (System.nanoTime() - start) / 1e9;
                        System.out.printf(Locale.ROOT, "  loaded %,d in %.1f s (%.0f/s)%n", seq, s, seq / s);
                    }
                }
            }
            // The bulk load bypasses the writer, so the daily counts it keeps are made as V8 makes them
            // for records stored before it.
            try (Statement counts = connection.createStatement()) {
                counts.executeUpdate("DELETE FROM audit_daily_verdict");
                counts.executeUpdate("INSERT INTO audit_daily_verdict (utc_day, verdict, decisions) SELECT utc_day,"
                        + " verdict, COUNT(*) FROM (SELECT CAST(FLOOR(EXTRACT(EPOCH FROM decided_at) / 86400) AS BIGINT)"
                        + " AS utc_day, verdict FROM audit_record WHERE kind = 'DECISION') d GROUP BY utc_day, verdict");
                // Each generated decision fires each of its rules once, so firings = decisions here.
                counts.executeUpdate("DELETE FROM audit_hourly_rule");
                counts.executeUpdate("INSERT INTO audit_hourly_rule (utc_hour, ruleset_version, rule_id, decisions, firings)"
                        + " SELECT utc_hour, ruleset_version, rule_id, COUNT(*), COUNT(*) FROM (SELECT CAST(FLOOR(EXTRACT(EPOCH"
                        + " FROM r.decided_at) / 3600) AS BIGINT) AS utc_hour, r.ruleset_version, f.rule_id FROM audit_rule_fired f"
                        + " JOIN audit_record r ON r.seq = f.seq) d GROUP BY utc_hour, ruleset_version, rule_id");
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
            }
        }
    }

    /** Spread evenly over the 365 days up to now, rising with seq, with jitter inside each step. */
    private static Instant decidedAt(long seq, long size, Instant now) {
        long span = Duration.ofDays(365).toMillis();
        long step = span / size;
        long jitter = step <= 1 ? 0 : Math.floorMod(mix(seq), step);
        return now.minusMillis(span).plusMillis((seq - 1) * step + jitter);
    }

    /** A UUID version 7 like DecisionIds makes, its "random" bits derived from seq so any id can be rebuilt. */
    private static String decisionId(long seq, Instant decidedAt) {
        long high = (decidedAt.toEpochMilli() << 16) | 0x7000L | (mix(seq) & 0x0FFFL);
        long low = 0x8000000000000000L | (mix(~seq) & 0x3FFFFFFF00000000L) | seq;
        return new UUID(high, low).toString();
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private String response(long seq, Instant decidedAt, int verdict) {
        return responseBody.replace(SAMPLE_ID, decisionId(seq, decidedAt))
                .replace(SAMPLE_AT, ChainRecordHex.INSTANT.format(decidedAt))
                .replace(SAMPLE_VERDICT, "\"verdict\":\"" + VERDICTS[verdict] + "\"");
    }

    private static int pickVerdict(SplittableRandom random) {
        double u = random.nextDouble();
        for (int i = 0; i < VERDICT_SHARE.length - 1; i++) {
            if (u < VERDICT_SHARE[i]) {
                return i;
            }
            u -= VERDICT_SHARE[i];
        }
        return VERDICT_SHARE.length - 1;
    }

    /** The verdict's rule and 14 others, weighted sampling without replacement (Efraimidis-Spirakis). */
    private List<String> pickRules(SplittableRandom random, int verdict, long[] counts) {
        double[] keys = new double[RULES.length];
        Integer[] order = new Integer[RULES.length];
        for (int i = 0; i < RULES.length; i++) {
            keys[i] = Math.pow(random.nextDouble(), 1.0 / ruleWeights[i]);
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> keys[i]).reversed());
        List<String> picked = new ArrayList<>(RULES_PER_DECISION);
        for (int k = 0; k < RULES_PER_DECISION - 1; k++) {
            picked.add(RULES[order[k]]);
            counts[order[k]]++;
        }
        picked.add(VERDICT_RULES[verdict]);
        return picked;
    }

    // ---- measure ----

    private static String time(String what, int reps, Runnable tick, Supplier<Integer> query) {
        long[] micros = new long[reps];
        int rows = 0;
        for (int i = 0; i < reps; i++) {
            tick.run();
            long start = System.nanoTime();
            rows = query.get();
            micros[i] = (System.nanoTime() - start) / 1000;
        }
        long first = micros[0];
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        long median = sorted[reps / 2];
        long max = sorted[reps - 1];
        System.out.printf(Locale.ROOT, "%-70s rows=%d  first %8.2f ms  median %8.2f ms  max %8.2f ms  (n=%d)%n", what,
                rows, first / 1000.0, median / 1000.0, max / 1000.0, reps);
        return String.format(Locale.ROOT, "%.1f / %.1f", median / 1000.0, max / 1000.0);
    }

    private String verify(HikariDataSource pool, long size, Runnable tick) {
        ChainVerifier verifier = new ChainVerifier(new JdbcTemplate(pool), JsonMapper.builder().build());
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < options.verifyReps; i++) {
            tick.run();
            long start = System.nanoTime();
            ChainVerifier.Result result;
            try {
                result = verifier.verify(null);
            } catch (OutOfMemoryError e) {
                System.out.println("verify: OutOfMemoryError after " + (System.nanoTime() - start) / 1_000_000
                        + " ms (max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB)");
                return "OutOfMemoryError";
            } catch (RuntimeException e) {
                System.out.println("verify failed after " + (System.nanoTime() - start) / 1_000_000 + " ms: " + e);
                return "failed: " + e.getClass().getSimpleName();
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (!result.valid() || result.checked() != size) {
                throw new IllegalStateException("the loaded chain does not verify: " + result);
            }
            millis.add(ms);
            System.out.printf(Locale.ROOT, "verify(null): valid, %,d checked in %.1f s (%.0f records/s)%n",
                    result.checked(), ms / 1000.0, size * 1000.0 / Math.max(1, ms));
        }
        // What dominates: reading the rows back, or hashing them.
        tick.run();
        long scanStart = System.nanoTime();
        long[] scanned = {0, 0};
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false); // as ChainVerifier does, so that PostgreSQL streams by the fetch size
            try (PreparedStatement statement = connection.prepareStatement("""
                    SELECT seq, kind, decision_id, decided_at, ruleset_version, verdict, idempotency_key, request_hash,
                           request_body, response_body, trace, timings, caller, payload, prev_hash, hash
                    FROM audit_record ORDER BY seq /* scan only */""")) {
                statement.setFetchSize(500);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        scanned[0]++;
                        for (int c = 2; c <= 16; c++) {
                            String value = c == 4 ? row.getObject(4, java.time.OffsetDateTime.class).toString()
                                    : row.getString(c);
                            scanned[1] += value == null ? 0 : value.length();
                        }
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        long scanMs = (System.nanoTime() - scanStart) / 1_000_000;
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ChainRecord typical = ChainRecord.of(1, new DecisionRecord(decisionId(1, at), at, RULESET, "NOT_READY", null,
                requestHash, requestBody, response(1, at, 0), trace, timings, null, List.of()));
        String prev = ChainRecord.GENESIS_HASH;
        for (int i = 0; i < 20_000; i++) {
            prev = typical.hash(prev);
        }
        int n = 50_000;
        long hashStart = System.nanoTime();
        for (int i = 0; i < n; i++) {
            prev = typical.hash(prev);
        }
        double hashMicros = (System.nanoTime() - hashStart) / 1000.0 / n;
        System.out.printf(Locale.ROOT, "verify breakdown: same SELECT read without hashing %.1f s (%,d rows, %,d chars);"
                        + " hashing one record %.1f us, so %.1f s for %,d records%n", scanMs / 1000.0, scanned[0],
                scanned[1], hashMicros, hashMicros * size / 1e6, size);
        Collections.sort(millis);
        return String.format(Locale.ROOT, "%.1f s / %.1f s", millis.get(millis.size() / 2) / 1000.0,
                millis.get(millis.size() - 1) / 1000.0);
    }

    private void explain(Store store, Capture captured, AuditQueries queries, String rule, Instant from) {
        record Query(String name, DecisionSearch search) {
        }
        for (Query q : List.of(new Query("rule X (rare), last 30 days", new DecisionSearch(rule, null, from, null, null,
                        null, PAGE + 1)),
                new Query("verdict", new DecisionSearch(null, "READY", null, null, null, null, PAGE + 1)),
                new Query("verdict, last 30 days", new DecisionSearch(null, "READY", from, null, null, null,
                        PAGE + 1)))) {
            queries.search(q.search());
            String now = captured.lastSql;
            Object[] args = captured.lastArgs;
            for (String sql : now.equals(seqOnly(now)) ? List.of(now) : List.of(now, seqOnly(now))) {
                List<String> plan = captured.query(store.explainPrefix() + sql,
                        new ArgumentPreparedStatementSetter(args), (row, n) -> row.getString(1));
                System.out.println("explain " + q.name() + (sql.equals(now) ? "" : " (before the fix)") + ": "
                        + sql.replaceAll("\\s+", " ") + "  args=" + Arrays.toString(args));
                plan.forEach(line -> System.out.println("    " + line.replace("\n", "\n    ")));
            }
        }
    }

    /** The search's SQL as AuditQueries wrote it before the fix: ordered by seq alone. */
    private static String seqOnly(String sql) {
        return sql.replace(" ORDER BY f.rule_id DESC, f.seq DESC", " ORDER BY f.seq DESC")
                .replace(" ORDER BY r.verdict DESC, r.seq DESC", " ORDER BY r.seq DESC")
                .replace(" ORDER BY r.ruleset_version DESC, r.seq DESC", " ORDER BY r.seq DESC");
    }

    private static HikariDataSource pool(String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(size);
        config.setPoolName("auditbench");
        return new HikariDataSource(config);
    }

    private static String power(long size) {
        long p = Math.round(Math.log10(size));
        return (long) Math.pow(10, p) == size ? "10^" + p : String.format(Locale.ROOT, "%,d", size);
    }

    private static String sample(String name) {
        try (InputStream in = AuditScaleBenchmark.class.getResourceAsStream("/audit-sample/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no audit-sample/" + name + ".json on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    /** The SQL and arguments of the last query AuditQueries ran, to EXPLAIN exactly that. */
    private static final class Capture extends JdbcTemplate {
        private String lastSql;
        private Object[] lastArgs;

        @Override
        public <T> List<T> query(String sql, RowMapper<T> rowMapper, Object... args) {
            lastSql = sql;
            lastArgs = args;
            return super.query(sql, rowMapper, args);
        }
    }

    /** Hex SHA-256 and the instant format, as the service writes them. */
    private static final class ChainRecordHex {
        static final java.time.format.DateTimeFormatter INSTANT = java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

        static String sha256(String text) {
            try {
                return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(StandardCharsets.UTF_8)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    // ---- stores ----

    private interface Store {
        String loadUrl();

        String queryUrl();

        void afterLoad() throws SQLException;

        String diskSize() throws Exception;

        String explainPrefix();

        void drop() throws Exception;
    }

    /** A fresh H2 file, opened with the service's URL settings (application.properties). */
    private static final class H2Store implements Store {
        private final Path folder;
        private final String url;

        H2Store(Options options, long size) throws IOException {
            folder = Path.of(options.h2Dir, "n" + size);
            deleteTree(folder);
            Files.createDirectories(folder);
            url = "jdbc:h2:file:" + folder.resolve("audit") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
            System.out.println("store: " + url);
        }

        @Override
        public String loadUrl() {
            return url;
        }

        @Override
        public String queryUrl() {
            return url;
        }

        @Override
        public void afterLoad() {
            // the load pool is closed, which closed the database: the queries open it afresh
        }

        @Override
        public String diskSize() throws IOException {
            long total = 0;
            StringBuilder files = new StringBuilder();
            try (Stream<Path> list = Files.list(folder)) {
                for (Path file : list.toList()) {
                    long bytes = Files.size(file);
                    total += bytes;
                    files.append(files.length() == 0 ? "" : ", ").append(file.getFileName()).append(' ').append(mb(bytes));
                }
            }
            return mb(total) + " (" + files + ")";
        }

        @Override
        public String explainPrefix() {
            return "EXPLAIN ANALYZE ";
        }

        @Override
        public void drop() throws IOException {
            deleteTree(folder);
        }

        private static void deleteTree(Path path) throws IOException {
            if (!Files.exists(path)) {
                return;
            }
            try (Stream<Path> walk = Files.walk(path)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** A fresh schema on the PostgreSQL server, dropped at the end. */
    private static final class PostgresStore implements Store {
        private final String base;
        private final String schema;

        PostgresStore(Options options, long size) throws SQLException {
            base = options.pgUrl;
            schema = "auditbench_" + size + "_" + Long.toHexString(System.nanoTime() & 0xFFFFFFL);
            try (Connection connection = DriverManager.getConnection(base);
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE SCHEMA " + schema);
            }
            System.out.println("store: " + queryUrl());
        }

        @Override
        public String loadUrl() {
            return queryUrl() + "&reWriteBatchedInserts=true";
        }

        @Override
        public String queryUrl() {
            return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }

        @Override
        public void afterLoad() throws SQLException {
            // What autovacuum does after a bulk insert, done now so that it does not run during the timings.
            long start = System.nanoTime();
            try (Connection connection = DriverManager.getConnection(queryUrl());
                 Statement statement = connection.createStatement()) {
                statement.execute("VACUUM (ANALYZE) audit_record");
                statement.execute("VACUUM (ANALYZE) audit_rule_fired");
            }
            System.out.printf(Locale.ROOT, "VACUUM (ANALYZE) after load: %.1f s%n", (System.nanoTime() - start) / 1e9);
        }

        @Override
        public String diskSize() throws SQLException {
            Map<String, String> parts = new LinkedHashMap<>();
            long total = 0;
            try (Connection connection = DriverManager.getConnection(queryUrl());
                 PreparedStatement statement = connection.prepareStatement("""
                         SELECT c.relname, pg_total_relation_size(c.oid), pg_relation_size(c.oid),
                                COALESCE(pg_total_relation_size(NULLIF(c.reltoastrelid, 0)), 0), pg_indexes_size(c.oid)
                         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE n.nspname = ? AND c.relkind = 'r' ORDER BY 2 DESC""")) {
                statement.setString(1, schema);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        total += row.getLong(2);
                        if (row.getLong(2) > 1 << 20) {
                            parts.put(row.getString(1), mb(row.getLong(2)) + " = heap " + mb(row.getLong(3))
                                    + " + toast " + mb(row.getLong(4)) + " + indexes " + mb(row.getLong(5)));
                        }
                    }
                }
            }
            return mb(total) + " (" + parts + ")";
        }

        @Override
        public String explainPrefix() {
            return "EXPLAIN (ANALYZE, BUFFERS) ";
        }

        @Override
        public void drop() throws SQLException {
            try (Connection connection = DriverManager.getConnection(base);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
            System.out.println("dropped schema " + schema);
        }
    }

    private record Options(String store, List<Long> sizes, int reps, int verifyReps, String h2Dir, String pgUrl,
                           boolean keep) {

        static Options parse(String[] args) {
            String store = null;
            List<Long> sizes = new ArrayList<>();
            int reps = 11;
            int verifyReps = 2;
            String h2Dir = "/tmp/draagvlak-auditbench";
            String pgUrl = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
            boolean keep = false;
            for (String arg : args) {
                if (arg.startsWith("--reps=")) {
                    reps = Integer.parseInt(arg.substring(7));
                } else if (arg.startsWith("--verify-reps=")) {
                    verifyReps = Integer.parseInt(arg.substring(14));
                } else if (arg.startsWith("--h2-dir=")) {
                    h2Dir = arg.substring(9);
                } else if (arg.startsWith("--pg-url=")) {
                    pgUrl = arg.substring(9);
                } else if (arg.equals("--keep")) {
                    keep = true;
                } else if (store == null) {
                    store = arg;
                } else {
                    for (String size : arg.split(",")) {
                        sizes.add(parseSize(size));
                    }
                }
            }
            if (store == null || !(store.equals("h2") || store.equals("postgres")) || sizes.isEmpty() || reps < 1
                    || verifyReps < 1) {
                throw new IllegalArgumentException("usage: AuditScaleBenchmark h2|postgres SIZE... [--reps=N]"
                        + " [--verify-reps=N] [--h2-dir=DIR] [--pg-url=URL] [--keep]   (SIZE like 10000 or 1e6)");
            }
            return new Options(store, sizes, reps, verifyReps, h2Dir, pgUrl, keep);
        }

        private static long parseSize(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT).replace("_", "");
            if (t.startsWith("1e")) {
                return (long) Math.pow(10, Integer.parseInt(t.substring(2)));
            }
            if (t.startsWith("10^")) {
                return (long) Math.pow(10, Integer.parseInt(t.substring(3)));
            }
            return Long.parseLong(t);
        }
    }
}
