package org.entente.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

/**
 * An intake that refuses every report: {@code POST /api/v1/incidents} answered 503, as
 * incident-service answers while Kafka is away, on a free loopback port. The suite's proof that a
 * scenario whose reports are all refused fails ({@code AlertCountTest},
 * {@code FaultScenariosTest}).
 */
final class RefusingIntake implements AutoCloseable {

    private final HttpServer server;
    private final AtomicLong received = new AtomicLong();

    private RefusingIntake() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/incidents", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.incrementAndGet();
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
    }

    static RefusingIntake start() {
        try {
            return new RefusingIntake();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Reports it has refused. */
    long received() {
        return received.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
