package nl.draagvlak.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** A Basic caller pays the bcrypt check once per ttl; a wrong password pays it every time. */
class CredentialCacheTests {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AtomicInteger checks = new AtomicInteger();
    private final VerifiedCredentialCache cache = new VerifiedCredentialCache(Duration.ofSeconds(60), 3, now::get);
    private final CachingBasicAuthenticationProvider provider = new CachingBasicAuthenticationProvider(counting(), cache);

    private AuthenticationProvider counting() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(
                User.withUsername("svc").password(bcrypt.encode("right")).authorities("decide").build(),
                User.withUsername("other").password(bcrypt.encode("pw")).authorities("audit").build()));
        dao.setPasswordEncoder(bcrypt);
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                checks.incrementAndGet();
                return dao.authenticate(authentication);
            }

            @Override
            public boolean supports(Class<?> type) {
                return dao.supports(type);
            }
        };
    }

    private Authentication signIn(String user, String password) {
        return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password));
    }

    @Test
    void theSecondRequestWithTheSameCredentialsIsNotCheckedAgainAndGetsTheSameRoles() {
        Authentication first = signIn("svc", "right");
        Authentication second = signIn("svc", "right");
        assertThat(checks).hasValue(1);
        assertThat(second.getName()).isEqualTo("svc");
        assertThat(second.isAuthenticated()).isTrue();
        assertThat(second.getCredentials()).isNull();
        assertThat(second.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrderElementsOf(first.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList())
                .contains("decide").doesNotContain("audit");
        assertThat(second).isNotSameAs(first);
    }

    @Test
    void aWrongPasswordIsCheckedEveryTimeAndNeverRemembered() {
        signIn("svc", "right");
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> signIn("svc", "wrong")).isInstanceOf(BadCredentialsException.class);
        }
        assertThat(checks).hasValue(4);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void anEntryExpiresAfterItsTtl() {
        signIn("svc", "right");
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        signIn("svc", "right");
        assertThat(checks).hasValue(1);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        signIn("svc", "right");
        assertThat(checks).hasValue(2);
    }

    @Test
    void theCacheNeverHoldsMoreThanItsBound() {
        VerifiedCredentialCache small = new VerifiedCredentialCache(Duration.ofSeconds(60), 3, now::get);
        List<SimpleGrantedAuthority> roles = List.of(new SimpleGrantedAuthority("decide"));
        for (int i = 0; i < 10; i++) {
            small.remember("user" + i, "pw", new VerifiedCredentialCache.Verified("user" + i, roles));
            assertThat(small.size()).isLessThanOrEqualTo(3);
        }
        assertThat(small.find("user9", "pw")).isNotNull();
    }

    @Test
    void theSamePasswordOfAnotherUserOrAnotherSplitOfTheSameTextIsNotAHit() {
        List<SimpleGrantedAuthority> roles = List.of(new SimpleGrantedAuthority("decide"));
        cache.remember("ab", "c", new VerifiedCredentialCache.Verified("ab", roles));
        assertThat(cache.find("ab", "c")).isNotNull();
        assertThat(cache.find("a", "bc")).isNull();
        assertThat(cache.find("other", "c")).isNull();
    }

    @Test
    void aZeroTtlChecksEveryRequest() {
        VerifiedCredentialCache off = new VerifiedCredentialCache(Duration.ZERO, 100, now::get);
        CachingBasicAuthenticationProvider uncached = new CachingBasicAuthenticationProvider(counting(), off);
        uncached.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("svc", "right"));
        uncached.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("svc", "right"));
        assertThat(checks).hasValue(2);
    }
}
