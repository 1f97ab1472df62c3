package org.entente.notification.fanout;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys of {@link AlertSignature}, base64, each at least {@value #MIN_KEY_BYTES} bytes; from a
 * secret or the environment ({@code ENTENTE_ALERTS_SIGNINGKEY}, {@code ENTENTE_ALERTS_VERIFICATIONKEYS}
 * comma-separated), never from Kafka. The service does not start without a signing key.
 * <p>
 * Rotating, with more than one instance: first add the new key to {@code verification-keys}
 * everywhere, then make it the signing key and move the old one to {@code verification-keys},
 * and drop the old one once the lifecycle has read every alert signed with it (its lag on
 * {@code alert.events.v1} is zero). An alert signed with a key no instance knows any more is a
 * dead letter.
 *
 * @param signingKey the key the fan-out signs with; the lifecycle accepts it first
 * @param verificationKeys earlier keys the lifecycle still accepts
 */
@ConfigurationProperties("entente.alerts")
public record AlertSigningProperties(String signingKey, List<String> verificationKeys) {

    static final int MIN_KEY_BYTES = 32;

    private static final String SIGNING_KEY = "entente.alerts.signing-key";
    private static final String VERIFICATION_KEYS = "entente.alerts.verification-keys";

    public AlertSigningProperties {
        verificationKeys = verificationKeys == null ? List.of() : List.copyOf(verificationKeys);
        decoded(signingKey, verificationKeys);
    }

    /** A signature for one processor: signs with the signing key, accepts every key. */
    public AlertSignature signature() {
        return new AlertSignature(decoded(signingKey, verificationKeys));
    }

    /** The signing key, then the verification keys, decoded; refused unless each is base64 of {@value #MIN_KEY_BYTES} bytes or more. */
    private static List<byte[]> decoded(String signingKey, List<String> verificationKeys) {
        List<byte[]> keys = new ArrayList<>();
        keys.add(decode(SIGNING_KEY, signingKey));
        verificationKeys.forEach(key -> keys.add(decode(VERIFICATION_KEYS, key)));
        return keys;
    }

    private static byte[] decode(String property, String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException(property + " is required: a base64 key of at least " + MIN_KEY_BYTES
                    + " random bytes (openssl rand -base64 32) that marks the alerts notification-service's fan-out wrote");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(property + " is not base64");
        }
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException(property + " has " + bytes.length + " bytes; it needs at least " + MIN_KEY_BYTES);
        }
        return bytes;
    }

    /** Never the keys. */
    @Override
    public String toString() {
        return "AlertSigningProperties[signingKey=(hidden), verificationKeys=" + verificationKeys.size() + " (hidden)]";
    }
}
