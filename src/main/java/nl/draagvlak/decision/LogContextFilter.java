package nl.draagvlak.decision;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import org.slf4j.MDC;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Names the caller in every log line of a request once it is signed in (MDC key {@code caller}:
 * the user name, or the token's subject), and clears what the request put in the log context on
 * its way ({@code decisionId}, set once a decision has its id). Runs right after the security
 * filters, so a request they refuse has no caller; {@link RequestIdFilter} has put
 * {@code requestId} before them.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1)
public class LogContextFilter extends OncePerRequestFilter {

    public static final String CALLER = "caller";
    public static final String DECISION_ID = "decisionId";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Principal caller = request.getUserPrincipal();
        if (caller != null) {
            MDC.put(CALLER, caller.getName());
        }
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(CALLER);
            MDC.remove(DECISION_ID);
        }
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
