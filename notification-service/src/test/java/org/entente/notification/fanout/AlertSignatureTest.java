package org.entente.notification.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

class AlertSignatureTest {

    private static final String CURRENT = Base64.getEncoder().encodeToString(bytes(32, 1));
    private static final String EARLIER = Base64.getEncoder().encodeToString(bytes(32, 2));
    private static final byte[] VALUE_DIGEST = AlertSignature.digest("an alert's bytes".getBytes(StandardCharsets.UTF_8));

    private static byte[] bytes(int length, int fill) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) fill);
        return bytes;
    }

    @Test
    void shouldSignTheKeyAndTheValueDigestWithHmacSha256() {
        // Given
        AlertSignature signature = new AlertSigningProperties(CURRENT, null).signature();

        // When
        byte[] signed = signature.sign("FI", VALUE_DIGEST);

        // Then: HMAC-SHA256 keyed 0x01 × 32 over "FI" then SHA-256("an alert's bytes"), as openssl dgst -mac HMAC computes it
        assertThat(HexFormat.of().formatHex(signed))
                .isEqualTo("066e455f58cd33ddfd05c03386e905827fc30ec00f3dcd3432d4bec19fad1c2a");
    }

    @Test
    void shouldVerifyOnlyTheKeyAndValueItSigned() {
        // Given
        AlertSignature signature = new AlertSigningProperties(CURRENT, null).signature();
        byte[] signed = signature.sign("FI", VALUE_DIGEST);

        // Then
        assertThat(signature.verifies("FI", VALUE_DIGEST, signed)).isTrue();
        assertThat(signature.verifies("SE", VALUE_DIGEST, signed)).as("another key").isFalse();
        assertThat(signature.verifies("FI", AlertSignature.digest(new byte[] {1}), signed)).as("another value").isFalse();
        assertThat(signature.verifies("FI", VALUE_DIGEST, null)).as("no signature").isFalse();
        assertThat(signature.verifies("FI", VALUE_DIGEST, new byte[0])).as("an empty one").isFalse();
    }

    @Test
    void shouldAcceptAnAlertSignedWithAnEarlierKeyDuringARotation() {
        // Given an alert signed before the rotation
        byte[] signedEarlier = new AlertSigningProperties(EARLIER, null).signature().sign("FI", VALUE_DIGEST);

        // Then the rotated keys accept it; keys without the earlier one do not
        assertThat(new AlertSigningProperties(CURRENT, List.of(EARLIER)).signature().verifies("FI", VALUE_DIGEST, signedEarlier))
                .isTrue();
        assertThat(new AlertSigningProperties(CURRENT, null).signature().verifies("FI", VALUE_DIGEST, signedEarlier)).isFalse();
    }

    @Test
    void shouldSignWithTheCurrentKeyOnly() {
        // Given
        AlertSignature rotated = new AlertSigningProperties(CURRENT, List.of(EARLIER)).signature();

        // Then
        assertThat(rotated.sign("FI", VALUE_DIGEST)).isEqualTo(new AlertSigningProperties(CURRENT, null).signature()
                .sign("FI", VALUE_DIGEST));
    }

    @Test
    void shouldRefuseToStartWithoutASigningKey() {
        // Then
        assertThatThrownBy(() -> new AlertSigningProperties(null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("entente.alerts.signing-key is required");
        assertThatThrownBy(() -> new AlertSigningProperties(" ", null))
                .hasMessageStartingWith("entente.alerts.signing-key is required");
    }

    @Test
    void shouldRefuseAKeyShorterThan32BytesOrNotBase64() {
        // Then
        assertThatThrownBy(() -> new AlertSigningProperties(Base64.getEncoder().encodeToString(bytes(31, 1)), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("entente.alerts.signing-key has 31 bytes; it needs at least 32");
        assertThatThrownBy(() -> new AlertSigningProperties("not base64!", null))
                .hasMessage("entente.alerts.signing-key is not base64");
        assertThatThrownBy(() -> new AlertSigningProperties(CURRENT, List.of("c2hvcnQ=")))
                .hasMessage("entente.alerts.verification-keys has 5 bytes; it needs at least 32");
    }

    @Test
    void shouldNeverShowTheKeys() {
        // Then
        assertThat(new AlertSigningProperties(CURRENT, List.of(EARLIER)).toString()).doesNotContain(CURRENT, EARLIER);
    }
}
