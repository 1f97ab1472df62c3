package org.entente.platform.caller;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The embedded default's token issuer: an RSA signing key generated once into a directory
 * ({@value #PRIVATE_KEY} readable by its owner only, {@value #PUBLIC_KEYS} for the services), and
 * RS256 tokens with the claims the services read ({@code state}, {@code roles}). Production uses
 * an OIDC issuer instead; this exists so that the local run and the tests use real signed tokens.
 *
 * <p>Command line: {@code keys <dir>} creates the key if missing; {@code token <dir> <role> [state]}
 * prints a token, e.g. {@code token .entente/local-issuer poc EE}.
 */
public final class LocalIssuer {

    public static final String ISSUER = "entente-local";
    /** The audience of its tokens: the services' default ({@code entente-caller-security.yml}). */
    public static final String AUDIENCE = "entente";
    public static final String PRIVATE_KEY = "signing-key.jwk";
    public static final String PUBLIC_KEYS = "public-jwks.json";
    static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    private final RSAKey signingKey;

    public LocalIssuer(RSAKey signingKey) {
        this.signingKey = signingKey;
    }

    /** Loads the key from {@code directory}, generating it (and the public key set) on first use. */
    public static LocalIssuer inDirectory(Path directory) {
        try {
            Path privateKey = directory.resolve(PRIVATE_KEY);
            if (Files.exists(privateKey)) {
                return new LocalIssuer(RSAKey.parse(Files.readString(privateKey)));
            }
            RSAKey key = generateKey();
            Files.createDirectories(directory);
            Files.writeString(privateKey, key.toJSONString(), StandardCharsets.UTF_8);
            restrictToOwner(privateKey);
            Files.writeString(directory.resolve(PUBLIC_KEYS), new JWKSet(key.toPublicJWK()).toString(), StandardCharsets.UTF_8);
            return new LocalIssuer(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException("Unreadable signing key in " + directory, e);
        }
    }

    public static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public JWKSet publicKeys() {
        return new JWKSet(signingKey.toPublicJWK());
    }

    /** A token for {@code role}; {@code state} is required for a PoC and absent for hub roles. */
    public String token(Role role, String state) {
        String subject = state == null ? role.name().toLowerCase(Locale.ROOT)
                : state.toLowerCase(Locale.ROOT) + "-" + role.name().toLowerCase(Locale.ROOT);
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(TOKEN_LIFETIME)))
                .claim(CallerAuthenticationConverter.ROLES_CLAIM, List.of(role.name().toLowerCase(Locale.ROOT)));
        if (state != null) {
            claims.claim(CallerAuthenticationConverter.STATE_CLAIM, state);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
                claims.build());
        try {
            jwt.sign(new RSASSASigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    public static void main(String[] args) {
        if (args.length >= 2 && args[0].equals("keys")) {
            inDirectory(Path.of(args[1]));
        } else if (args.length >= 3 && args[0].equals("token")) {
            Role role = Role.valueOf(args[2].toUpperCase(Locale.ROOT));
            String state = args.length > 3 ? args[3].toUpperCase(Locale.ROOT) : null;
            if ((role == Role.POC) != (state != null)) {
                fail("a poc token needs a state (e.g. poc EE); other roles take none");
            }
            System.out.println(inDirectory(Path.of(args[1])).token(role, state));
        } else {
            fail("usage: keys <dir> | token <dir> <poc|coordinator|operator|planner|oversight> [state]");
        }
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the directory's own permissions apply.
        }
    }
}
