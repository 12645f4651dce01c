package nl.draagvlak.console;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import nl.draagvlak.contract.FieldError;
import nl.draagvlak.contract.InvalidRequestException;
import nl.draagvlak.decision.DecisionAdmission;
import nl.draagvlak.decision.DecisionService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /console/try}: builds a request field by field (every field may stay unknown) and decides
 * it through {@link DecisionService} and the same admission limit as the API: stored in the audit
 * trail with the signed-in caller, like any other decision.
 */
@Controller
class TryController {

    private final DecisionService decisions;
    private final DecisionAdmission admission;
    private final JsonMapper json;
    private final Labels labels;

    TryController(DecisionService decisions, DecisionAdmission admission, JsonMapper json, Labels labels) {
        this.decisions = decisions;
        this.admission = admission;
        this.json = json;
        this.labels = labels;
    }

    @GetMapping("/console/try")
    String form(@RequestParam(required = false) Integer rows, Model model) {
        fill(model, Map.of(), rows(rows));
        return "console/try";
    }

    @PostMapping("/console/try")
    String decide(HttpServletRequest request, HttpServletResponse response, Principal principal,
                  @RequestParam(required = false) Integer rows, @RequestParam(required = false) String addRow,
                  Model model) {
        Map<String, String[]> form = request.getParameterMap();
        int count = rows(rows);
        if (addRow != null) {
            fill(model, form, Math.min(count + 1, TryRequest.MAX_ROWS));
            return "console/try";
        }
        ObjectNode body = TryRequest.body(form, count, json);
        fill(model, form, count);
        model.addAttribute("sent", json.writerWithDefaultPrettyPrinter().writeValueAsString(body));
        // The same admission as the API's: past max-in-flight decisions in progress, a 503 page.
        admission.enter();
        try {
            DecisionService.Outcome outcome = decisions.decide(json.writeValueAsBytes(body), null, principal.getName());
            JsonNode answer = json.readTree(outcome.record().responseBody());
            model.addAttribute("answer", answer);
            model.addAttribute("findings", DecisionPage.bySeverity(answer.path("findings")));
        } catch (InvalidRequestException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", e.errors().stream().map(error -> error.field() + " " + error.message()).toList());
        } finally {
            admission.leave();
        }
        return "console/try";
    }

    private void fill(Model model, Map<String, String[]> form, int rows) {
        model.addAttribute("sections", TryForm.sections(form, labels));
        model.addAttribute("stakeholderRows", TryForm.stakeholders(form, rows, labels));
        model.addAttribute("rows", rows);
    }

    private static int rows(Integer rows) {
        return rows == null ? TryRequest.DEFAULT_ROWS : Math.max(0, Math.min(rows, TryRequest.MAX_ROWS));
    }
}
