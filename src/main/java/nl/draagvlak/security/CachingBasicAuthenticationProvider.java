package nl.draagvlak.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Checks a user name and password with the delegate (the bcrypt check) the first time, and from
 * the {@link VerifiedCredentialCache} while it remembers them. Every answer is a new token, so no
 * request's details reach another.
 */
final class CachingBasicAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider delegate;
    private final VerifiedCredentialCache cache;

    CachingBasicAuthenticationProvider(AuthenticationProvider delegate, VerifiedCredentialCache cache) {
        this.delegate = delegate;
        this.cache = cache;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        if (!(authentication.getCredentials() instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        String user = authentication.getName();
        VerifiedCredentialCache.Verified known = cache.find(user, password);
        if (known != null) {
            return UsernamePasswordAuthenticationToken.authenticated(known.name(), null, known.authorities());
        }
        Authentication verified = delegate.authenticate(authentication);
        String name = verified.getPrincipal() instanceof UserDetails details ? details.getUsername() : verified.getName();
        cache.remember(user, password, new VerifiedCredentialCache.Verified(name, verified.getAuthorities()));
        return UsernamePasswordAuthenticationToken.authenticated(name, null, verified.getAuthorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
