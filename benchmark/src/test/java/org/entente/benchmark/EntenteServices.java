package org.entente.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.entente.platform.caller.LocalIssuer;
import org.entente.testing.process.ServiceProcess;

/**
 * The three services as child processes, each started as deploy/local/run.sh starts it (its JVM
 * options, profile {@code local}, the local issuer's keys, the generated reference data), on free
 * ports, with per-caller rate limits lifted (the benchmark is a few very busy callers). With
 * profiling on, every instance records a flight recording into {@code <instance>.jfr}, written
 * when it stops, and tracks its native memory ({@link NativeMemory}).
 */
final class EntenteServices implements AutoCloseable {

    /** As deploy/local/run.sh starts every service. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-Djava.awt.headless=true");
    static final Duration READY = Duration.ofMinutes(15);
    /**
     * notification-service with only its fan-out bound: no inbox, no ledger, no deadlines. Kafka
     * Streams does not leave its group when it closes; with the broker's shortest session timeout
     * the instance started after this one gets the partitions 6 s after it stopped, not 45 s.
     */
    static final List<String> FAN_OUT_ONLY = List.of("--spring.cloud.function.definition=fanOutIncident",
            "--spring.cloud.stream.kafka.streams.binder.configuration.session.timeout.ms=6000");

    private final Installation installation;
    private final Path home;
    private final String bootstrapServers;
    private final Path publicKeys;
    private final Path referenceData;
    private final boolean profile;
    private final Map<String, ServiceProcess> running = new LinkedHashMap<>();

    EntenteServices(Installation installation, Path home, String bootstrapServers, Path issuerKeys, Path referenceData,
            boolean profile) {
        this.installation = installation;
        this.home = home;
        this.bootstrapServers = bootstrapServers;
        this.publicKeys = issuerKeys.resolve(LocalIssuer.PUBLIC_KEYS);
        this.referenceData = referenceData;
        this.profile = profile;
    }

    /** Starts an instance of {@code service} and waits until it is ready; returns how long that took. */
    long start(String service, String instance, List<String> extraArguments) {
        List<String> jvmOptions = new ArrayList<>(JVM_OPTIONS);
        if (profile) {
            jvmOptions.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + home.resolve(instance + ".jfr"));
            jvmOptions.add(NativeMemory.TRACKING);
        }
        List<String> arguments = new ArrayList<>(List.of(
                "--entente.security.local-issuer.public-keys=" + publicKeys,
                "--entente.http.writes-per-minute=1000000",
                "--entente.http.reads-per-minute=1000000"));
        if (service.equals(Installation.NOTIFICATION_SERVICE)) {
            arguments.add("--entente.reference-data.file=" + referenceData);
        }
        arguments.addAll(extraArguments);
        ServiceProcess process = new ServiceProcess(service, instance, installation.jars().get(service), bootstrapServers,
                home.resolve("logs"), home.resolve("state").resolve(service), jvmOptions, arguments);
        long started = System.nanoTime();
        process.start();
        running.put(instance, process);
        process.awaitReady(READY);
        return System.nanoTime() - started;
    }

    long start(String service) {
        return start(service, service, List.of());
    }

    ServiceProcess get(String instance) {
        return running.get(instance);
    }

    /** Instance name → pid of every instance running now. */
    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        running.forEach((instance, process) -> pids.put(instance, process.pid()));
        return pids;
    }

    /** SIGTERM, and waits until it has ended (and written its flight recording). */
    void stop(String instance) {
        running.remove(instance).stop();
    }

    @Override
    public void close() {
        running.values().parallelStream().forEach(ServiceProcess::stop);
        running.clear();
    }
}
