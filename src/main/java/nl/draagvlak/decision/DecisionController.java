package nl.draagvlak.decision;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.draagvlak.model.Language;
import nl.draagvlak.contract.FieldError;
import nl.draagvlak.contract.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/decisions}: a thin shell around {@link DecisionService}. */
@RestController
class DecisionController {

    private static final Logger log = LoggerFactory.getLogger(DecisionController.class);

    /** The audit store keeps keys up to this length. */
    static final int MAX_IDEMPOTENCY_KEY = 200;

    private final DecisionService decisions;
    private final DecisionAdmission admission;
    private final DecisionMeters meters;

    DecisionController(DecisionService decisions, DecisionAdmission admission, DecisionMeters meters) {
        this.decisions = decisions;
        this.admission = admission;
        this.meters = meters;
    }

    /** No {@code produces}: {@link JsonOnlyFilter} has refused clients that take no JSON, errors included. */
    @PostMapping(path = "/api/v1/decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> decide(HttpServletRequest request,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                  @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false)
                                  String acceptLanguage)
            throws IOException {
        long start = System.nanoTime();
        DecisionService.Outcome outcome;
        try {
            outcome = admitAndDecide(request, blankToNull(idempotencyKey), AcceptLanguage.choose(acceptLanguage));
        } catch (RuntimeException | IOException e) {
            meters.decision(start, null, DecisionMeters.Outcome.of(e));
            throw e;
        }
        meters.decision(start, outcome.record().verdict(), DecisionMeters.Outcome.DECIDED);
        log.debug("Answered decision {}: {} ({})", outcome.record().decisionId(), outcome.record().verdict(),
                outcome.created() ? "made now" : "stored before, same idempotency key");
        URI decision = URI.create("/api/v1/decisions/" + outcome.record().decisionId());
        // A replay creates nothing: Content-Location says where the stored decision it returns lives.
        ResponseEntity.BodyBuilder response = outcome.created()
                ? ResponseEntity.created(decision)
                : ResponseEntity.ok().header(HttpHeaders.CONTENT_LOCATION, decision.toString());
        // The language the stored answer is in: a retry gets the stored decision as it was stored.
        return response.contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_LANGUAGE, outcome.record().language())
                .body(outcome.record().responseBody().getBytes(StandardCharsets.UTF_8));
    }

    private DecisionService.Outcome admitAndDecide(HttpServletRequest request, String key, Language language)
            throws IOException {
        if (key != null && key.length() > MAX_IDEMPOTENCY_KEY) {
            throw new InvalidRequestException(List.of(new FieldError("Idempotency-Key",
                    "must be at most " + MAX_IDEMPOTENCY_KEY + " characters")));
        }
        byte[] body = RequestBody.read(request.getInputStream(), request.getContentLengthLong());
        // The signed-in caller (user name, or the token's subject), recorded with the decision.
        String caller = request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName();
        admission.enter();
        try {
            return decisions.decide(body, key, caller, language);
        } finally {
            admission.leave();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
