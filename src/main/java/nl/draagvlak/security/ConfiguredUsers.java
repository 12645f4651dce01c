package nl.draagvlak.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The HTTP Basic users of {@code draagvlak.security.users.*}, checked at start: a password that
 * names a strong encoding ({@code {bcrypt}} or {@code {pbkdf2...}}), {@code {noop}} only when plain
 * passwords are allowed, and at least one known role. Anything else stops the start with a message
 * naming the property, so that a misconfigured user is never silently unable to sign in.
 */
final class ConfiguredUsers {

    /** The audit store's caller column holds this many characters. */
    static final int MAX_NAME = 200;

    private static final Pattern ENCODED = Pattern.compile("^\\{([^}]*)}(.*)$", Pattern.DOTALL);
    private static final Pattern BCRYPT = Pattern.compile("^\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}$");
    private static final Set<String> STRONG = Set.of("bcrypt", "pbkdf2", "pbkdf2@SpringSecurity_v5_8");
    static final String NOOP = "noop";

    private ConfiguredUsers() {
    }

    static List<UserDetails> from(Map<String, SecurityProperties.User> users, boolean allowPlainPasswords) {
        List<UserDetails> checked = new ArrayList<>();
        new TreeMap<>(users).forEach((name, user) -> checked.add(check(name, user, allowPlainPasswords)));
        return checked;
    }

    private static UserDetails check(String name, SecurityProperties.User user, boolean allowPlainPasswords) {
        String property = "draagvlak.security.users." + name;
        if (name.isBlank() || name.length() > MAX_NAME || name.contains(":")) {
            throw new IllegalStateException(property + ": a user name must be 1 to " + MAX_NAME
                    + " characters without ':'");
        }
        String password = user.password();
        if (password == null || password.isEmpty()) {
            throw new IllegalStateException(property + ".password is not set");
        }
        Matcher encoded = ENCODED.matcher(password);
        if (!encoded.matches()) {
            throw new IllegalStateException(property + ".password must name its encoding, as {bcrypt}$2a$10$..."
                    + " (Spring Security's DelegatingPasswordEncoder format)");
        }
        String encoding = encoded.group(1);
        if (NOOP.equals(encoding)) {
            if (!allowPlainPasswords) {
                throw new IllegalStateException(property + ".password is a plain {noop} password, refused:"
                        + " use {bcrypt}, or set draagvlak.security.allow-plain-passwords=true for tests and local trials only");
            }
        } else if (!STRONG.contains(encoding)) {
            throw new IllegalStateException(property + ".password uses {" + encoding + "}; use {bcrypt} (or {pbkdf2})");
        } else if ("bcrypt".equals(encoding) && !BCRYPT.matcher(encoded.group(2)).matches()) {
            throw new IllegalStateException(property + ".password is not a bcrypt hash ({bcrypt}$2a$10$ and 53 characters)");
        }
        return User.withUsername(name).password(password).authorities(roles(property, user.roles())).build();
    }

    private static List<GrantedAuthority> roles(String property, List<String> names) {
        if (names == null || names.stream().allMatch(String::isBlank)) {
            throw new IllegalStateException(property + ".roles is not set: give one or more of " + Role.known());
        }
        Set<GrantedAuthority> roles = new LinkedHashSet<>();
        for (String name : names) {
            if (name.isBlank()) {
                continue;
            }
            roles.add(Role.find(name).orElseThrow(() -> new IllegalStateException(
                    property + ".roles has an unknown role '" + name.strip() + "': the roles are " + Role.known()))
                    .authority());
        }
        return List.copyOf(roles);
    }
}
