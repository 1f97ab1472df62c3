package org.entente.notification.fanout;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The mark the fan-out puts on every {@code AlertIssued} it writes, header {@value #HEADER}: an
 * HMAC-SHA256, keyed with {@code entente.alerts.signing-key}, over the record's key bytes followed
 * by the SHA-256 {@link #digest} of its value bytes (fixed length, so the two cannot be shifted
 * into each other). Kafka does not tell a consumer who wrote a record, and the alert topic has
 * other writers (intake's answers, exercise-service's scripted ones): the lifecycle lets into an
 * inbox only an alert that carries this mark, under the signing key or one of the verification
 * keys of a rotation, compared in constant time.
 * <p>
 * Holds one {@link Mac} per key, so it is not thread-safe: one instance per processor.
 */
public final class AlertSignature {

    public static final String HEADER = "entente-alert-signature";

    private static final String ALGORITHM = "HmacSHA256";

    private final List<Mac> macs;

    /** {@code keys}: the signing key first, then the keys whose signatures are still accepted. */
    AlertSignature(List<byte[]> keys) {
        this.macs = keys.stream().map(AlertSignature::mac).toList();
    }

    /** SHA-256 of a record's value bytes, as written. */
    public static byte[] digest(byte[] value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The {@value #HEADER} value of a record with this key and value digest. */
    public byte[] sign(String key, byte[] valueDigest) {
        return sign(macs.get(0), key, valueDigest);
    }

    /** Whether {@code signature} marks this key and value digest under any of the keys; a missing one does not. */
    public boolean verifies(String key, byte[] valueDigest, byte[] signature) {
        return signature != null && macs.stream().anyMatch(mac -> MessageDigest.isEqual(sign(mac, key, valueDigest), signature));
    }

    private static byte[] sign(Mac mac, String key, byte[] valueDigest) {
        mac.update(key.getBytes(StandardCharsets.UTF_8));
        return mac.doFinal(valueDigest);
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
