package nl.draagvlak.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Where a browser goes after signing in: the page it asked for before, else the decision search,
 * or the try form for a caller who may only decide (the search would be its 403 page).
 */
final class ConsoleLanding extends SavedRequestAwareAuthenticationSuccessHandler {

    @Override
    protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) {
        boolean seesConsole = authentication.getAuthorities().stream().anyMatch(authority ->
                authority.getAuthority().equals(Role.AUDIT.id()) || authority.getAuthority().equals(Role.RULES_ADMIN.id()));
        return seesConsole ? "/console" : "/console/try";
    }
}
