package org.entente.testing.process;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One instance of a service, run as deploy/local/run.sh runs it: {@code java <jvm options> -jar
 * <service>-exec.jar --spring.profiles.active=local} with {@code KAFKA_BOOTSTRAP_SERVERS} and the
 * local issuer's public keys, here on a free port (and a free management port), with its own Kafka Streams state directory and
 * optionally a skewed clock ({@code entente.clock.offset}).
 */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The service's Kafka Streams application ids, which are also its consumer groups. */
    public static final Map<String, List<String>> APPLICATION_IDS = Map.of(
            "incident-service", List.of("incident-service"),
            "notification-service", List.of("notification-service-fanout", "notification-service-lifecycle",
                    "notification-service-ledger"),
            "trust-service", List.of("trust-service"));

    private final String service;
    private final Path jar;
    private final String bootstrapServers;
    private final List<String> jvmOptions;
    private final List<String> arguments;
    private final ChildProcess process;
    private final int port = Ports.free();
    private final int managementPort = Ports.free();
    private Path stateDir;
    private Duration clockOffset = Duration.ZERO;

    /**
     * @param jvmOptions what goes before {@code -jar}: heap, GC, flight recorder
     * @param arguments what goes after the ones every instance gets: the service's settings
     */
    public ServiceProcess(String service, String instance, Path jar, String bootstrapServers, Path logDir, Path stateDir,
            List<String> jvmOptions, List<String> arguments) {
        this.service = service;
        this.jar = jar;
        this.bootstrapServers = bootstrapServers;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.arguments = List.copyOf(arguments);
        this.stateDir = stateDir;
        this.process = new ChildProcess(instance, logDir);
    }

    public String service() {
        return service;
    }

    public String name() {
        return process.name();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Where the actuator answers: metrics and health details are not on the API port. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public Duration clockOffset() {
        return clockOffset;
    }

    public boolean alive() {
        return process.alive();
    }

    /** Starts with the given clock offset (zero: the real clock) and the current state directory. */
    public void start(Duration offset) {
        clockOffset = offset;
        List<String> command = new ArrayList<>();
        command.add(ChildProcess.java());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(),
                "--spring.profiles.active=local",
                "--server.port=" + port,
                "--management.server.port=" + managementPort,
                "--spring.cloud.stream.kafka.streams.binder.configuration.state.dir=" + stateDir));
        if (!offset.isZero()) {
            command.add("--entente.clock.offset=" + offset);
        }
        command.addAll(arguments);
        process.start(command, Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers));
    }

    public void start() {
        start(Duration.ZERO);
    }

    /** A later start uses a fresh, empty state directory: every store is rebuilt from Kafka. */
    public void useStateDir(Path fresh) {
        stateDir = fresh;
    }

    /** Until {@code /readyz} answers 200 (UP). */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.alive()) {
                throw new IllegalStateException(name() + " exited while starting:\n" + process.tail(60));
            }
            if (ready()) {
                return;
            }
            Broker.sleep(500);
        }
        throw new IllegalStateException(name() + " was not ready within " + timeout + ":\n" + process.tail(60));
    }

    /** Like {@link #awaitReady(Duration)}, but answers false instead of failing. */
    public boolean awaitReadyQuietly(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (process.alive() && Instant.now().isBefore(deadline)) {
            if (ready()) {
                return true;
            }
            Broker.sleep(500);
        }
        return false;
    }

    public boolean ready() {
        return readiness().startsWith("200 ");
    }

    /** The readiness endpoint's status and body, e.g. {@code 503 {"status":"DOWN"}}. */
    public String readiness() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/readyz"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        } catch (Exception e) {
            return "no answer: " + e;
        }
    }

    /** SIGTERM: Spring's graceful shutdown closes Kafka Streams. */
    public void stop() {
        process.stop(40);
    }

    /** SIGKILL: the process ends at once, mid-transaction if one is open. */
    public void kill() {
        process.kill();
    }

    public long pid() {
        return process.pid();
    }

    public String tail(int lines) {
        return process.tail(lines);
    }

    /** The last {@code lines} lines the service logged at ERROR. */
    public String lastErrors(int lines) {
        return process.lastErrors(lines);
    }
}
