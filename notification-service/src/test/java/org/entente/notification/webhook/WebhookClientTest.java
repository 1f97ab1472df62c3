package org.entente.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The webhook client against a real HTTPS receiver: what it sends, and what each kind of answer comes to. */
class WebhookClientTest {

    static final byte[] SECRET = "whsec-client-test".getBytes(StandardCharsets.UTF_8);
    static final byte[] BODY = "{\"id\":\"alert-1\",\"title\":\"Substation control lost\"}".getBytes(StandardCharsets.UTF_8);
    static final Duration READ_TIMEOUT = Duration.ofMillis(500);

    final WebhookReceiver receiver = WebhookReceiver.start();
    final WebhookClient client = new WebhookClient(HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(1))
            .followRedirects(HttpClient.Redirect.NEVER)
            .sslContext(WebhookReceiver.clientTls())
            .build(), READ_TIMEOUT, Clock.systemUTC());

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void shouldPostTheBodyAsJsonWithItsEventIdAndAFreshSignature() {
        DeliveryResult result = post(receiver.address("/hook?token=abc"));

        assertThat(result).isEqualTo(new DeliveryResult.Delivered(204));
        assertThat(receiver.calls("/hook")).singleElement().satisfies(call -> {
            assertThat(call.eventId()).isEqualTo("event-1");
            assertThat(call.contentType()).isEqualTo("application/json");
            assertThat(call.body()).isEqualTo(BODY);
            assertThat(WebhookSignature.verify(call.signature(), call.body(), SECRET, Instant.now())).isTrue();
        });
    }

    @Test
    void shouldTellRetryableFromRejectedAnswers() {
        receiver.answer("/hook", 503, 429, 400, 200);

        assertThat(post(receiver.address("/hook"))).isEqualTo(new DeliveryResult.Retryable("HTTP 503"));
        assertThat(post(receiver.address("/hook"))).isEqualTo(new DeliveryResult.Retryable("HTTP 429"));
        assertThat(post(receiver.address("/hook"))).isEqualTo(new DeliveryResult.Rejected("HTTP 400"));
        assertThat(post(receiver.address("/hook"))).isEqualTo(new DeliveryResult.Delivered(200));
    }

    @Test
    void shouldNotFollowARedirect() {
        receiver.answer("/hook", 307);

        assertThat(post(receiver.address("/hook"))).isEqualTo(new DeliveryResult.Rejected("HTTP 307"));
        assertThat(receiver.calls("/hook/moved")).isEmpty();
    }

    @Test
    void shouldGiveUpWaitingForASlowReceiverAfterTheReadTimeout() {
        receiver.answerLate("/hook", Duration.ofSeconds(3));
        long start = System.nanoTime();

        DeliveryResult result = post(receiver.address("/hook"));

        assertThat(result).isEqualTo(new DeliveryResult.Retryable("timed out"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
    }

    @Test
    void shouldRetryWhenNobodyListens() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        assertThat(post("https://127.0.0.1:" + closedPort + "/hook")).isEqualTo(new DeliveryResult.Retryable("connection failed"));
    }

    @Test
    void shouldRejectAnAddressItCannotCall() {
        assertThat(post("ftp://127.0.0.1/hook")).isEqualTo(new DeliveryResult.Rejected("not a usable address"));
        assertThat(post("https://exa mple.org/hook")).isEqualTo(new DeliveryResult.Rejected("not a usable address"));
    }

    private DeliveryResult post(String address) {
        return client.post(address, "event-1", BODY, SECRET);
    }
}
