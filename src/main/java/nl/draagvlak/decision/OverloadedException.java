package nl.draagvlak.decision;

import java.net.URI;
import java.time.Duration;
import nl.draagvlak.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Too many decisions in progress: a 503 problem with {@code Retry-After}, answered by Spring MVC's own handling. */
class OverloadedException extends ErrorResponseException {

    OverloadedException(int maxInFlight, Duration retryAfter) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(maxInFlight), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
    }

    private static ProblemDetail problem(int maxInFlight) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "No decision was made: " + maxInFlight + " decisions are in progress, the most this service takes at once."
                        + " Retry after the time in Retry-After.");
        problem.setType(URI.create(ProblemResponses.TYPE_BASE + "overloaded"));
        problem.setTitle("Too many decisions in progress");
        return problem;
    }
}
