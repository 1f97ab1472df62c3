package org.entente.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.entente.notification.address.WebhookAddressPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The webhook client against a real HTTPS receiver: what it sends, and what each kind of answer
 * comes to. The receiver is on loopback, which its address policy allows here. Only the test of
 * the read timeout has a short one: the others' timeouts are far beyond what a cold JVM on a
 * loaded machine takes to connect, shake hands and be answered, so none of them ends in a timeout.
 */
class WebhookClientTest {

    static final byte[] SECRET = "whsec-client-test".getBytes(StandardCharsets.UTF_8);
    static final byte[] BODY = "{\"id\":\"alert-1\",\"title\":\"Substation control lost\"}".getBytes(StandardCharsets.UTF_8);
    static final Duration PATIENT = Duration.ofSeconds(15);
    static final WebhookAddressPolicy LOOPBACK_ALLOWED = WebhookAddressPolicy.of(List.of("127.0.0.0/8", "::1/128"));

    final WebhookReceiver receiver = WebhookReceiver.start();
    final WebhookClient client = client(PATIENT, LOOPBACK_ALLOWED);

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
    @Timeout(60)
    void shouldGiveUpWaitingForAReceiverThatNeverAnswersAfterTheReadTimeout() {
        // Given a receiver that takes the call and never answers, and a client that waits half a second for an answer
        receiver.neverAnswer("/hook");
        Duration readTimeout = Duration.ofMillis(500);
        long start = System.nanoTime();

        // When it posts
        DeliveryResult result = client(readTimeout, LOOPBACK_ALLOWED).post(receiver.address("/hook"), "event-1", BODY, SECRET);

        // Then it gave up, to try again later, once it had waited at least the read timeout
        assertThat(result).isEqualTo(new DeliveryResult.Retryable("timed out"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(readTimeout);
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
        assertThat(post("https://exa mple.org/hook")).isEqualTo(new DeliveryResult.Rejected("not a usable address"));
    }

    @Test
    void shouldRejectAnAddressThePolicyRefusesWithoutCallingIt() {
        // Given a client whose policy allows no internal network, and a receiver listening on loopback
        WebhookClient strict = client(PATIENT, WebhookAddressPolicy.of(List.of()));

        // When it posts to the receiver, by its address and by a name that resolves to it
        DeliveryResult byAddress = strict.post(receiver.address("/hook"), "event-1", BODY, SECRET);
        DeliveryResult byName = strict.post(receiver.address("/hook").replace("127.0.0.1", "localhost"), "event-1", BODY, SECRET);

        // Then both are given up for good, naming the policy, and the receiver heard nothing
        assertThat(byAddress).isEqualTo(new DeliveryResult.Rejected("refused by the address policy: its host resolves into "
                + "127.0.0.0/8 (loopback), which entente.webhooks.allowed-networks does not allow"));
        assertThat(byName).asInstanceOf(InstanceOfAssertFactories.type(DeliveryResult.Rejected.class))
                .extracting(DeliveryResult.Rejected::reason).asString()
                .startsWith("refused by the address policy: its host resolves into ").contains("(loopback)");
        assertThat(receiver.calls("/hook")).isEmpty();
    }

    @Test
    void shouldRetryWhenTheHostDoesNotResolve() {
        // Given a client whose resolver knows no address for the webhook's host (yet)
        WebhookClient unresolving = client(PATIENT, new WebhookAddressPolicy(List.of(), host -> {
            throw new UnknownHostException(host);
        }));

        // When it posts
        DeliveryResult result = unresolving.post("https://receiver.example/hook", "event-1", BODY, SECRET);

        // Then it tries again later
        assertThat(result).isEqualTo(new DeliveryResult.Retryable("host not resolved"));
    }

    private DeliveryResult post(String address) {
        return client.post(address, "event-1", BODY, SECRET);
    }

    /** The configuration's client (WebhookConfiguration), trusting the receiver, connecting patiently. */
    private static WebhookClient client(Duration readTimeout, WebhookAddressPolicy policy) {
        return new WebhookClient(HttpClient.newBuilder()
                .connectTimeout(PATIENT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .sslContext(WebhookReceiver.clientTls())
                .build(), readTimeout, policy, Clock.systemUTC());
    }
}
