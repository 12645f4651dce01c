package nl.draagvlak.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API answers in JSON only: data as {@code application/json}, errors as
 * {@code application/problem+json}. A client whose {@code Accept} header takes either (or any
 * type that includes them, such as {@code *}{@code /*}) gets the answer, an error included,
 * whatever else it lists; one that accepts no JSON at all gets a 406 problem before anything is
 * done for it. This is the only content negotiation the API does.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class JsonOnlyFilter extends OncePerRequestFilter {

    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

    private final ProblemResponses problems;

    JsonOnlyFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (acceptsJson(String.join(",", Collections.list(request.getHeaders(HttpHeaders.ACCEPT))))) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.ACCEPT, "application/json, application/problem+json");
        problems.write(request, response, ProblemResponses.forStatus(HttpStatus.NOT_ACCEPTABLE,
                "This API answers in application/json, and errors in application/problem+json; the Accept header"
                        + " allows neither."));
    }

    /** Whether an Accept header takes JSON: absent, or listing a range that includes a JSON type with a quality above 0. */
    static boolean acceptsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        List<MediaType> ranges;
        try {
            ranges = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return true; // a header that cannot be read states no preference
        }
        for (MediaType json : JSON) {
            MediaType mostSpecific = null;
            for (MediaType range : ranges) {
                if (range.includes(json) && (mostSpecific == null || moreSpecific(range, mostSpecific))) {
                    mostSpecific = range;
                }
            }
            if (mostSpecific != null && mostSpecific.getQualityValue() > 0) {
                return true;
            }
        }
        return false;
    }

    /** RFC 9110 12.5.1: the most specific range that matches decides a type's quality. */
    private static boolean moreSpecific(MediaType range, MediaType than) {
        return specificity(range) > specificity(than);
    }

    private static int specificity(MediaType range) {
        if (range.isWildcardType()) {
            return 0;
        }
        return range.isWildcardSubtype() ? 1 : 2;
    }
}
