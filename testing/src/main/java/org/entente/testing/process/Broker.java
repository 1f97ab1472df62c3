package org.entente.testing.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A standalone Kafka 4 broker (KRaft combined mode, one node) as a child process, exactly as
 * deploy/local/run.sh starts it: {@code kafka.Kafka} from the classpath of deploy/local's
 * dependencies, storage formatted once with {@code StorageTool format --standalone}, loopback
 * only, every replication factor 1. It can be stopped (SIGTERM) and started again on the same
 * ports and data.
 */
public final class Broker {

    private final String classpath;
    private final Path home;
    private final int port = Ports.free();
    private final int controllerPort = Ports.free();
    private final ChildProcess process;

    public Broker(String classpath, Path home) {
        this.classpath = classpath;
        this.home = home;
        this.process = new ChildProcess("kafka", home.resolveSibling("logs"));
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Writes the configuration, formats the storage and starts; returns once the broker answers. */
    public void create() {
        try {
            Files.createDirectories(home);
            Files.writeString(home.resolve("server.properties"), serverProperties());
            Files.writeString(home.resolve("log4j2.properties"), LOG4J2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChildProcess format = new ChildProcess("kafka-format", home.resolveSibling("logs"));
        format.start(List.of(ChildProcess.java(), "-Dlog4j2.configurationFile=" + home.resolve("log4j2.properties"),
                "-cp", classpath, "kafka.tools.StorageTool", "format", "--config", home.resolve("server.properties").toString(),
                "--cluster-id", Uuid.randomUuid().toString(), "--standalone"), Map.of());
        awaitExit(format, Duration.ofSeconds(60));
        start();
    }

    public void start() {
        process.start(List.of(ChildProcess.java(), "-Xms256m", "-Xmx512m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20",
                "-Djava.awt.headless=true", "-Dlog4j2.configurationFile=" + home.resolve("log4j2.properties"),
                "-cp", classpath, "kafka.Kafka", home.resolve("server.properties").toString()), Map.of());
        awaitReady(Duration.ofSeconds(90));
    }

    /** SIGTERM: a controlled shutdown, as an orchestrator stops a broker. */
    public void stop() {
        process.stop(60);
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

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        while (Instant.now().isBefore(deadline)) {
            if (!process.alive()) {
                throw new IllegalStateException("Kafka exited while starting:\n" + process.tail(40));
            }
            if (Ports.open(port)) {
                try (Admin admin = Admin.create(config)) {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    // starting
                }
            }
            sleep(300);
        }
        throw new IllegalStateException("Kafka did not answer on " + bootstrapServers() + " within " + timeout + ":\n"
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
        return """
                # Written by org.entente.testing.process.Broker; the same settings as deploy/local/run.sh, on free ports.
                process.roles=broker,controller
                node.id=1
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                controller.listener.names=CONTROLLER
                controller.quorum.bootstrap.servers=127.0.0.1:%2$d
                log.dirs=%3$s
                default.replication.factor=1
                min.insync.replicas=1
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                auto.create.topics.enable=false
                num.partitions=1
                group.initial.rebalance.delay.ms=0
                """.formatted(port, controllerPort, home.resolve("data"));
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
