package nl.draagvlak.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.draagvlak.audit.AuditQueries;
import nl.draagvlak.audit.DecisionSearch;
import nl.draagvlak.audit.StoredDecision;
import nl.draagvlak.contract.FieldError;
import nl.draagvlak.contract.InvalidRequestException;
import nl.draagvlak.web.TimeFormats;
import nl.draagvlak.model.Verdict;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /console}: the decision search (the API's filters, newest first, paged) and decisions per verdict over time. */
@Controller
class SearchController {

    static final int PAGE = 25;
    private static final int CHART_DAYS = 30;

    private final AuditQueries queries;

    SearchController(AuditQueries queries) {
        this.queries = queries;
    }

    record Row(String decisionId, String decidedAt, String verdict, String caller, String rulesetVersion) {
    }

    record Filters(String ruleId, String verdict, String caller, String from, String to, String rulesetVersion) {
    }

    @GetMapping("/console")
    String search(@RequestParam(required = false) String ruleId, @RequestParam(required = false) String verdict,
                  @RequestParam(required = false) String caller, @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to, @RequestParam(required = false) String rulesetVersion,
                  @RequestParam(required = false) String cursor, Model model) {
        Filters filters = new Filters(ConsoleTimes.blankToNull(ruleId), ConsoleTimes.blankToNull(verdict),
                ConsoleTimes.blankToNull(caller), ConsoleTimes.blankToNull(from), ConsoleTimes.blankToNull(to),
                ConsoleTimes.blankToNull(rulesetVersion));
        if (filters.verdict() != null && Arrays.stream(Verdict.values()).noneMatch(v -> v.name().equals(filters.verdict()))) {
            throw new InvalidRequestException(List.of(new FieldError("verdict", "must be one of "
                    + List.of(Verdict.values()))));
        }
        Instant start = ConsoleTimes.parse("from", filters.from());
        Instant end = ConsoleTimes.parse("to", filters.to());
        Long before = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                before = Long.parseLong(cursor.strip());
            } catch (NumberFormatException e) {
                throw new InvalidRequestException(List.of(new FieldError("cursor", "must be the next page's cursor")));
            }
        }
        List<StoredDecision> found = queries.search(new DecisionSearch(filters.ruleId(), filters.verdict(), start, end,
                filters.rulesetVersion(), before, PAGE + 1, filters.caller()));
        boolean more = found.size() > PAGE;
        found = more ? found.subList(0, PAGE) : found;
        model.addAttribute("filters", filters);
        model.addAttribute("verdicts", Arrays.stream(Verdict.values()).map(Enum::name).toList());
        model.addAttribute("rows", found.stream().map(d -> new Row(d.decisionId(),
                TimeFormats.DECIDED_AT.format(d.decidedAt()), d.verdict(), d.caller(), d.rulesetVersion())).toList());
        model.addAttribute("nextCursor", more ? Long.toString(found.get(found.size() - 1).sequence()) : null);
        model.addAttribute("firstPage", before == null);
        chart(start, end, model);
        return "console/search";
    }

    /** Decisions per verdict per day over the period searched, or the last 30 days. */
    private void chart(Instant from, Instant to, Model model) {
        Instant end = to != null ? to : Instant.now();
        Instant start = from != null ? from : end.minus(CHART_DAYS, ChronoUnit.DAYS);
        if (!start.isBefore(end)) {
            start = end.minus(CHART_DAYS, ChronoUnit.DAYS);
        }
        LocalDate first = start.atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate last = end.atZone(ZoneOffset.UTC).toLocalDate();
        if (first.plusDays(366).isBefore(last)) {
            first = last.minusDays(366);
            start = first.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (AuditQueries.DailyCount count : queries.dailyVerdicts(start, end)) {
            counts.computeIfAbsent(count.day().toString(), d -> new TreeMap<>()).put(count.verdict(), count.decisions());
        }
        List<String> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(day.toString());
        }
        List<String> series = Arrays.stream(Verdict.values()).map(Enum::name).toList();
        model.addAttribute("chart", BarChart.columns(days, series, counts));
        model.addAttribute("chartFrom", first.toString());
        model.addAttribute("chartTo", last.toString());
        model.addAttribute("chartSeries", series);
        model.addAttribute("chartTable", counts);
    }
}
