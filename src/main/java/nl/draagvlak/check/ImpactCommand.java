package nl.draagvlak.check;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.draagvlak.audit.DecisionSamples;
import nl.draagvlak.engine.CompiledRuleset;
import nl.draagvlak.engine.DecisionEngine;
import nl.draagvlak.engine.RuleFile;
import nl.draagvlak.engine.RuleFolder;
import nl.draagvlak.engine.RuleProblem;
import nl.draagvlak.engine.RulesetCompilationException;
import nl.draagvlak.engine.RulesetCompiler;
import nl.draagvlak.ruleset.ImpactAnalysis;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code impact --rules DIR [--last N] [--url URL | --store JDBC_URL]}: what the rules in DIR would
 * change in the last N decisions (default 1000). With {@code --url} it asks a running service
 * ({@code POST /api/v1/rulesets/impact}); otherwise it reads the audit store directly, which only
 * works while no service holds it (the embedded store is locked by the service using it).
 */
public final class ImpactCommand {

    static final String DEFAULT_STORE = "jdbc:h2:file:./data/draagvlak;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
            + "DEFAULT_NULL_ORDERING=HIGH";
    private static final String USAGE = "usage: impact --rules DIR [--last N] [--url URL [--user NAME:PASSWORD] | --store JDBC_URL]";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PrintStream out;

    public ImpactCommand(PrintStream out) {
        this.out = out;
    }

    public int run(String[] args) {
        CheckCommand.quietLibraryLogging();
        Path rules = null;
        int last = 1000;
        String url = null;
        String user = null;
        String store = DEFAULT_STORE;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--rules" -> rules = Path.of(args[++i]);
                    case "--last" -> last = Integer.parseInt(args[++i]);
                    case "--url" -> url = args[++i];
                    case "--user" -> user = args[++i];
                    case "--store" -> store = args[++i];
                    default -> throw new IllegalArgumentException(args[i]);
                }
            }
        } catch (RuntimeException e) {
            out.println(USAGE);
            return 2;
        }
        if (rules == null || last < 1) {
            out.println(USAGE);
            return 2;
        }
        try {
            List<RuleFile> files = RuleFolder.read(rules);
            String report = url != null ? viaService(url, user, files, last) : direct(store, files, last);
            out.println(report);
            return 0;
        } catch (RulesetCompilationException e) {
            e.problems().stream().map(RuleProblem::format).forEach(out::println);
            out.println("FAILED: the rules do not compile (" + e.problems().size() + " problem(s))");
            return 1;
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            out.println("FAILED: " + e.getMessage() + (cause == e ? "" : " (" + cause.getMessage() + ")"));
            return 1;
        }
    }

    private static String direct(String store, List<RuleFile> files, int last) {
        CompiledRuleset candidate = new RulesetCompiler().compile(files);
        DriverManagerDataSource dataSource = new DriverManagerDataSource(store);
        if (store.startsWith("jdbc:h2:")) {
            dataSource.setUsername("sa"); // the embedded store's user (application.properties)
        }
        List<DecisionSamples.Sampled> sample = DecisionSamples.over(dataSource).last(last);
        ImpactAnalysis.Report report = new ImpactAnalysis(new DecisionEngine()).replay(candidate, sample.stream()
                .map(s -> new ImpactAnalysis.Past(s.decisionId(), s.requestBody(), s.responseBody())).toList());
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report);
    }

    /** Signs in as {@code user} ({@code NAME:PASSWORD}, as curl's {@code -u}) when given: impact needs rules-admin. */
    private static String viaService(String url, String user, List<RuleFile> files, int last) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("candidate", Map.of("files", files.stream()
                .map(file -> Map.of("path", file.path(), "content", file.text())).toList()));
        body.put("sample", Map.of("last", last));
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url.replaceAll("/+$", "") + "/api/v1/rulesets/impact"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (user != null) {
            builder.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString(user.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the service answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(response.body()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot reach " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
