package org.entente.testing.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;

/**
 * A Kafka 4 broker (KRaft combined mode: broker and controller in one node) as a child process,
 * exactly as deploy/local/run.sh starts it: {@code kafka.Kafka} from the classpath of
 * deploy/local's dependencies, loopback only. Standalone ({@link #Broker(String, Path)}): one node,
 * storage formatted with {@code StorageTool format --standalone}, every replication factor 1. As
 * one node of {@link Brokers}: every node is a voter of the controller quorum, formatted with the
 * same {@code --initial-controllers}, and every replication factor is the number of nodes, with
 * one fewer in-sync replicas required. It can be stopped (SIGTERM), killed (SIGKILL) and started
 * again on the same ports and data.
 */
public final class Broker {

    /** A voter of the controller quorum: its node id, controller port, and the directory id its storage is formatted with. */
    record Voter(int nodeId, int port, Uuid directoryId) {

        static Voter onFreePort(int nodeId) {
            return new Voter(nodeId, Ports.free(), Uuid.randomUuid());
        }

        String address() {
            return "127.0.0.1:" + port;
        }
    }

    static final int STOP_GRACE_SECONDS = 60;

    private final String classpath;
    private final Path home;
    private final int nodeId;
    private final int port;
    private final List<Voter> voters;
    private final ChildProcess process;

    /** A standalone broker in {@code home}; its log goes to {@code home}'s sibling {@code logs/}. */
    public Broker(String classpath, Path home) {
        this(classpath, home, "kafka", Ports.free(), List.of(Voter.onFreePort(1)), 1);
    }

    Broker(String classpath, Path home, String name, int port, List<Voter> voters, int nodeId) {
        this.classpath = classpath;
        this.home = home;
        this.nodeId = nodeId;
        this.port = port;
        this.voters = List.copyOf(voters);
        this.process = new ChildProcess(name, home.resolveSibling("logs"));
    }

    /** This node's listener only; {@link Brokers#bootstrapServers()} names every node's. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int nodeId() {
        return nodeId;
    }

    /** Writes the configuration, formats the storage and starts; returns once the broker answers. */
    public void create() {
        format(Uuid.randomUuid().toString());
        start();
    }

    /** Writes the configuration and formats the storage for the cluster {@code clusterId}. */
    void format(String clusterId) {
        try {
            Files.createDirectories(home);
            Files.writeString(home.resolve("server.properties"), serverProperties());
            Files.writeString(home.resolve("log4j2.properties"), LOG4J2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> quorum = voters.size() == 1
                ? List.of("--standalone")
                : List.of("--initial-controllers", voters.stream()
                        .map(voter -> voter.nodeId() + "@" + voter.address() + ":" + voter.directoryId())
                        .collect(Collectors.joining(",")));
        ChildProcess format = new ChildProcess(process.name() + "-format", home.resolveSibling("logs"));
        List<String> command = new ArrayList<>(List.of(ChildProcess.java(),
                "-Dlog4j2.configurationFile=" + home.resolve("log4j2.properties"), "-cp", classpath, "kafka.tools.StorageTool",
                "format", "--config", home.resolve("server.properties").toString(), "--cluster-id", clusterId));
        command.addAll(quorum);
        format.start(command, Map.of());
        awaitExit(format, Duration.ofSeconds(60));
    }

    /** Starts on the same ports and data; returns once the broker answers as an unfenced member of its cluster. */
    public void start() {
        launch();
        awaitReady(Duration.ofSeconds(90));
    }

    void launch() {
        process.start(List.of(ChildProcess.java(), "-Xms256m", "-Xmx512m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
                "-Djava.awt.headless=true", "-Dlog4j2.configurationFile=" + home.resolve("log4j2.properties"),
                "-cp", classpath, "kafka.Kafka", home.resolve("server.properties").toString()), Map.of());
    }

    /** SIGTERM: a controlled shutdown, as an orchestrator stops a broker. */
    public void stop() {
        stop(STOP_GRACE_SECONDS);
    }

    /** SIGTERM, then SIGKILL if it has not ended within {@code graceSeconds}. */
    void stop(int graceSeconds) {
        process.stop(graceSeconds);
    }

    /**
     * SIGKILL: the process ends at once, without a controlled shutdown; what it had written stays in
     * the operating system's cache and on disk, and the next start recovers its logs.
     */
    public void kill() {
        process.kill();
    }

    public boolean alive() {
        return process.alive();
    }

    public Path log() {
        return process.log();
    }

    public long pid() {
        return process.pid();
    }

    /**
     * Until this node's listener is open and the cluster lists the node among its live brokers (a
     * broker opens its listener once unfenced; a restarted node's peers may still see it fenced).
     */
    void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        while (Instant.now().isBefore(deadline)) {
            if (!process.alive()) {
                throw new IllegalStateException(process.name() + " exited while starting:\n" + process.tail(40));
            }
            if (Ports.open(port)) {
                try (Admin admin = Admin.create(config)) {
                    if (admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).stream().map(Node::id).anyMatch(id -> id == nodeId)) {
                        return;
                    }
                } catch (Exception notYet) {
                    // starting
                }
            }
            sleep(300);
        }
        throw new IllegalStateException(process.name() + " did not answer on " + bootstrapServers() + " within " + timeout + ":\n"
                + process.tail(40));
    }

    private static void awaitExit(ChildProcess child, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (child.alive() && Instant.now().isBefore(deadline)) {
            sleep(100);
        }
        if (child.alive()) {
            child.kill();
            throw new IllegalStateException(child.name() + " did not finish:\n" + child.tail(40));
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String serverProperties() {
        Voter controller = voters.stream().filter(voter -> voter.nodeId() == nodeId).findFirst().orElseThrow();
        int replicas = voters.size();
        int minInSync = Math.max(1, replicas - 1);
        return """
                # Written by org.entente.testing.process.Broker; the same settings as deploy/local/run.sh, on free ports,
                # with replication factor %6$d and min.insync.replicas %7$d for a cluster of %6$d node(s).
                process.roles=broker,controller
                node.id=%1$d
                listeners=PLAINTEXT://127.0.0.1:%2$d,CONTROLLER://127.0.0.1:%3$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%2$d,CONTROLLER://127.0.0.1:%3$d
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                controller.listener.names=CONTROLLER
                controller.quorum.bootstrap.servers=%4$s
                log.dirs=%5$s
                default.replication.factor=%6$d
                min.insync.replicas=%7$d
                offsets.topic.replication.factor=%6$d
                transaction.state.log.replication.factor=%6$d
                transaction.state.log.min.isr=%7$d
                share.coordinator.state.topic.replication.factor=%6$d
                share.coordinator.state.topic.min.isr=%7$d
                auto.create.topics.enable=false
                num.partitions=1
                group.initial.rebalance.delay.ms=0
                """.formatted(nodeId, port, controller.port(), voters.stream().map(Voter::address).collect(Collectors.joining(",")),
                home.resolve("data"), replicas, minInSync);
    }

    private static final String LOG4J2 = """
            status = warn
            name = entente-process-kafka
            shutdownHook = disable
            appender.stdout.type = Console
            appender.stdout.name = STDOUT
            appender.stdout.layout.type = PatternLayout
            appender.stdout.layout.pattern = [%d] %p %m (%c)%n
            rootLogger.level = INFO
            rootLogger.appenderRef.stdout.ref = STDOUT
            logger.request.name = kafka.request.logger
            logger.request.level = WARN
            logger.requestchannel.name = kafka.network.RequestChannel$
            logger.requestchannel.level = WARN
            """;
}
