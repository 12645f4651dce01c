package nl.draagvlak.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * For bench/auth.sh only: a decision sent without an {@code Authorization} header is let through
 * unauthenticated, so that one running service answers the same decision with and without
 * signing in, and the difference is the cost of authentication alone. It lives in src/bench, so
 * it is never in the service jar, and needs the Spring profile {@code bench-anonymous} besides.
 */
@Configuration(proxyBeanMethods = false)
@Profile("bench-anonymous")
class AnonymousDecisionsForBenchmark {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain anonymousDecisionsChain(HttpSecurity http) {
        http.securityMatcher(request -> "POST".equals(request.getMethod())
                        && "/api/v1/decisions".equals(request.getRequestURI())
                        && request.getHeader("Authorization") == null)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(access -> access.anyRequest().permitAll());
        return http.build();
    }
}
