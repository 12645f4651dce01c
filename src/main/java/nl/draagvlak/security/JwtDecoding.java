package nl.draagvlak.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * The bearer token decoder, from Spring's {@code spring.security.oauth2.resourceserver.jwt.*}: keys
 * from {@code public-key-location} or {@code jwk-set-uri}, else from the metadata of
 * {@code issuer-uri} (fetched at the first token, so that the service starts while the issuer is
 * down). A token must be signed with one of {@code jws-algorithms} (RS256 by default; never
 * {@code none}), be within its validity ({@code exp} required, {@code nbf} honoured, one minute of
 * clock skew), come from {@code issuer-uri} when that is set, name the audience of
 * {@code draagvlak.security.jwt.audience} (and Spring's {@code audiences}) when set, and have a
 * subject, which becomes the recorded caller.
 */
final class JwtDecoding {

    static final String PREFIX = "spring.security.oauth2.resourceserver.jwt.";

    private JwtDecoding() {
    }

    /** True when any of issuer-uri, jwk-set-uri or public-key-location is set. */
    static final class Configured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return configured(context.getEnvironment());
        }
    }

    static boolean configured(Environment environment) {
        return List.of("issuer-uri", "jwk-set-uri", "public-key-location").stream()
                .map(name -> environment.getProperty(PREFIX + name))
                .anyMatch(value -> value != null && !value.isBlank());
    }

    static JwtDecoder decoder(OAuth2ResourceServerProperties.Jwt jwt, String audience) {
        OAuth2TokenValidator<Jwt> validator = validator(jwt, audience);
        if (jwt.getPublicKeyLocation() != null) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey(jwt))
                    .signatureAlgorithm(SignatureAlgorithm.from(algorithms(jwt).get(0))).build();
            decoder.setJwtValidator(validator);
            return decoder;
        }
        if (hasText(jwt.getJwkSetUri())) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwt.getJwkSetUri())
                    .jwsAlgorithms(algorithms -> algorithms(jwt).forEach(name -> algorithms.add(SignatureAlgorithm.from(name))))
                    .build();
            decoder.setJwtValidator(validator);
            return decoder;
        }
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(jwt.getIssuerUri())
                    .jwsAlgorithms(algorithms -> algorithms(jwt).forEach(name -> algorithms.add(SignatureAlgorithm.from(name))))
                    .build();
            decoder.setJwtValidator(validator);
            return decoder;
        });
    }

    private static OAuth2TokenValidator<Jwt> validator(OAuth2ResourceServerProperties.Jwt jwt, String audience) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull));
        validators.add(new JwtClaimValidator<String>(JwtClaimNames.SUB,
                subject -> subject != null && !subject.isBlank() && subject.length() <= ConfiguredUsers.MAX_NAME));
        if (hasText(jwt.getIssuerUri())) {
            validators.add(new JwtIssuerValidator(jwt.getIssuerUri()));
        }
        if (hasText(audience)) {
            validators.add(new JwtAudienceValidator(audience.strip()));
        }
        List<String> anyOf = jwt.getAudiences() == null ? List.of()
                : jwt.getAudiences().stream().filter(JwtDecoding::hasText).map(String::strip).toList();
        if (!anyOf.isEmpty()) { // Spring's own property: any one of them, as Spring Boot checks it
            validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    names -> names != null && names.stream().anyMatch(anyOf::contains)));
        }
        return JwtValidators.createDefaultWithValidators(validators);
    }

    private static List<String> algorithms(OAuth2ResourceServerProperties.Jwt jwt) {
        List<String> algorithms = jwt.getJwsAlgorithms() == null ? List.of() : jwt.getJwsAlgorithms();
        return algorithms.isEmpty() ? List.of("RS256") : algorithms;
    }

    private static RSAPublicKey publicKey(OAuth2ResourceServerProperties.Jwt jwt) {
        try (var in = jwt.getPublicKeyLocation().getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PREFIX + "public-key-location "
                    + jwt.getPublicKeyLocation() + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
