package nl.draagvlak.decision;

import nl.draagvlak.web.ProblemHandler;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** An idempotency key was reused with a different request body: a 409 problem, answered by Spring MVC's own handling. */
final class IdempotencyConflictException extends ErrorResponseException {

    IdempotencyConflictException(String key) {
        super(HttpStatus.CONFLICT, ProblemHandler.problem(HttpStatus.CONFLICT, "idempotency-key-reused",
                "Idempotency key reused",
                "the Idempotency-Key '" + key + "' was already used with a different request body"), null);
    }
}
