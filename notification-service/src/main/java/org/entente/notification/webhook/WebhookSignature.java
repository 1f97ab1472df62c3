package org.entente.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How Entente signs a webhook call, and how a receiver checks it. The header
 * {@value #SIGNATURE_HEADER} reads {@code t=<unix seconds>,v1=<hex>}, where {@code v1} is
 * HMAC-SHA256, keyed with the contact's secret, over {@code t + "." + body} (the body's exact
 * bytes). A receiver accepts a call only if that MAC matches and {@code t} lies within the replay
 * window of its own clock, then deduplicates on {@value #EVENT_ID_HEADER}.
 * <p>
 * This class uses the JDK only, so that a receiver written in Java can copy it as it is
 * (docs/webhooks.md shows the same check in other terms).
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "Entente-Signature";
    public static final String EVENT_ID_HEADER = "Entente-Event-Id";
    public static final Duration DEFAULT_REPLAY_WINDOW = Duration.ofMinutes(5);

    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    /** The {@value #SIGNATURE_HEADER} value for a body sent at {@code timestamp}. */
    public static String sign(byte[] secret, Instant timestamp, byte[] body) {
        long seconds = timestamp.getEpochSecond();
        return "t=" + seconds + ",v1=" + HexFormat.of().formatHex(mac(secret, seconds, body));
    }

    /** {@link #verify(String, byte[], byte[], Instant, Duration)} with the default five-minute replay window. */
    public static boolean verify(String header, byte[] body, byte[] secret, Instant now) {
        return verify(header, body, secret, now, DEFAULT_REPLAY_WINDOW);
    }

    /**
     * Whether {@code header} signs exactly {@code body} with {@code secret}, at a time no further
     * than {@code replayWindow} from {@code now} (either way: the clocks of sender and receiver
     * differ a little). A missing or malformed header is simply not a valid signature.
     */
    public static boolean verify(String header, byte[] body, byte[] secret, Instant now, Duration replayWindow) {
        Instant signedAt = null;
        byte[] signature = null;
        for (String element : header == null ? new String[0] : header.split(",")) {
            String[] pair = element.strip().split("=", 2);
            if (pair.length != 2) {
                return false;
            }
            try {
                if (pair[0].equals("t")) {
                    signedAt = Instant.ofEpochSecond(Long.parseLong(pair[1]));
                } else if (pair[0].equals("v1")) {
                    signature = HexFormat.of().parseHex(pair[1]);
                }
            } catch (IllegalArgumentException | DateTimeException malformed) {
                return false;
            }
        }
        if (signedAt == null || signature == null || Duration.between(signedAt, now).abs().compareTo(replayWindow) > 0) {
            return false;
        }
        // Constant time: how long a comparison takes must not tell an attacker how much of a guess was right.
        return MessageDigest.isEqual(mac(secret, signedAt.getEpochSecond(), body), signature);
    }

    private static byte[] mac(byte[] secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
