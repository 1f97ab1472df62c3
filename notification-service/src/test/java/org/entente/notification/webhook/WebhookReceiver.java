package org.entente.notification.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;

/**
 * A real webhook receiver for tests: the JDK's HTTPS server on a random local port, with the
 * test certificate in {@code webhooks/} (which the service trusts in the test profile). It
 * records every call per path and answers each path's calls with the statuses it was told, in
 * turn, then 204; or, told so, never answers a call.
 */
public final class WebhookReceiver implements AutoCloseable {

    static final String CERTIFICATE = "classpath:webhooks/receiver.crt";
    static final String PRIVATE_KEY = "classpath:webhooks/receiver.key";

    /** A call as it arrived, and the status it was answered with (0: never answered). */
    public record Call(String path, String eventId, String signature, String contentType, byte[] body, int status) {
    }

    /** A status to answer with, or none (0) if the call is never to be answered. */
    private record Answer(int status) {

        boolean never() {
            return status == 0;
        }
    }

    private final HttpsServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Queue<Answer>> answers = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    private WebhookReceiver(HttpsServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(serverTls()));
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.setExecutor(receiver.executor);
            server.createContext("/", receiver::receive);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a client needs to trust this receiver: its certificate, as the test profile's SSL bundle holds it. */
    static SSLContext clientTls() {
        return SslBundle.of(new PemSslStoreBundle(null, PemSslStoreDetails.forCertificate(CERTIFICATE))).createSslContext();
    }

    private static SSLContext serverTls() {
        return SslBundle.of(new PemSslStoreBundle(PemSslStoreDetails.forCertificate(CERTIFICATE).withPrivateKey(PRIVATE_KEY), null))
                .createSslContext();
    }

    public String address(String pathAndQuery) {
        return "https://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    /** Answers the next calls to {@code path} with these statuses, one each, then 204 again. */
    public void answer(String path, int... statuses) {
        for (int status : statuses) {
            queue(path).add(new Answer(status));
        }
    }

    /** Takes the next call to {@code path} and holds it, unanswered, until the receiver closes. */
    public void neverAnswer(String path) {
        queue(path).add(new Answer(0));
    }

    public List<Call> calls(String path) {
        return calls.stream().filter(call -> call.path().equals(path)).toList();
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void receive(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Answer answer = Optional.ofNullable(queue(path).poll()).orElse(new Answer(204));
        calls.add(new Call(path, exchange.getRequestHeaders().getFirst(WebhookSignature.EVENT_ID_HEADER),
                exchange.getRequestHeaders().getFirst(WebhookSignature.SIGNATURE_HEADER),
                exchange.getRequestHeaders().getFirst("Content-Type"), body, answer.status()));
        if (answer.never()) {
            awaitClose();
            return;
        }
        if (answer.status() >= 300 && answer.status() < 400) {
            exchange.getResponseHeaders().add("Location", path + "/moved");
        }
        exchange.sendResponseHeaders(answer.status(), -1);
        exchange.close();
    }

    private void awaitClose() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Queue<Answer> queue(String path) {
        return answers.computeIfAbsent(path, any -> new ConcurrentLinkedQueue<>());
    }
}
