package org.entente.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the runnable pieces are, as the module's pom resolves them: the broker's classpath (the
 * runtime closure of deploy/local's jars), the services' runnable jars, and the working directory
 * (target/benchmark).
 */
record Installation(String brokerClasspath, Map<String, Path> jars, Path workDir) {

    static final String INCIDENT_SERVICE = "incident-service";
    static final String NOTIFICATION_SERVICE = "notification-service";
    static final String TRUST_SERVICE = "trust-service";

    static Installation fromSystemProperties() {
        Path classpathFile = Path.of(Parameters.required("entente.bench.broker-classpath"));
        try {
            return new Installation(Files.readString(classpathFile).strip(),
                    Map.of(INCIDENT_SERVICE, jar(INCIDENT_SERVICE), NOTIFICATION_SERVICE, jar(NOTIFICATION_SERVICE),
                            TRUST_SERVICE, jar(TRUST_SERVICE)),
                    Path.of(Parameters.required("entente.bench.work-dir")).toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("No broker classpath in " + classpathFile, e);
        }
    }

    private static Path jar(String service) {
        Path jar = Path.of(Parameters.required("entente.bench." + service + ".jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build with -am (see benchmark/README.md)");
        }
        return jar;
    }
}
