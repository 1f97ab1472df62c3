package org.entente.notification.webhook;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.entente.notification.address.WebhookAddressPolicy;

/**
 * POSTs one signed event to one webhook address and says what came of it. Before each call the
 * address is checked against the {@link WebhookAddressPolicy}, whose refusal is final. Once its
 * host is resolved, a call takes at most the connect timeout (set on the {@link HttpClient}) plus
 * {@code readTimeout}, whatever the receiver does, so the dispatcher can bound the time it spends
 * between two polls.
 * <p>
 * The {@link HttpClient} resolves the host again to connect: it cannot be handed the addresses
 * the policy checked. Both lookups go through the JVM's cache of names (30 s by default), so a
 * name re-pointed in between is caught only at the next check, should its entry expire just then.
 */
class WebhookClient {

    static final String USER_AGENT = "Entente-Webhooks/1";

    private final HttpClient http;
    private final Duration readTimeout;
    private final Duration callTimeout;
    private final WebhookAddressPolicy policy;
    private final Clock wallClock;

    /**
     * @param wallClock the signature's timestamp: transport time, which receivers compare with
     *        their own clocks; never the service's domain clock
     */
    WebhookClient(HttpClient http, Duration readTimeout, WebhookAddressPolicy policy, Clock wallClock) {
        this.http = http;
        this.readTimeout = readTimeout;
        this.callTimeout = http.connectTimeout().orElse(Duration.ZERO).plus(readTimeout);
        this.policy = policy;
        this.wallClock = wallClock;
    }

    DeliveryResult post(String address, String eventId, byte[] body, byte[] secret) {
        HttpRequest request;
        try {
            URI uri = URI.create(address);
            // At every call, not once when the address was registered: what its host resolves to can change.
            Optional<String> refusal = policy.refusal(uri);
            if (refusal.isPresent()) {
                return new DeliveryResult.Rejected(refusal.get());
            }
            request = HttpRequest.newBuilder(uri)
                    .timeout(readTimeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", USER_AGENT)
                    .header(WebhookSignature.EVENT_ID_HEADER, eventId)
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, wallClock.instant(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (IllegalArgumentException badAddress) {
            return new DeliveryResult.Rejected("not a usable address");
        } catch (UnknownHostException unresolved) {
            return new DeliveryResult.Retryable("host not resolved");
        }
        // The request timeout ends the wait for the response's headers; this one also bounds reading its body.
        CompletableFuture<HttpResponse<Void>> call = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            return DeliveryResult.of(call.get(callTimeout.toMillis(), TimeUnit.MILLISECONDS).statusCode());
        } catch (TimeoutException e) {
            call.cancel(true);
            return new DeliveryResult.Retryable("timed out");
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return new DeliveryResult.Retryable("interrupted");
        } catch (ExecutionException e) {
            return failed(e.getCause());
        }
    }

    private static DeliveryResult failed(Throwable cause) {
        if (cause instanceof HttpTimeoutException) {
            return new DeliveryResult.Retryable("timed out");
        }
        if (cause instanceof ConnectException) {
            return new DeliveryResult.Retryable("connection failed");
        }
        if (cause instanceof IOException) {
            return new DeliveryResult.Retryable("I/O failure (" + cause.getClass().getSimpleName() + ")");
        }
        return new DeliveryResult.Rejected("request failed (" + cause.getClass().getSimpleName() + ")");
    }
}
