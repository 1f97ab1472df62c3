package org.entente.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

/**
 * The suite's webhook receiver, for the contacts of {@value #STATE} (the fixture gives both of
 * its contacts a webhook at {@code <receiver>/SE/<contact id>}): the JDK's HTTPS server on a free
 * loopback port, with a key and self-signed certificate for 127.0.0.1 made for the run by the
 * JDK's keytool, which notification-service trusts through an SSL bundle. Every call is checked as
 * docs/webhooks.md tells a receiver to: the {@value #SIGNATURE_HEADER} must be HMAC-SHA256 of
 * {@code t + "." + body} under the contact's secret, with {@code t} within five minutes of the
 * suite's clock. A valid call is answered 204 (accepted), any other 401. Each call is kept with
 * its contact, {@value #EVENT_ID_HEADER}, the alert id of its body and the receiver's verdict, for
 * {@link AlertCount}.
 */
final class WebhookReceiver implements AutoCloseable {

    static final String STATE = "SE";
    static final String PRIMARY = "se-cert-duty";
    static final String BACKUP = "se-ncsc-backup";
    static final String SIGNATURE_HEADER = "Entente-Signature";
    static final String EVENT_ID_HEADER = "Entente-Event-Id";
    static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);

    /** What the receiver made of a call: accepted (204), or why it refused it (401). */
    enum Verdict {
        ACCEPTED, UNKNOWN_CONTACT, NOT_A_POST, NO_SIGNATURE, MALFORMED_SIGNATURE, STALE_SIGNATURE, WRONG_SIGNATURE
    }

    /** One call as it arrived: to which contact, for which event and alert, and the receiver's verdict. */
    record Call(String contact, String eventId, String alertId, Verdict verdict) {

        boolean accepted() {
            return verdict == Verdict.ACCEPTED;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpsServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "webhook-receiver");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, byte[]> secrets = new LinkedHashMap<>();
    private final Path certificate;
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();

    private WebhookReceiver(Path directory) throws IOException, GeneralSecurityException {
        Files.createDirectories(directory);
        char[] password = HexFormat.of().formatHex(randomBytes(16)).toCharArray();
        Path keyStore = directory.resolve("receiver.p12");
        certificate = directory.resolve("receiver.crt");
        keytool("-genkeypair", "-alias", "receiver", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "7",
                "-dname", "CN=fault-suite webhook receiver", "-ext", "san=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", new String(password));
        keytool("-exportcert", "-rfc", "-alias", "receiver", "-keystore", keyStore.toString(), "-storepass",
                new String(password), "-file", certificate.toString());
        for (String contact : List.of(PRIMARY, BACKUP)) {
            secrets.put(contact, HexFormat.of().formatHex(randomBytes(32)).getBytes(StandardCharsets.UTF_8));
        }
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls(keyStore, password)));
        server.setExecutor(executor);
        server.createContext("/", this::receive);
        server.start();
    }

    /** Makes the key, certificate and secrets in {@code directory} and starts listening. */
    static WebhookReceiver start(Path directory) {
        try {
            return new WebhookReceiver(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code https://127.0.0.1:<port>}: the fixture's webhook addresses start with it. */
    String baseUrl() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The PEM certificate notification-service is to trust. */
    Path certificate() {
        return certificate;
    }

    /** Each contact's signing secret, as notification-service is to be given it. */
    Map<String, String> secrets() {
        Map<String, String> text = new LinkedHashMap<>();
        secrets.forEach((contact, secret) -> text.put(contact, new String(secret, StandardCharsets.UTF_8)));
        return text;
    }

    List<Call> calls() {
        return new ArrayList<>(calls);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void receive(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String[] path = exchange.getRequestURI().getPath().split("/");
        String contact = path.length == 3 && path[1].equals(STATE) ? path[2] : exchange.getRequestURI().getPath();
        byte[] secret = secrets.get(contact);
        Verdict verdict = secret == null ? Verdict.UNKNOWN_CONTACT
                : !exchange.getRequestMethod().equals("POST") ? Verdict.NOT_A_POST
                : verify(exchange.getRequestHeaders().getFirst(SIGNATURE_HEADER), body, secret, Instant.now());
        calls.add(new Call(contact, exchange.getRequestHeaders().getFirst(EVENT_ID_HEADER), alertId(body), verdict));
        exchange.sendResponseHeaders(verdict == Verdict.ACCEPTED ? 204 : 401, -1);
        exchange.close();
    }

    /** The alert's id in the body (the alert as the inbox shows it), or null if the body is no such alert. */
    private static String alertId(byte[] body) {
        try {
            return Api.JSON.readTree(body).path("id").asString(null);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /** The check docs/webhooks.md gives receivers: {@code t=<seconds>,v1=<hex>}, t within the replay window. */
    static Verdict verify(String header, byte[] body, byte[] secret, Instant now) {
        if (header == null) {
            return Verdict.NO_SIGNATURE;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : header.split(",")) {
            String[] pair = field.strip().split("=", 2);
            if (pair.length != 2) {
                return Verdict.MALFORMED_SIGNATURE;
            }
            fields.put(pair[0], pair[1]);
        }
        long signedAt;
        byte[] signature;
        try {
            signedAt = Long.parseLong(fields.getOrDefault("t", ""));
            signature = HexFormat.of().parseHex(fields.getOrDefault("v1", ""));
        } catch (IllegalArgumentException malformed) {
            return Verdict.MALFORMED_SIGNATURE;
        }
        if (Duration.between(Instant.ofEpochSecond(signedAt), now).abs().compareTo(REPLAY_WINDOW) > 0) {
            return Verdict.STALE_SIGNATURE;
        }
        return MessageDigest.isEqual(sign(secret, signedAt, body), signature) ? Verdict.ACCEPTED : Verdict.WRONG_SIGNATURE;
    }

    static byte[] sign(byte[] secret, long signedAt, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((signedAt + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SSLContext serverTls(Path keyStore, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        return tls;
    }

    private static void keytool(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
