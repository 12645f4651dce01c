package nl.draagvlak.security;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import nl.draagvlak.audit.AuditQueries;
import nl.draagvlak.audit.StoredDecision;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * For what a decision says back to its caller (its remedies and questions): an auditor may read any
 * decision's, a {@code decide} caller only those of the decisions it made itself, as recorded in
 * the audit trail's {@code caller}. Enforced here rather than in each endpoint so that no endpoint
 * can forget it.
 */
final class OwnDecisionAccess implements AuthorizationManager<RequestAuthorizationContext> {

    private final ObjectProvider<AuditQueries> queries;

    OwnDecisionAccess(ObjectProvider<AuditQueries> queries) {
        this.queries = queries;
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
                                         RequestAuthorizationContext context) {
        Authentication caller = authentication.get();
        if (caller == null || !caller.isAuthenticated()) {
            return new AuthorizationDecision(false);
        }
        if (holds(caller, Role.AUDIT)) {
            return new AuthorizationDecision(true);
        }
        if (!holds(caller, Role.DECIDE)) {
            return new AuthorizationDecision(false);
        }
        Map<String, String> variables = context.getVariables();
        String id = variables == null ? null : variables.get("id");
        AuditQueries store = queries.getIfAvailable();
        boolean own = id != null && store != null && store.byId(id).map(StoredDecision::caller)
                .filter(recorded -> Objects.equals(recorded, caller.getName())).isPresent();
        return new AuthorizationDecision(own);
    }

    private static boolean holds(Authentication caller, Role role) {
        for (GrantedAuthority authority : caller.getAuthorities()) {
            if (role.id().equals(authority.getAuthority())) {
                return true;
            }
        }
        return false;
    }
}
