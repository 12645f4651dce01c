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
import org.springframework.core.annotation.Order;
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
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Two ways into the API: HTTP Basic with the configured users (or the embedded default ones), and,
 * when an issuer or key is configured, bearer tokens (JWT). Stateless: no session, no cookie; every
 * request carries its credentials. The console has a chain of its own, with the same users, a login
 * form and a session. Who may do what is {@link EndpointAccess}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    @Conditional(JwtDecoding.Configured.class)
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer, SecurityProperties properties) {
        return JwtDecoding.decoder(resourceServer.getJwt(), properties.jwt().audience());
    }

    /** The configured (or embedded) users, for Basic on the API and for the console's login form alike. */
    record SignInUsers(AuthenticationManager manager) {
    }

    @Bean
    SignInUsers signInUsers(SecurityProperties properties, ObjectProvider<JwtDecoder> jwtDecoder) {
        return new SignInUsers(basicAuthentication(properties, jwtDecoder.getIfAvailable() != null));
    }

    /**
     * The console and its login: a session after the form login at {@code /login}, CSRF on every
     * form, anonymous browsers sent to the login page, a role short answered with the 403 page.
     * Basic works here too (a check from outside may open a page directly); a token does not.
     */
    @Bean
    @Order(1)
    SecurityFilterChain consoleFilterChain(HttpSecurity http, SignInUsers users) {
        http.securityMatcher("/console", "/console/**", "/login", "/logout")
                .authenticationManager(users.manager())
                .formLogin(form -> form.loginPage("/login").usernameParameter("username")
                        .passwordParameter("password").successHandler(new ConsoleLanding()))
                .httpBasic(basic -> basic.realmName(ProblemResponses.REALM))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
                        .accessDeniedPage(EndpointAccess.CONSOLE_DENIED))
                .authorizeHttpRequests(EndpointAccess::console);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, SignInUsers users, SecurityProperties properties,
                                            ObjectProvider<JwtDecoder> jwtDecoder, ObjectProvider<AuditQueries> queries,
                                            @Qualifier("handlerExceptionResolver") HandlerExceptionResolver resolver) {
        JwtDecoder decoder = jwtDecoder.getIfAvailable();
        ProblemResponses problems = new ProblemResponses(resolver, decoder != null);
        http.authenticationManager(users.manager())
                .httpBasic(basic -> basic.realmName(ProblemResponses.REALM).authenticationEntryPoint(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // No session and no cookie: a cross-site page cannot make a browser send these credentials
                // for it, except cached Basic ones, and every state-changing API call needs a JSON body
                // (a cross-site form cannot send one) or the rules-admin role. The console (its own
                // chain above), with its login form and session, keeps CSRF protection.
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
