package org.entente.platform.deadletter;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.CommonClientConfigs;
import org.entente.schemas.Topics;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Command line of {@link DeadLetterReplay}, run from any service's runnable jar:
 * <pre>
 * java -Dloader.main=org.entente.platform.deadletter.ReplayDeadLetters -cp incident-service-0.1.0-SNAPSHOT-exec.jar \
 *     org.springframework.boot.loader.launch.PropertiesLauncher \
 *     --bootstrap-servers 127.0.0.1:19092 --topic incident.events.v1 [--since 2026-11-30T08:00:00Z] [--dry-run]
 * </pre>
 * {@code --group} names the consumer group whose position says what was replayed already
 * (default {@value DeadLetterReplay#DEFAULT_GROUP}); {@code --command-config} a file of Kafka client
 * properties (security protocol, SASL, truststore), as Kafka's own tools take. Prints a line per
 * record, then {@code replayed N, skipped M}.
 */
public final class ReplayDeadLetters {

    static final String USAGE = "usage: --bootstrap-servers <host:port,...> --topic <catalogue topic> "
            + "[--since <ISO-8601 instant>] [--dry-run] [--group <consumer group>] [--command-config <client properties file>]";

    record Arguments(Map<String, Object> clientConfig, String topic, Instant since, boolean dryRun, String group) {

        static Arguments parse(String... args) {
            Map<String, Object> clientConfig = new HashMap<>();
            String bootstrapServers = null;
            String topic = null;
            Instant since = null;
            boolean dryRun = false;
            String group = DeadLetterReplay.DEFAULT_GROUP;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--bootstrap-servers" -> bootstrapServers = value(args, ++i);
                    case "--topic" -> topic = value(args, ++i);
                    case "--since" -> since = instant(value(args, ++i));
                    case "--dry-run" -> dryRun = true;
                    case "--group" -> group = value(args, ++i);
                    case "--command-config" -> clientConfig.putAll(properties(Path.of(value(args, ++i))));
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (bootstrapServers == null || topic == null) {
                throw new IllegalArgumentException("--bootstrap-servers and --topic are required");
            }
            Topics.deadLettersOf(topic);
            clientConfig.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            return new Arguments(clientConfig, topic, since, dryRun, group);
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value");
            }
            return args[i];
        }

        private static Instant instant(String text) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--since " + text + " is not an ISO-8601 instant such as 2026-11-30T08:00:00Z");
            }
        }

        private static Map<String, Object> properties(Path file) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new IllegalArgumentException("--command-config " + file + " cannot be read: " + e);
            }
            Map<String, Object> config = new HashMap<>();
            properties.stringPropertyNames().forEach(name -> config.put(name, properties.getProperty(name)));
            return config;
        }
    }

    private ReplayDeadLetters() {
    }

    public static void main(String[] args) {
        // Kafka's clients log at INFO and DEBUG; what an operator needs is printed below.
        LoggingSystem.get(ReplayDeadLetters.class.getClassLoader()).setLogLevel(null, LogLevel.WARN);
        try {
            Arguments arguments = Arguments.parse(args);
            try {
                DeadLetterReplay.Outcome outcome = new DeadLetterReplay(arguments.clientConfig(), arguments.group())
                        .replay(arguments.topic(), arguments.since(), arguments.dryRun());
                report(outcome, arguments.dryRun()).forEach(System.out::println);
            } catch (IllegalStateException e) {
                fail(1, e.getMessage());
            }
        } catch (IllegalArgumentException e) {
            fail(2, e.getMessage() + "\n" + USAGE);
        }
    }

    private static void fail(int status, String message) {
        System.err.println(message);
        System.exit(status);
    }

    static List<String> report(DeadLetterReplay.Outcome outcome, boolean dryRun) {
        List<String> lines = new ArrayList<>();
        String replay = dryRun ? "would replay " : "replayed ";
        String skip = dryRun ? "would skip " : "skipped ";
        outcome.replayed().forEach(replayed -> lines.add(replay + replayed.letter() + " to " + replayed.toTopic() + "-"
                + replayed.toPartition() + "; it was dead-lettered for " + replayed.deadLetteredFor()));
        outcome.skipped().forEach(skipped -> lines.add(skip + skipped.letter() + ": " + skipped.reason()));
        lines.add((dryRun ? "dry run, nothing written: " : "") + replay + outcome.replayed().size() + ", " + skip
                + outcome.skipped().size());
        return lines;
    }
}
