package org.entente.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.entente.platform.caller.LocalIssuer;
import org.entente.testing.process.Broker;
import org.entente.testing.process.ServiceProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system as separate processes, once per test JVM: a standalone broker, incident-service,
 * notification-service (one instance, more while a scenario scales it out) and trust-service, in
 * target/fault-suite/run-&lt;time&gt;/ (configuration, data, state directories, one log per process
 * start). Scenarios break parts of it and put it back; {@link #ensureBaseline()} puts back what a
 * failed scenario could not.
 */
final class FaultCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FaultCluster.class);
    static final Duration READY = Duration.ofSeconds(240);
    private static FaultCluster instance;

    private final FaultSettings settings;
    private final Path home;
    private final Broker broker;
    private final Api api;
    private final Path publicKeys;
    private final Path referenceData;
    private final java.util.Map<String, AtomicInteger> instances = new java.util.concurrent.ConcurrentHashMap<>();
    private final ServiceProcess incidents;
    private final ServiceProcess trust;
    private final List<ServiceProcess> notifications = new ArrayList<>();
    private final List<ServiceProcess> extras = new ArrayList<>();
    private final Admin admin;

    static synchronized FaultCluster get() {
        if (instance == null) {
            instance = new FaultCluster(FaultSettings.fromSystemProperties());
        }
        return instance;
    }

    private FaultCluster(FaultSettings settings) {
        this.settings = settings;
        this.home = settings.workDir().resolve("run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        try {
            Files.createDirectories(home);
            referenceData = home.resolve("reference-data-fault.yml");
            Files.copy(Path.of(FaultCluster.class.getResource("/reference-data-fault.yml").toURI()), referenceData);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path keys = home.resolve("local-issuer");
        LocalIssuer.inDirectory(keys);
        publicKeys = keys.resolve(LocalIssuer.PUBLIC_KEYS);
        api = new Api(keys);

        long started = System.nanoTime();
        broker = new Broker(settings.brokerClasspath(), home.resolve("kafka"));
        broker.create();
        log.info("Kafka is up on {} after {} ms (log {})", broker.bootstrapServers(), (System.nanoTime() - started) / 1_000_000,
                broker.log());
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        admin = Admin.create(config);

        incidents = service("incident-service");
        notifications.add(service("notification-service"));
        trust = service("trust-service");
        started = System.nanoTime();
        // One first, so that it creates the catalogue's topics alone; then the other two.
        incidents.start();
        incidents.awaitReady(READY);
        notifications.get(0).start();
        trust.start();
        notifications.get(0).awaitReady(READY);
        trust.awaitReady(READY);
        log.info("Services ready after {} ms; everything is in {}", (System.nanoTime() - started) / 1_000_000, home);
    }

    ServiceProcess service(String name) {
        Path jar = switch (name) {
            case "incident-service" -> settings.incidentJar();
            case "notification-service" -> settings.notificationJar();
            case "trust-service" -> settings.trustJar();
            default -> throw new IllegalArgumentException(name);
        };
        int number = instances.computeIfAbsent(name, ignored -> new AtomicInteger()).incrementAndGet();
        String instanceName = name + "-" + number;
        List<String> arguments = new ArrayList<>(List.of(
                "--entente.security.local-issuer.public-keys=" + publicKeys,
                // The suite is one busy caller per state: lift the per-caller rate limits.
                "--entente.http.writes-per-minute=1000000",
                "--entente.http.reads-per-minute=1000000",
                // A killed or stopped instance's partitions move after 10 s instead of 45 s.
                "--spring.cloud.stream.kafka.streams.binder.configuration.session.timeout.ms=10000"));
        if (name.equals("notification-service")) {
            arguments.add("--entente.reference-data.file=" + referenceData);
        }
        return new ServiceProcess(name, instanceName, jar, broker.bootstrapServers(), home.resolve("logs"),
                stateDir(instanceName),
                // Services share two cores with the broker and each other: small heaps, serial GC.
                List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true"),
                arguments);
    }

    Path stateDir(String name) {
        return home.resolve("state").resolve(name);
    }

    Path home() {
        return home;
    }

    FaultSettings settings() {
        return settings;
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    Broker broker() {
        return broker;
    }

    Admin admin() {
        return admin;
    }

    Api api() {
        return api;
    }

    ServiceProcess incidents() {
        return incidents;
    }

    ServiceProcess trust() {
        return trust;
    }

    /** The first notification-service instance, the one that is always there. */
    ServiceProcess notifications() {
        return notifications.get(0);
    }

    /** Every notification-service instance running now; inboxes are read from all of them. */
    synchronized List<String> notificationUrls() {
        return notifications.stream().filter(ServiceProcess::alive).map(ServiceProcess::baseUrl).toList();
    }

    /** Starts another notification-service instance (own port and state directory); returns once it is ready. */
    ServiceProcess scaleOutNotifications() {
        ServiceProcess added = service("notification-service");
        added.start();
        added.awaitReady(READY);
        synchronized (this) {
            notifications.add(added);
        }
        return added;
    }

    /** Stops (SIGTERM) an instance added by {@link #scaleOutNotifications()}. */
    void scaleIn(ServiceProcess added) {
        synchronized (this) {
            notifications.remove(added);
        }
        added.stop();
    }

    /** An extra incident-service instance, e.g. with a skewed clock; stopped by {@link #ensureBaseline()} at the latest. */
    ServiceProcess extraIncidentService(Duration clockOffset) {
        ServiceProcess extra = service("incident-service");
        synchronized (this) {
            extras.add(extra);
        }
        extra.start(clockOffset);
        return extra;
    }

    void stopExtras() {
        List<ServiceProcess> stopping;
        synchronized (this) {
            stopping = new ArrayList<>(extras);
            extras.clear();
        }
        stopping.forEach(ServiceProcess::stop);
    }

    /** Stops (SIGTERM) and starts again with the given clock offset and the same state directory. */
    static void restart(ServiceProcess service, Duration clockOffset) {
        service.stop();
        service.start(clockOffset);
        service.awaitReady(READY);
    }

    /**
     * The state every scenario starts from: broker up; one instance of each service, on the true
     * clock, ready; nothing extra running.
     */
    void ensureBaseline() {
        if (!broker.alive()) {
            log.warn("Kafka was down: starting it");
            broker.start();
        }
        stopExtras();
        List<ServiceProcess> surplus;
        synchronized (this) {
            surplus = new ArrayList<>(notifications.subList(1, notifications.size()));
            notifications.removeAll(surplus);
        }
        surplus.forEach(ServiceProcess::stop);
        for (ServiceProcess service : List.of(incidents, notifications(), trust)) {
            String wrong = !service.alive() ? "down"
                    : !service.clockOffset().isZero() ? "on a skewed clock"
                    : !service.awaitReadyQuietly(Duration.ofSeconds(60)) ? "alive but not ready (" + service.readiness() + ")"
                    : null;
            if (wrong != null) {
                // A skewed clock is what clock-skew leaves behind; anything else is worth a warning.
                if (service.alive() && !service.clockOffset().isZero()) {
                    log.info("{} was {}: restarting it", service.name(), wrong);
                } else {
                    log.warn("{} was {}: restarting it", service.name(), wrong);
                }
                service.stop();
                service.start();
            }
        }
        for (ServiceProcess service : List.of(incidents, notifications(), trust)) {
            service.awaitReady(READY);
        }
    }

    /**
     * The fixture's routing (reference-data-fault.yml): an energy incident from EE, FI, LV or LT
     * goes to the other three; a health incident from EE goes to SE.
     */
    static Set<String> recipients(String reportingState, String sector) {
        Set<String> recipients = new TreeSet<>();
        if (sector.equals("energy") && Traffic.REPORTERS.contains(reportingState)) {
            recipients.addAll(Traffic.REPORTERS);
            recipients.remove(reportingState);
        } else if (sector.equals("health") && reportingState.equals("EE")) {
            recipients.add("SE");
        }
        return recipients;
    }

    @Override
    public synchronized void close() {
        List<ServiceProcess> all = new ArrayList<>(extras);
        all.addAll(notifications);
        all.add(incidents);
        all.add(trust);
        all.parallelStream().forEach(ServiceProcess::stop);
        admin.close(Duration.ofSeconds(5));
        broker.stop();
        instance = null;
    }
}
