package nl.draagvlak.security;

import jakarta.servlet.DispatcherType;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may call which endpoint (SECURITY.md has the same table). Every pattern is a whole path
 * ({@code /api/v1/rules} does not match {@code /api/v1/rules/usage}; only {@code /**} reaches
 * further), and anything not listed is refused, so an endpoint added without a line here is closed
 * rather than open. Endpoints that do not exist yet (remedies, actuator) have their line already.
 */
final class EndpointAccess {

    static final String DECIDE = Role.DECIDE.id();
    static final String AUDIT = Role.AUDIT.id();
    static final String RULES_ADMIN = Role.RULES_ADMIN.id();
    static final String METRICS = Role.METRICS.id();
    static final String CONSOLE_DENIED = "/console/denied";

    /** Methods that no endpoint takes: on a listed path they reach Spring MVC, which answers 405. */
    private static final List<HttpMethod> UNUSED_METHODS = List.of(HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    private EndpointAccess() {
    }

    static void rules(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry access,
                      AuthorizationManager<RequestAuthorizationContext> ownDecision) {
        // The container's error page for a request that was already let in or refused.
        access.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();

        // Anonymous: the health probes (UP or DOWN only) and the published contract.
        access.requestMatchers(HttpMethod.GET, "/actuator/health/liveness", "/actuator/health/readiness").permitAll();
        access.requestMatchers(HttpMethod.GET, "/openapi.yaml").permitAll();

        // Decisions.
        access.requestMatchers(HttpMethod.POST, "/api/v1/decisions").hasAuthority(DECIDE);
        access.requestMatchers(HttpMethod.GET, "/api/v1/decisions").hasAuthority(AUDIT);
        access.requestMatchers(HttpMethod.GET, "/api/v1/decisions/{id}").hasAuthority(AUDIT);
        access.requestMatchers(HttpMethod.POST, "/api/v1/decisions/{id}/replay").hasAuthority(AUDIT);
        access.requestMatchers(HttpMethod.GET, "/api/v1/decisions/{id}/remedies", "/api/v1/decisions/{id}/questions")
                .access(ownDecision);
        access.requestMatchers("/api/v1/audit", "/api/v1/audit/**").hasAuthority(AUDIT);

        // Rules and rulesets.
        access.requestMatchers(HttpMethod.GET, "/api/v1/rules").authenticated();
        access.requestMatchers(HttpMethod.GET, "/api/v1/rules/usage").hasAnyAuthority(AUDIT, RULES_ADMIN);
        access.requestMatchers(HttpMethod.POST, "/api/v1/rulesets/reload", "/api/v1/rulesets/impact",
                "/api/v1/rulesets/{version}/activate", "/api/v1/rulesets/{version}/impact").hasAuthority(RULES_ADMIN);
        access.requestMatchers(HttpMethod.GET, "/api/v1/rulesets", "/api/v1/rulesets/**")
                .hasAnyAuthority(AUDIT, RULES_ADMIN);

        // Operations (the console has a chain of its own: see console below).
        access.requestMatchers(HttpMethod.GET, "/actuator/prometheus").hasAnyAuthority(METRICS, AUDIT);
        access.requestMatchers(HttpMethod.GET, "/bench/noop").authenticated(); // Spring profile bench only

        // A method no endpoint takes, on a path some endpoint has: let it through to the 405, for
        // the callers who may use that path at all.
        for (HttpMethod method : UNUSED_METHODS) {
            access.requestMatchers(method, "/api/v1/decisions").hasAnyAuthority(DECIDE, AUDIT);
            access.requestMatchers(method, "/api/v1/decisions/{id}", "/api/v1/decisions/{id}/replay").hasAuthority(AUDIT);
            access.requestMatchers(method, "/api/v1/rules").authenticated();
        }

        access.anyRequest().denyAll();
    }

    /**
     * The console's pages, in their own chain ({@code /console/**}, {@code /login}, {@code /logout}):
     * the login page and the style sheet for anyone, the try form for {@code decide}, every other page
     * for {@code audit} and {@code rules-admin}, the rules administrator's own actions for
     * {@code rules-admin} alone. Anything else under {@code /console} is refused.
     */
    static void console(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry access) {
        // The 403 page is a forward; the container's error page for a request already let in or refused.
        access.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll();
        access.requestMatchers(HttpMethod.GET, "/login", "/console/assets/**").permitAll();
        access.requestMatchers(HttpMethod.POST, "/login", "/logout").permitAll();
        access.requestMatchers(HttpMethod.GET, CONSOLE_DENIED).authenticated();
        access.requestMatchers(HttpMethod.GET, "/console/try").hasAuthority(DECIDE);
        access.requestMatchers(HttpMethod.POST, "/console/try").hasAuthority(DECIDE);
        access.requestMatchers(HttpMethod.POST, "/console/rulesets/reload", "/console/rulesets/impact")
                .hasAuthority(RULES_ADMIN);
        access.requestMatchers(HttpMethod.GET, "/console", "/console/decisions/{id}", "/console/rulesets",
                "/console/rulesets/diff", "/console/rulesets/{a}/diff/{b}", "/console/rules").hasAnyAuthority(AUDIT, RULES_ADMIN);
        access.requestMatchers(HttpMethod.POST, "/console/decisions/{id}/replay").hasAnyAuthority(AUDIT, RULES_ADMIN);
        access.anyRequest().denyAll();
    }
}
