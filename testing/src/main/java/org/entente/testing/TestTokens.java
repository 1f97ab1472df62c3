package org.entente.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.entente.platform.caller.LocalIssuer;
import org.entente.platform.caller.Role;

/**
 * Real signed tokens for tests, from a {@link LocalIssuer} whose key exists for this test JVM
 * only. Callers are named as people say them: {@code poc-ee} (Estonia's point of contact),
 * {@code coordinator}, {@code operator}, {@code planner}, {@code oversight}.
 */
public final class TestTokens {

    private static final Path KEYS = keyDirectory();
    private static final LocalIssuer ISSUER = LocalIssuer.inDirectory(KEYS);

    private TestTokens() {
    }

    /** The {@code Authorization} header value for a caller, e.g. {@code bearer("poc-ee")}. */
    public static String bearer(String caller) {
        return "Bearer " + token(caller);
    }

    public static String token(String caller) {
        if (caller.startsWith("poc-")) {
            return ISSUER.token(Role.POC, caller.substring(4).toUpperCase(Locale.ROOT));
        }
        return ISSUER.token(Role.valueOf(caller.toUpperCase(Locale.ROOT)), null);
    }

    /** A well-formed token for Estonia's PoC, signed by a key no service trusts. */
    public static String forgedBearer() {
        return "Bearer " + LocalIssuer.inDirectory(keyDirectory()).token(Role.POC, "EE");
    }

    /** The public keys services under test verify tokens with. */
    static Path publicKeys() {
        return KEYS.resolve(LocalIssuer.PUBLIC_KEYS);
    }

    private static Path keyDirectory() {
        try {
            return Files.createTempDirectory("entente-test-issuer");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
