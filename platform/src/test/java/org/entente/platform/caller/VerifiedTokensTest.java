package org.entente.platform.caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTest {

    final RSAKey key = LocalIssuer.generateKey();
    final JwtDecoder services = CallerSecurityConfiguration.localIssuerDecoder(new JWKSet(key.toPublicJWK()), List.of("entente"));
    final AtomicInteger verifications = new AtomicInteger();
    final JwtDecoder tokens = new VerifiedTokens(token -> {
        verifications.incrementAndGet();
        return services.decode(token);
    });

    @Test
    void shouldVerifyATokenOnceUntilItExpires() throws Exception {
        // Given a token that expires in a second or two (exp has whole seconds)
        Instant expiry = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        String token = LocalIssuerTokensTest.sign(key, LocalIssuer.ISSUER, "entente", expiry);

        // When it comes with three requests before its expiry
        for (int request = 0; request < 3; request++) {
            assertThat(tokens.decode(token).getSubject()).isEqualTo("ee-poc");
        }

        // Then it was verified once, and is verified again once it has expired
        assertThat(verifications).hasValue(1);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry).toMillis() + 50));
        tokens.decode(token);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void shouldVerifyEveryTimeATokenThatFailsOrHasNoExpiry() throws Exception {
        String forged = LocalIssuerTokensTest.sign(LocalIssuer.generateKey(), LocalIssuer.ISSUER, "entente", Instant.now().plusSeconds(600));
        String withoutExpiry = LocalIssuerTokensTest.sign(key, LocalIssuer.ISSUER, "entente", null);

        for (int request = 0; request < 2; request++) {
            assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(BadJwtException.class);
            tokens.decode(withoutExpiry);
        }

        assertThat(verifications).hasValue(4);
    }

    @Test
    void shouldRefuseAVerifiedTokenWithAnAlteredSignature() throws Exception {
        String token = LocalIssuerTokensTest.sign(key, LocalIssuer.ISSUER, "entente", Instant.now().plusSeconds(600));
        tokens.decode(token);
        // A character inside the signature: the last one's low bits are padding
        int inSignature = token.length() - 10;
        String altered = token.substring(0, inSignature) + (token.charAt(inSignature) == 'A' ? 'B' : 'A')
                + token.substring(inSignature + 1);

        assertThatThrownBy(() -> tokens.decode(altered)).isInstanceOf(BadJwtException.class);
    }
}
