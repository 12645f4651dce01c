package nl.draagvlak.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import nl.draagvlak.audit.AuditOutcomeUnknownException;
import nl.draagvlak.audit.AuditStoreFailureException;
import nl.draagvlak.audit.AuditUnavailableException;
import nl.draagvlak.audit.StoreFailures;
import nl.draagvlak.contract.FieldError;
import nl.draagvlak.contract.InvalidRequestException;
import nl.draagvlak.engine.RuleExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Every error as an RFC 9457 problem: bad input names its field, a failing rule names the rule,
 * and nothing ever carries a stack trace. Framework errors (wrong method, wrong content type,
 * unknown path) come through {@link ResponseEntityExceptionHandler} as problems too. A store
 * that is unreachable or refusing is a 503 to retry; a store that fails for a reason no retry
 * fixes (bad SQL, a broken schema) is a 500, logged with its details under the request id that
 * the problem carries.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    static final String TYPE_BASE = ProblemResponses.TYPE_BASE;

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "The request is not valid",
                describe(e.errors()));
        problem.setProperty("errors", e.errors().stream()
                .map(error -> Map.of("field", error.field(), "message", error.message())).toList());
        return respond(problem);
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<ProblemDetail> bodyTooLarge(BodyTooLargeException e) {
        ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "The request body is too large",
                e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", "$", "message", e.getMessage())));
        return respond(problem);
    }

    @ExceptionHandler(AuditUnavailableException.class)
    ResponseEntity<ProblemDetail> auditUnavailable(AuditUnavailableException e) {
        log.warn("Decision refused, audit store unavailable: {}", e.getMessage());
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "audit-unavailable",
                "The audit trail cannot record decisions right now",
                "No decision was made: every decision is recorded before it is answered. Retry later.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
    }

    @ExceptionHandler(AuditOutcomeUnknownException.class)
    ResponseEntity<ProblemDetail> auditOutcomeUnknown(AuditOutcomeUnknownException e) {
        log.warn("Decision outcome unknown, the audit store stopped answering during its commit: {}", e.getMessage());
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "audit-outcome-unknown",
                "Whether the decision was recorded is not known",
                "The audit store stopped answering while it committed this decision, so it may or may not have"
                        + " been recorded. Retry with the same Idempotency-Key: you get the recorded decision (200)"
                        + " if it was, or a new decision (201) if it was not.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
    }

    @ExceptionHandler(RuleExecutionException.class)
    ResponseEntity<ProblemDetail> ruleFailed(RuleExecutionException e) {
        log.error("A rule failed while deciding: {}", e.getMessage(), e);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "rule-failure",
                "A rule failed while deciding", e.getMessage());
        problem.setProperty("ruleId", e.ruleId());
        return respond(problem);
    }

    @ExceptionHandler(AuditStoreFailureException.class)
    ResponseEntity<ProblemDetail> auditStoreFailed(AuditStoreFailureException e) {
        log.error("Decision refused, the audit store failed: {}", e.getMessage(), e);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "audit-store-failure", "The audit store failed",
                "No decision was made: the audit store refused the record for a reason a retry does not fix."
                        + " The error is logged under this problem's requestId."));
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> storeUnreadable(DataAccessException e) {
        if (!StoreFailures.isUnavailable(e)) {
            log.error("The audit store failed to answer: {}", e.getMessage(), e);
            return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "audit-store-failure", "The audit store failed",
                    "The audit store failed to answer for a reason a retry does not fix."
                            + " The error is logged under this problem's requestId."));
        }
        log.warn("Audit store cannot be read: {}", e.getMessage());
        ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "audit-unavailable",
                "The audit trail cannot be read right now", "The audit store is not reachable. Retry later.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1").body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> parameterMismatch(MethodArgumentTypeMismatchException e) {
        String message = "must be " + (e.getRequiredType() == null ? "of another type"
                : e.getRequiredType().getSimpleName().toLowerCase(java.util.Locale.ROOT).replace("integer", "an integer"));
        return invalidRequest(new InvalidRequestException(List.of(new FieldError(e.getName(), message))));
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return respond(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            // the client hung up (e.g. mid-body): nobody to answer, and nothing wrong with the service
            log.debug("Client went away: {}", e.toString());
            return null;
        }
        log.error("Unexpected error", e);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The service failed to handle this request; the error is logged."));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (body == null && ex instanceof ErrorResponse errorResponse) {
            body = errorResponse.getBody();
        }
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(URI.create(TYPE_BASE + statusCode.value()));
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    public static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        return ProblemResponses.problem(status, type, title, detail);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static String describe(List<FieldError> errors) {
        return String.join("; ", errors.stream().map(error -> error.field() + " " + error.message()).toList());
    }
}
