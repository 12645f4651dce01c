package nl.draagvlak.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A bearer token's roles: the values of the roles claim ({@code draagvlak.security.jwt.roles-claim},
 * a list or a string separated by spaces or commas, a dotted name walking nested objects) and the
 * scopes {@code draagvlak.<role>} in {@code scope} or {@code scp}. Values that are not a role of
 * this service are ignored. The caller is the token's subject.
 */
final class JwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {

    static final String SCOPE_PREFIX = "draagvlak.";

    private final String rolesClaim;

    JwtRoles(String rolesClaim) {
        this.rolesClaim = rolesClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        for (String value : values(claim(jwt.getClaims(), rolesClaim))) {
            Role.find(value).ifPresent(role -> authorities.add(role.authority()));
        }
        List<String> scopes = new ArrayList<>(values(jwt.getClaims().get("scope")));
        scopes.addAll(values(jwt.getClaims().get("scp")));
        for (String scope : scopes) {
            if (scope.startsWith(SCOPE_PREFIX)) {
                Role.find(scope.substring(SCOPE_PREFIX.length())).ifPresent(role -> authorities.add(role.authority()));
            }
        }
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }

    private static Object claim(Map<String, Object> claims, String name) {
        if (claims.containsKey(name) || !name.contains(".")) {
            return claims.get(name);
        }
        Object current = claims;
        for (String part : name.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    private static List<String> values(Object claim) {
        if (claim instanceof Collection<?> collection) {
            return collection.stream().filter(value -> value instanceof String).map(String.class::cast).toList();
        }
        if (claim instanceof String text) {
            return List.of(text.split("[\\s,]+")).stream().filter(value -> !value.isEmpty()).toList();
        }
        return List.of();
    }
}
