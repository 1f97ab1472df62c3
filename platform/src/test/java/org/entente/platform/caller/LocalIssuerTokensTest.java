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
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
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

        assertThatThrownBy(() -> decoder.decode(sign(key, "https://elsewhere.example", Instant.now().plusSeconds(600))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("iss");
        assertThatThrownBy(() -> decoder.decode(sign(key, LocalIssuer.ISSUER, Instant.now().minusSeconds(600))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("expired");
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
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()))).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(LocalIssuer.ISSUER));
        return decoder;
    }

    private static String sign(RSAKey key, String issuer, Instant expiry) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(issuer).subject("ee-poc").claim("roles", List.of("poc"))
                        .claim("state", "EE").expirationTime(Date.from(expiry)).build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }
}
