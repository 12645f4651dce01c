package nl.draagvlak.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.draagvlak.audit.AuditQueries;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Two ways in: HTTP Basic with the configured users (or the embedded default ones), and, when an
 * issuer or key is configured, bearer tokens (JWT). Stateless: no session, no cookie; every request
 * carries its credentials. Who may do what is {@link EndpointAccess}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    @Conditional(JwtDecoding.Configured.class)
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer, SecurityProperties properties) {
        return JwtDecoding.decoder(resourceServer.getJwt(), properties.jwt().audience());
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProperties properties,
                                            ObjectProvider<JwtDecoder> jwtDecoder, ObjectProvider<AuditQueries> queries,
                                            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        ProblemResponses problems = new ProblemResponses(resolver, decoder != null);
        http.authenticationManager(basicAuthentication(properties, decoder != null))
                .httpBasic(basic -> basic.realmName(ProblemResponses.REALM).authenticationEntryPoint(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // No session and no cookie: a cross-site page cannot make a browser send these credentials
                // for it, except cached Basic ones, and every state-changing API call needs a JSON body
                // (a cross-site form cannot send one) or the rules-admin role. The console, with its
                // login form, keeps CSRF protection.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/actuator/**"))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(access -> EndpointAccess.rules(access, new OwnDecisionAccess(queries)));
        if (decoder != null) {
            JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(decoder);
            jwt.setJwtAuthenticationConverter(new JwtRoles(properties.jwt().rolesClaim()));
            http.oauth2ResourceServer(server -> server
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(token -> token.authenticationManager(new ProviderManager(jwt))));
        }
        return http.build();
    }

    /** The Basic users, checked with bcrypt once and then from the credential cache. */
    private static AuthenticationManager basicAuthentication(SecurityProperties properties, boolean jwtConfigured) {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        List<UserDetails> users = new ArrayList<>(ConfiguredUsers.from(properties.users(), properties.allowPlainPasswords()));
        if (users.isEmpty() && !jwtConfigured) {
            for (Map.Entry<String, String> user : EmbeddedCredentials.loadOrCreate(properties.credentialsFile()).entrySet()) {
                users.add(User.withUsername(user.getKey()).password(encoder.encode(user.getValue()))
                        .authorities(Role.find(user.getKey()).orElseThrow().authority()).build());
            }
        }
        DaoAuthenticationProvider checked = new DaoAuthenticationProvider(new InMemoryUserDetailsManager(users));
        checked.setPasswordEncoder(encoder);
        VerifiedCredentialCache cache = new VerifiedCredentialCache(properties.credentialCache().ttl(),
                properties.credentialCache().maxEntries());
        return new ProviderManager(new CachingBasicAuthenticationProvider(checked, cache));
    }
}
