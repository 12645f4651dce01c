package nl.draagvlak.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call the service. With no user and no JWT issuer configured, the embedded default users
 * are created in {@code credentialsFile} (see {@link EmbeddedCredentials}).
 *
 * @param users               HTTP Basic users by name: a password in {@code DelegatingPasswordEncoder}
 *                            format ({@code {bcrypt}$2a$...}) and comma-separated roles
 * @param allowPlainPasswords accept {@code {noop}} passwords (tests and local trials only)
 * @param jwt                 how roles and the audience are read from a bearer token
 * @param credentialCache     how long, and how many, verified Basic credentials are remembered
 * @param credentialsFile     where the embedded default users' passwords are kept
 */
@ConfigurationProperties("draagvlak.security")
public record SecurityProperties(Map<String, User> users,
                                 @DefaultValue("false") boolean allowPlainPasswords,
                                 @DefaultValue Jwt jwt,
                                 @DefaultValue CredentialCache credentialCache,
                                 @DefaultValue("data/credentials.properties") Path credentialsFile) {

    public SecurityProperties {
        users = users == null ? Map.of() : Map.copyOf(users);
    }

    public record User(String password, List<String> roles) {
    }

    /**
     * @param rolesClaim the claim holding the caller's roles (a list, or a string separated by
     *                   spaces or commas); a dotted name such as {@code realm_access.roles} walks
     *                   nested objects
     * @param audience   when set, a token must name it in {@code aud}
     */
    public record Jwt(@DefaultValue("roles") String rolesClaim, String audience) {
    }

    /**
     * @param ttl        how long a verified user and password are remembered; zero checks every request
     * @param maxEntries how many are remembered at most
     */
    public record CredentialCache(@DefaultValue("60s") Duration ttl, @DefaultValue("1000") int maxEntries) {
    }
}
