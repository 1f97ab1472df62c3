package org.entente.platform.caller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class LocalIssuerTokensTest {

    @TempDir
    Path keys;

    @Test
    void shouldIssueTokensTheServicesVerifyAndMapToStateAndRole() throws Exception {
        LocalIssuer issuer = LocalIssuer.inDirectory(keys);

        Jwt jwt = decoderFor(keys).decode(issuer.token(Role.POC, "EE"));

        assertThat(jwt.getSubject()).isEqualTo("ee-poc");
        assertThat(jwt.getClaimAsString("iss")).isEqualTo("entente-local");
        assertThat(jwt.getAudience()).containsExactly("entente");
        assertThat(authorities(jwt)).containsExactly("ROLE_POC");
        assertThat(jwt.getClaimAsString("state")).isEqualTo("EE");
        assertThat(Files.readString(keys.resolve(LocalIssuer.PUBLIC_KEYS))).doesNotContain("\"d\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(LocalIssuer.PRIVATE_KEY))))
                .isEqualTo("rw-------");
    }

    @Test
    void shouldKeepTheKeyAcrossStarts() throws Exception {
        String token = LocalIssuer.inDirectory(keys).token(Role.COORDINATOR, null);

        Jwt jwt = decoderFor(keys).decode(LocalIssuer.inDirectory(keys).token(Role.OVERSIGHT, null));

        assertThat(decoderFor(keys).decode(token).getSubject()).isEqualTo("coordinator");
        assertThat(authorities(jwt)).containsExactly("ROLE_OVERSIGHT");
        assertThat(jwt.hasClaim("state")).isFalse();
    }

    @Test
    void shouldRefuseATokenSignedWithAnotherKey(@TempDir Path otherKeys) throws Exception {
        String forged = LocalIssuer.inDirectory(otherKeys).token(Role.POC, "EE");
        LocalIssuer.inDirectory(keys);

        assertThatThrownBy(() -> decoderFor(keys).decode(forged)).isInstanceOf(BadJwtException.class);
    }

    @Test
    void shouldRefuseATokenOfAnotherIssuerOrPastItsExpiry() throws Exception {
        RSAKey key = LocalIssuer.generateKey();
        NimbusJwtDecoder decoder = decoderFor(key);

        assertThatThrownBy(() -> decoder.decode(sign(key, "https://elsewhere.example", "entente", Instant.now().plusSeconds(600))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("iss");
        assertThatThrownBy(() -> decoder.decode(sign(key, LocalIssuer.ISSUER, "entente", Instant.now().minusSeconds(600))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("expired");
    }

    @Test
    void shouldRefuseATokenMintedForAnotherAudienceOrForNone() throws Exception {
        // Given a token of the right issuer and key, minted for another application, and one without an audience
        RSAKey key = LocalIssuer.generateKey();
        String forAnotherApplication = sign(key, LocalIssuer.ISSUER, "payroll", Instant.now().plusSeconds(600));
        String forNoOne = sign(key, LocalIssuer.ISSUER, null, Instant.now().plusSeconds(600));

        // Then the services' decoder refuses both and takes one for its audience
        assertThatThrownBy(() -> decoderFor(key).decode(forAnotherApplication))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("aud");
        assertThatThrownBy(() -> decoderFor(key).decode(forNoOne))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("aud");
        assertThat(decoderFor(key).decode(sign(key, LocalIssuer.ISSUER, "entente", Instant.now().plusSeconds(600))).getSubject())
                .isEqualTo("ee-poc");
    }

    @Test
    void shouldGrantNoPocRoleWithoutAValidStateAndIgnoreUnknownRoles() {
        Jwt noState = Jwt.withTokenValue("t").header("alg", "RS256").subject("x").claim("roles", List.of("poc", "admin")).build();
        Jwt badState = Jwt.withTokenValue("t").header("alg", "RS256").subject("x").claim("roles", List.of("poc"))
                .claim("state", "Estonia").build();
        Jwt operator = Jwt.withTokenValue("t").header("alg", "RS256").subject("x").claim("roles", List.of("OPERATOR")).build();

        assertThat(authorities(noState)).isEmpty();
        assertThat(authorities(badState)).isEmpty();
        assertThat(authorities(operator)).containsExactly("ROLE_OPERATOR");
    }

    private static List<String> authorities(Jwt jwt) {
        return new CallerAuthenticationConverter().convert(jwt).getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).toList();
    }

    private static NimbusJwtDecoder decoderFor(Path keys) throws Exception {
        return decoderFor(RSAKey.parse(Files.readString(keys.resolve(LocalIssuer.PRIVATE_KEY))));
    }

    private static NimbusJwtDecoder decoderFor(RSAKey key) {
        return CallerSecurityConfiguration.localIssuerDecoder(new JWKSet(key.toPublicJWK()), List.of("entente"));
    }

    /** A token of {@code key} for a point of contact of EE; {@code audience} and {@code expiry} may be null. */
    static String sign(RSAKey key, String issuer, String audience, Instant expiry) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject("ee-poc").claim("roles", List.of("poc"))
                        .claim("state", "EE").expirationTime(expiry == null ? null : Date.from(expiry)).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
