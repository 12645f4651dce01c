package nl.draagvlak.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Configured users are checked at start: a misconfigured one stops the start, naming its property. */
class ConfiguredUsersTests {

    private static final String BCRYPT = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("secret");

    private static SecurityProperties.User user(String password, String... roles) {
        return new SecurityProperties.User(password, List.of(roles));
    }

    @Test
    void aBcryptUserWithKnownRolesIsAccepted() {
        List<UserDetails> users = ConfiguredUsers.from(Map.of("svc", user(BCRYPT, "decide", "audit")), false);
        assertThat(users).singleElement().satisfies(user -> {
            assertThat(user.getUsername()).isEqualTo("svc");
            assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactlyInAnyOrder("decide", "audit");
        });
    }

    @Test
    void aPlainPasswordIsRefusedUnlessPlainPasswordsAreAllowed() {
        Map<String, SecurityProperties.User> plain = Map.of("alice", user("{noop}x", "decide"));
        assertThatThrownBy(() -> ConfiguredUsers.from(plain, false))
                .hasMessageContaining("draagvlak.security.users.alice.password")
                .hasMessageContaining("draagvlak.security.allow-plain-passwords=true");
        assertThat(ConfiguredUsers.from(plain, true)).hasSize(1);
    }

    @Test
    void aPasswordWithoutItsEncodingOrWithAWeakOneIsRefused() {
        assertThatThrownBy(() -> ConfiguredUsers.from(Map.of("a", user("secret", "decide")), true))
                .hasMessageContaining("must name its encoding");
        assertThatThrownBy(() -> ConfiguredUsers.from(Map.of("a", user("{MD5}5ebe2294ecd0e0f08eab7690d2a6ee69", "decide")), true))
                .hasMessageContaining("{MD5}");
        assertThatThrownBy(() -> ConfiguredUsers.from(Map.of("a", user("{bcrypt}not-a-hash", "decide")), true))
                .hasMessageContaining("not a bcrypt hash");
    }

    @Test
    void anUnknownRoleOrNoRoleIsRefused() {
        assertThatThrownBy(() -> ConfiguredUsers.from(Map.of("a", user(BCRYPT, "decide", "root")), false))
                .hasMessageContaining("draagvlak.security.users.a.roles").hasMessageContaining("'root'");
        assertThatThrownBy(() -> ConfiguredUsers.from(Map.of("a", user(BCRYPT)), false))
                .hasMessageContaining("roles is not set");
    }

    @Test
    void aMissingPasswordIsRefused() {
        assertThatThrownBy(() -> ConfiguredUsers.from(Map.of("a", user(null, "decide")), false))
                .hasMessageContaining("draagvlak.security.users.a.password is not set");
    }
}
