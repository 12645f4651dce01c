package nl.draagvlak.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nl.draagvlak.audit.ChainVerifier;
import nl.draagvlak.audit.RulesetArchive;
import nl.draagvlak.audit.StoredDecision;
import nl.draagvlak.web.TimeFormats;
import nl.draagvlak.engine.RuleFile;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Builds a {@link DecisionPage} from the stored record, and the ruleset files that ran it. */
@Component
class DecisionPages {

    private final JsonMapper json;
    private final Labels labels;
    private final RulesetArchive archive;
    private final ChainVerifier verifier;
    /** Rule texts by version and rule name; a stored version never changes. */
    private final Map<String, Map<String, String>> drl = new ConcurrentHashMap<>();

    DecisionPages(JsonMapper json, Labels labels, RulesetArchive archive, ChainVerifier verifier) {
        this.json = json;
        this.labels = labels;
        this.archive = archive;
        this.verifier = verifier;
    }

    DecisionPage of(StoredDecision stored) {
        JsonNode request = json.readTree(stored.requestBody());
        JsonNode response = json.readTree(stored.responseBody());
        JsonNode trace = stored.trace() == null ? json.createArrayNode() : json.readTree(stored.trace());
        Map<String, String> texts = texts(stored.rulesetVersion());
        List<DecisionPage.Step> steps = new ArrayList<>();
        for (JsonNode entry : trace) {
            steps.add(step(entry, texts));
        }
        // Verdict rules fire last, and exactly one does: the last step that is a verdict rule set it.
        DecisionPage.Step verdictRule = null;
        for (DecisionPage.Step step : steps) {
            if (step.ruleId().startsWith("VERDICT-")) {
                verdictRule = step;
            }
        }
        List<DecisionPage.Gap> gaps = new ArrayList<>();
        for (JsonNode gap : response.path("notAssessed")) {
            List<String> missing = new ArrayList<>();
            gap.path("missing").forEach(path -> missing.add(path(path.asText())));
            gaps.add(new DecisionPage.Gap(gap.path("ruleId").asText(), DecisionPage.text(gap.get("subject")),
                    gap.hasNonNull("stakeholderIndex") ? gap.get("stakeholderIndex").asInt() : null, missing));
        }
        return new DecisionPage(stored.decisionId(), TimeFormats.DECIDED_AT.format(stored.decidedAt()),
                stored.caller(), stored.rulesetVersion(), stored.sequence(), stored.hash(), stored.verdict(),
                verdictRule, input(request), stakeholders(request), DecisionPage.bySeverity(response.path("findings")),
                response.path("findings").size(), gaps, steps, verifier.checkRecord(stored.sequence()).orElse(null));
    }

    /** A request path such as {@code successFactors.administrativeChampion}, in words. */
    String path(String path) {
        String[] parts = path.split("\\.", 2);
        if (parts.length < 2) {
            return labels.section(path);
        }
        String section = parts[0].replaceAll("\\[\\d+]$", "");
        String title = section.equals(parts[0]) ? labels.section(section)
                : labels.text("console.decision.stakeholder", "Stakeholder") + " " + parts[0].replaceAll("\\D", "");
        return title + ": " + labels.field(section, parts[1]);
    }

    private DecisionPage.Step step(JsonNode entry, Map<String, String> texts) {
        List<DecisionPage.Fact> facts = new ArrayList<>();
        for (JsonNode matched : entry.path("matched")) {
            List<DecisionPage.Value> values = new ArrayList<>();
            matched.path("values").properties().forEach(value ->
                    values.add(new DecisionPage.Value(value.getKey(), DecisionPage.text(value.getValue()))));
            facts.add(new DecisionPage.Fact(matched.path("fact").asText(), values));
        }
        String rule = entry.path("rule").asText();
        return new DecisionPage.Step(entry.path("seq").asInt(), entry.path("ruleId").asText(), rule,
                entry.path("file").asText(), facts, texts.get(rule));
    }

    private List<DecisionPage.InputSection> input(JsonNode request) {
        List<DecisionPage.InputSection> sections = new ArrayList<>();
        for (RequestFields.Section section : RequestFields.sections()) {
            sections.add(new DecisionPage.InputSection(labels.section(section.name()),
                    fields(section, request.get(section.name()))));
        }
        return sections;
    }

    private List<DecisionPage.InputSection> stakeholders(JsonNode request) {
        List<DecisionPage.InputSection> rows = new ArrayList<>();
        int n = 0;
        for (JsonNode stakeholder : request.path(RequestFields.STAKEHOLDERS)) {
            rows.add(new DecisionPage.InputSection(labels.text("console.decision.stakeholder", "Stakeholder") + " "
                    + n++, fields(RequestFields.stakeholder(), stakeholder)));
        }
        return rows;
    }

    private List<DecisionPage.InputField> fields(RequestFields.Section section, JsonNode object) {
        List<DecisionPage.InputField> fields = new ArrayList<>();
        for (RequestFields.Field field : section.fields()) {
            JsonNode value = object == null ? null : object.get(field.name());
            boolean known = value != null && !value.isNull();
            String shown;
            if (!known) {
                shown = labels.value(null);
            } else if (value.isArray()) {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(labels.value(item.asText())));
                shown = items.isEmpty() ? labels.text("value.none", "none") : String.join(", ", items);
            } else {
                shown = labels.value(value.asText());
            }
            fields.add(new DecisionPage.InputField(labels.field(section.name(), field.name()), shown, known));
        }
        return fields;
    }

    /** Each rule's text (from its {@code rule "name"} line to its {@code end}) in the files of a stored version. */
    private Map<String, String> texts(String version) {
        Map<String, String> known = drl.get(version);
        if (known != null) {
            return known;
        }
        Optional<List<RuleFile>> files = archive.files(version);
        if (files.isEmpty()) {
            return Map.of();
        }
        Map<String, String> texts = new ConcurrentHashMap<>();
        for (RuleFile file : files.get()) {
            String[] lines = file.text().split("\r?\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (!line.startsWith("rule \"")) {
                    continue;
                }
                int close = line.indexOf('"', 6);
                if (close < 0) {
                    continue;
                }
                StringBuilder text = new StringBuilder(file.path()).append(':').append(i + 1).append('\n');
                for (int j = i; j < lines.length; j++) {
                    text.append(lines[j]).append('\n');
                    if (j > i && lines[j].strip().equals("end")) {
                        break;
                    }
                }
                texts.put(line.substring(6, close), text.toString());
            }
        }
        drl.put(version, texts);
        return texts;
    }
}
