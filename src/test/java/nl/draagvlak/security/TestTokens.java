package nl.draagvlak.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Bearer tokens made in the test: an RSA key pair whose public half the service is given as
 * {@code public-key-location}, and tokens signed with it (or with another key, or not at all).
 * No issuer server is needed.
 */
final class TestTokens {

    static final String ISSUER = "https://issuer.draagvlak.test";
    static final String AUDIENCE = "draagvlak";

    private final KeyPair key = rsa();
    private final KeyPair otherKey = rsa();
    private final Path publicKeyFile;

    TestTokens() {
        try {
            publicKeyFile = Files.createTempFile("draagvlak-jwt", ".pub");
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(publicKeyFile, pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String publicKeyLocation() {
        return publicKeyFile.toUri().toString();
    }

    /** The claims of a good token for this subject and roles: right issuer and audience, valid for five minutes. */
    static JWTClaimsSet.Builder claims(String subject, List<String> roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(subject).issuer(ISSUER).audience(AUDIENCE)
                .issueTime(Date.from(now)).notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5)))).claim("roles", roles);
    }

    String token(String subject, List<String> roles) {
        return signed(claims(subject, roles).build());
    }

    String token(String subject, List<String> roles, UnaryOperator<JWTClaimsSet.Builder> change) {
        return signed(change.apply(claims(subject, roles)).build());
    }

    String signed(JWTClaimsSet claims) {
        return sign(claims, key);
    }

    String signedWithAnotherKey(JWTClaimsSet claims) {
        return sign(claims, otherKey);
    }

    static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    private static String sign(JWTClaimsSet claims, KeyPair with) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) with.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
