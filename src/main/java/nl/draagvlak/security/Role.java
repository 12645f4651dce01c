package nl.draagvlak.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a caller may do. A user or token may hold several roles; each is a granted authority named
 * exactly as in the configuration ({@code decide}, {@code audit}, {@code rules-admin}, {@code metrics}).
 */
public enum Role {
    DECIDE("decide"),
    AUDIT("audit"),
    RULES_ADMIN("rules-admin"),
    METRICS("metrics");

    private final String id;

    Role(String id) {
        this.id = id;
    }

    /** The name used in configuration, in a token's roles claim and as the granted authority. */
    public String id() {
        return id;
    }

    GrantedAuthority authority() {
        return new SimpleGrantedAuthority(id);
    }

    static Optional<Role> find(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(role -> role.id.equals(wanted)).findFirst();
    }

    static String known() {
        return String.join(", ", Arrays.stream(values()).map(Role::id).toList());
    }
}
