package org.entente.fault;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What the suite is told from the outside (system properties, set by the module's pom):
 * <ul>
 * <li>{@code entente.fault.duration}: traffic per scenario (ISO-8601, default {@code PT20S}); a
 * scenario's traffic also lasts as long as its fault takes;</li>
 * <li>{@code entente.fault.rate}: incidents per second while traffic flows (default 10);</li>
 * <li>{@code entente.fault.broker-outage}: how long the broker stays stopped before it starts
 * again in broker-restart (default {@code PT0S}: stop, then start at once, about 5 s without a
 * broker in all);</li>
 * <li>{@code entente.soak}: the soak's total duration, e.g. {@code PT10M}; empty or absent, no soak;</li>
 * <li>where the broker's classpath and the services' runnable jars are, and the working directory.</li>
 * </ul>
 */
record FaultSettings(Duration traffic, double rate, Duration brokerOutage, Optional<Duration> soak, String brokerClasspath,
        Path incidentJar,
        Path notificationJar, Path trustJar, Path workDir) {

    static FaultSettings fromSystemProperties() {
        String soak = System.getProperty("entente.soak", "").strip();
        return new FaultSettings(
                Duration.parse(property("entente.fault.duration", "PT20S")),
                Double.parseDouble(property("entente.fault.rate", "10")),
                Duration.parse(property("entente.fault.broker-outage", "PT15S")),
                soak.isEmpty() ? Optional.empty() : Optional.of(Duration.parse(soak)),
                readClasspath(Path.of(property("entente.fault.broker-classpath", "target/broker.classpath"))),
                jar("incident-service"),
                jar("notification-service"),
                jar("trust-service"),
                Path.of(property("entente.fault.work-dir", "target/fault-suite")).toAbsolutePath());
    }

    static boolean soakRequested() {
        return !System.getProperty("entente.soak", "").isBlank();
    }

    /** The jar Maven resolved, or the reactor's target/ when run from an IDE. */
    private static Path jar(String service) {
        String resolved = System.getProperty("entente.fault." + service + ".jar", "");
        Path jar = resolved.isBlank() || resolved.startsWith("${")
                ? Path.of("..", service, "target", service + "-0.1.0-SNAPSHOT-exec.jar")
                : Path.of(resolved);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " does not exist: build the services first "
                    + "(./mvnw -pl " + service + " -am install -DskipTests)");
        }
        return jar.toAbsolutePath();
    }

    private static String readClasspath(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("No broker classpath in " + file.toAbsolutePath()
                    + ": run through Maven (the dependency plugin writes it at generate-test-resources)", e);
        }
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name, "");
        return value.isBlank() || value.startsWith("${") ? fallback : value.strip();
    }
}
