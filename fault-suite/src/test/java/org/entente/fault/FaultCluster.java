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
import org.entente.testing.process.Brokers;
import org.entente.testing.process.ServiceProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole system as separate processes: Kafka (one standalone broker, or three nodes with every
 * replication factor 3 for broker-kill), incident-service, notification-service (one instance,
 * more while a scenario scales it out), trust-service and the suite's webhook receiver, in
 * target/fault-suite/run-&lt;time&gt;/ (configuration, data, state directories, one log per process
 * start). One cluster runs at a time: {@link #of(int)} closes it when a scenario needs the other
 * size. Scenarios break parts of it and put it back; {@link #ensureBaseline()} puts back what a
 * failed scenario could not.
 */
final class FaultCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FaultCluster.class);
    static final Duration READY = Duration.ofSeconds(240);
    private static FaultCluster instance;

    private final FaultSettings settings;
    private final Path home;
    private final Brokers brokers;
    private final Api api;
    private final Path publicKeys;
    private final Path referenceData;
    private final WebhookReceiver webhooks;
    private final Path webhookSecrets;
    private final java.util.Map<String, AtomicInteger> instances = new java.util.concurrent.ConcurrentHashMap<>();
    private final ServiceProcess incidents;
    private final ServiceProcess trust;
    private final List<ServiceProcess> notifications = new ArrayList<>();
    private final List<ServiceProcess> extras = new ArrayList<>();
    private final Admin admin;

    /** The running cluster if it has {@code brokers} Kafka nodes; otherwise the running one is closed and such a cluster started. */
    static synchronized FaultCluster of(int brokers) {
        if (instance != null && instance.brokers.nodes().size() != brokers) {
            instance.close();
        }
        if (instance == null) {
            instance = new FaultCluster(FaultSettings.fromSystemProperties(), brokers);
        }
        return instance;
    }

    /** Closes the running cluster, if any. */
    static synchronized void closeRunning() {
        if (instance != null) {
            instance.close();
        }
    }

    private FaultCluster(FaultSettings settings, int brokerCount) {
        this.settings = settings;
        this.home = settings.workDir().resolve("run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                + (brokerCount == 1 ? "" : "-" + brokerCount + "-brokers"));
        webhooks = WebhookReceiver.start(home.resolve("webhooks"));
        try {
            Files.createDirectories(home);
            referenceData = home.resolve("reference-data-fault.yml");
            Path fixture = Path.of(FaultCluster.class.getResource("/reference-data-fault.yml").toURI());
            Files.writeString(referenceData, Files.readString(fixture).replace("{webhook-receiver}", webhooks.baseUrl()));
            webhookSecrets = home.resolve("webhooks").resolve("secrets.properties");
            StringBuilder secrets = new StringBuilder("# The receiver's contacts' signing secrets (WebhookReceiver), made for this run.\n");
            webhooks.secrets().forEach((contact, secret) -> secrets.append("entente.webhooks.secrets.").append(WebhookReceiver.STATE)
                    .append('.').append(contact).append('=').append(secret).append('\n'));
            Files.writeString(webhookSecrets, secrets);
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
        brokers = new Brokers(settings.brokerClasspath(), home.resolve("kafka"), brokerCount);
        brokers.create();
        log.info("Kafka ({} node(s)) is up on {} after {} ms", brokerCount, brokers.bootstrapServers(),
                (System.nanoTime() - started) / 1_000_000);
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers.bootstrapServers());
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
                "--spring.cloud.stream.kafka.streams.binder.configuration.session.timeout.ms=10000",
                // The catalogue's topics with as many replicas as nodes, min.insync.replicas one fewer (TopicProvisioning).
                "--entente.topics.replication-factor=" + brokers.nodes().size()));
        if (name.equals("notification-service")) {
            arguments.addAll(List.of(
                    "--entente.reference-data.file=" + referenceData,
                    // The suite's receiver: on loopback, with a certificate of its own, and the contacts' secrets in a file.
                    "--entente.webhooks.allowed-networks=127.0.0.0/8",
                    "--entente.webhooks.ssl-bundle=fault-suite-receiver",
                    "--spring.ssl.bundle.pem.fault-suite-receiver.truststore.certificate=file:" + webhooks.certificate(),
                    "--spring.config.additional-location=file:" + webhookSecrets,
                    // The webhook dispatcher's consumers too: a killed instance's partitions move after 10 s instead of 45 s.
                    "--spring.kafka.consumer.properties.session.timeout.ms=10000"));
        }
        return new ServiceProcess(name, instanceName, jar, brokers.bootstrapServers(), home.resolve("logs"),
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
        return brokers.bootstrapServers();
    }

    Brokers brokers() {
        return brokers;
    }

    WebhookReceiver webhooks() {
        return webhooks;
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
     * The state every scenario starts from: every Kafka node up; one instance of each service, on
     * the true clock, ready; nothing extra running.
     */
    void ensureBaseline() {
        if (!brokers.allAlive()) {
            log.warn("A Kafka node was down: starting it");
            brokers.start();
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
     * goes to the other three, and from EE to SE too; a health incident from EE goes to SE.
     */
    static Set<String> recipients(String reportingState, String sector) {
        Set<String> recipients = new TreeSet<>();
        if (sector.equals("energy") && Traffic.REPORTERS.contains(reportingState)) {
            recipients.addAll(Traffic.REPORTERS);
            recipients.remove(reportingState);
        }
        if (escalates(reportingState, sector, "SE") || sector.equals("health") && reportingState.equals("EE")) {
            recipients.add("SE");
        }
        return recipients;
    }

    /**
     * Whether the alert escalates, exactly once: an energy incident from EE to SE, under
     * fault-escalation, is to be acknowledged within a second of delivery, nobody acknowledges it,
     * and SE's chain has two contacts.
     */
    static boolean escalates(String reportingState, String sector, String recipientState) {
        return sector.equals("energy") && reportingState.equals("EE") && recipientState.equals("SE");
    }

    @Override
    public synchronized void close() {
        List<ServiceProcess> all = new ArrayList<>(extras);
        all.addAll(notifications);
        all.add(incidents);
        all.add(trust);
        all.parallelStream().forEach(ServiceProcess::stop);
        admin.close(Duration.ofSeconds(5));
        brokers.stop();
        webhooks.close();
        instance = null;
    }
}
