package nl.draagvlak.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers a request that is not signed in (401, with the ways to sign in in {@code WWW-Authenticate})
 * or not allowed (403). The body is written by Spring MVC's exception resolvers, like every other
 * error, so it is the same RFC 9457 problem ({@link SecurityProblemAdvice}) as the rest of the API.
 *
 * <p>Not a copy of {@link nl.draagvlak.web.ProblemResponses}: that one makes problems (types, instance,
 * request id) and this one makes none; it is Spring Security's entry point and denied handler, adds the
 * sign-in challenges, and hands the refusal to MVC, where the body is built with web's. Writing the body
 * here with {@code web.ProblemResponses#write} would bypass the message conversion and content
 * negotiation of MVC that every other error goes through.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "draagvlak";

    private final HandlerExceptionResolver resolver;
    private final boolean bearer;

    ProblemResponses(HandlerExceptionResolver resolver, boolean bearer) {
        this.resolver = resolver;
        this.bearer = bearer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        if (bearer) {
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, bearerChallenge(e));
        }
        resolve(request, response, e, HttpServletResponse.SC_UNAUTHORIZED);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        resolve(request, response, e, HttpServletResponse.SC_FORBIDDEN);
    }

    /** RFC 6750: a refused token says why, in words that name no secret. */
    private static String bearerChallenge(AuthenticationException e) {
        StringBuilder challenge = new StringBuilder("Bearer realm=\"" + REALM + "\"");
        if (e instanceof OAuth2AuthenticationException oauth) {
            OAuth2Error error = oauth.getError();
            challenge.append(", error=\"").append(quoted(error.getErrorCode())).append('"');
            if (error.getDescription() != null) {
                challenge.append(", error_description=\"").append(quoted(error.getDescription())).append('"');
            }
        }
        return challenge.toString();
    }

    private static String quoted(String text) {
        return text.replaceAll("[\\\\\"\\r\\n]", " ");
    }

    private void resolve(HttpServletRequest request, HttpServletResponse response, Exception e, int status)
            throws IOException {
        ModelAndView resolved = resolver.resolveException(request, response, null, e);
        if (resolved == null && !response.isCommitted()) {
            response.sendError(status);
        }
    }
}
