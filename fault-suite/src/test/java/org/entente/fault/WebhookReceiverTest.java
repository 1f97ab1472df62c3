package org.entente.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Instant;
import java.util.HexFormat;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.entente.fault.WebhookReceiver.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite's webhook receiver, without the system: over HTTPS with the certificate it made, it
 * accepts a call signed as docs/webhooks.md says (its test vector included) and refuses a wrong
 * secret, a stale timestamp or no signature; it keeps every call, a second one with the same event
 * id too.
 */
class WebhookReceiverTest {

    private static final String BODY = "{\"id\":\"a-1\",\"status\":\"delivered\"}";

    @Test
    void shouldSignAsTheWebhookContractsTestVectorDoes() {
        byte[] mac = WebhookReceiver.sign("whsec-test".getBytes(StandardCharsets.UTF_8), 1764230400L,
                "{\"id\":\"a-1\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(HexFormat.of().formatHex(mac)).isEqualTo("b95d0d4db2177921cccefcc7ed0ba01d752befc8bf5b5b2acdf4048359924513");
    }

    @Test
    void shouldAcceptOnlyCallsSignedWithTheContactsSecretWithinTheReplayWindow(@TempDir Path directory) throws Exception {
        // Given
        try (WebhookReceiver receiver = WebhookReceiver.start(directory)) {
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(receiver.certificate())).build();
            byte[] secret = receiver.secrets().get(WebhookReceiver.PRIMARY).getBytes(StandardCharsets.UTF_8);
            long now = Instant.now().getEpochSecond();

            // When
            int valid = post(client, receiver, "e-1", signature(secret, now));
            int again = post(client, receiver, "e-1", signature(secret, now));
            int wrongSecret = post(client, receiver, "e-2", signature("guess".getBytes(StandardCharsets.UTF_8), now));
            int stale = post(client, receiver, "e-3", signature(secret, now - 301));
            int unsigned = post(client, receiver, "e-4", null);

            // Then
            assertThat(new int[] {valid, again, wrongSecret, stale, unsigned}).containsExactly(204, 204, 401, 401, 401);
            assertThat(receiver.calls()).containsExactly(
                    new WebhookReceiver.Call(WebhookReceiver.PRIMARY, "e-1", "a-1", Verdict.ACCEPTED),
                    new WebhookReceiver.Call(WebhookReceiver.PRIMARY, "e-1", "a-1", Verdict.ACCEPTED),
                    new WebhookReceiver.Call(WebhookReceiver.PRIMARY, "e-2", "a-1", Verdict.WRONG_SIGNATURE),
                    new WebhookReceiver.Call(WebhookReceiver.PRIMARY, "e-3", "a-1", Verdict.STALE_SIGNATURE),
                    new WebhookReceiver.Call(WebhookReceiver.PRIMARY, "e-4", "a-1", Verdict.NO_SIGNATURE));
        }
    }

    private static int post(HttpClient client, WebhookReceiver receiver, String eventId, String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(receiver.baseUrl() + "/SE/" + WebhookReceiver.PRIMARY))
                .header("Content-Type", "application/json")
                .header(WebhookReceiver.EVENT_ID_HEADER, eventId)
                .POST(HttpRequest.BodyPublishers.ofString(BODY));
        if (signature != null) {
            request.header(WebhookReceiver.SIGNATURE_HEADER, signature);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String signature(byte[] secret, long signedAt) {
        return "t=" + signedAt + ",v1=" + HexFormat.of().formatHex(WebhookReceiver.sign(secret, signedAt,
                BODY.getBytes(StandardCharsets.UTF_8)));
    }

    /** What notification-service does with its SSL bundle: trust the receiver's certificate, and only it. */
    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            store.setCertificateEntry("receiver", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return tls;
    }
}
