package org.entente.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSignatureTest {

    static final byte[] SECRET = bytes("whsec-test");
    static final byte[] BODY = bytes("{\"id\":\"a-1\"}");
    static final Instant SENT = Instant.parse("2025-11-27T08:00:00Z");

    @Test
    void shouldSignTimestampDotBodyWithHmacSha256() {
        // Given the value of: printf '1764230400.{"id":"a-1"}' | openssl dgst -sha256 -hmac 'whsec-test'
        String expected = "t=1764230400,v1=b95d0d4db2177921cccefcc7ed0ba01d752befc8bf5b5b2acdf4048359924513";

        assertThat(WebhookSignature.sign(SECRET, SENT, BODY)).isEqualTo(expected);
    }

    @Test
    void shouldAcceptTheSignedBodyWithinTheReplayWindowEitherWay() {
        String header = WebhookSignature.sign(SECRET, SENT, BODY);

        assertThat(WebhookSignature.verify(header, BODY, SECRET, SENT)).isTrue();
        assertThat(WebhookSignature.verify(header, BODY, SECRET, SENT.plus(Duration.ofMinutes(5)))).isTrue();
        assertThat(WebhookSignature.verify(header, BODY, SECRET, SENT.minus(Duration.ofMinutes(5)))).isTrue();
    }

    @Test
    void shouldRejectATamperedBody() {
        String header = WebhookSignature.sign(SECRET, SENT, BODY);

        assertThat(WebhookSignature.verify(header, bytes("{\"id\":\"a-2\"}"), SECRET, SENT)).isFalse();
        assertThat(WebhookSignature.verify(header, bytes("{\"id\":\"a-1\"} "), SECRET, SENT)).isFalse();
    }

    @Test
    void shouldRejectAStaleOrFutureTimestamp() {
        String header = WebhookSignature.sign(SECRET, SENT, BODY);

        assertThat(WebhookSignature.verify(header, BODY, SECRET, SENT.plus(Duration.ofMinutes(5)).plusSeconds(1))).isFalse();
        assertThat(WebhookSignature.verify(header, BODY, SECRET, SENT.minus(Duration.ofMinutes(5)).minusSeconds(1))).isFalse();
        assertThat(WebhookSignature.verify(header, BODY, SECRET, SENT.plusSeconds(90), Duration.ofMinutes(1))).isFalse();
    }

    @Test
    void shouldRejectAReplayWithAFreshTimestampButTheOldSignature() {
        String old = WebhookSignature.sign(SECRET, SENT, BODY);
        String replayed = old.replace("t=" + SENT.getEpochSecond(), "t=" + SENT.plusSeconds(3600).getEpochSecond());

        assertThat(WebhookSignature.verify(replayed, BODY, SECRET, SENT.plusSeconds(3600))).isFalse();
    }

    @Test
    void shouldRejectAnotherSecret() {
        String header = WebhookSignature.sign(SECRET, SENT, BODY);

        assertThat(WebhookSignature.verify(header, BODY, bytes("whsec-other"), SENT)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"garbage", "t=1764230400", "v1=b95d0d4d", "t=soon,v1=b95d0d4d", "t=1764230400,v1=not-hex",
            "t=99999999999999999,v1=00", "t=1764230400,v1"})
    void shouldRejectAMissingOrMalformedHeader(String header) {
        assertThat(WebhookSignature.verify(header, BODY, SECRET, SENT)).isFalse();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
