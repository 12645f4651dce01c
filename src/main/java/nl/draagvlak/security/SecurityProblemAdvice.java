package nl.draagvlak.security;

import nl.draagvlak.web.ProblemHandler;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * 401 and 403 as problems. Ordered before the catch-all of {@link ProblemHandler}, which would
 * otherwise answer them as 500s. The words say what to do, not why a credential failed: a caller
 * learns nothing about which user names exist.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityProblemAdvice {

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthorized(AuthenticationException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(ProblemHandler.problem(HttpStatus.UNAUTHORIZED,
                "unauthorized", "Sign in first",
                "This request needs a signed-in caller: HTTP Basic with a configured user, or a bearer token (JWT)."));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ProblemHandler.problem(HttpStatus.FORBIDDEN,
                "forbidden", "Not allowed", "Your roles do not allow this request."));
    }
}
