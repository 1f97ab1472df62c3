package org.entente.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run on one standalone broker, in this order: raw hop ({@link RawHop}) and raw fan-out
 * ({@link RawFanOut}) before any service runs; Entente's fan-out stage alone ({@link FanOutStage});
 * the three services started one after the other (each one's start-up time alone); end to end
 * ({@link EndToEnd}); the raw producer's latency at the intake's rate ({@link RawProducerLatency});
 * intake latency, then, once the pipeline has drained, report → inbox latency, each followed by
 * every stage's lag and drain ({@link Latencies}, {@link StageWatch}); a generated exercise
 * replayed in simulated mode ({@link ExerciseReplay}); every process's resident memory (with the
 * JVM's own account when profiling). Every timed row has the CPU of each process ({@link CpuMeter}).
 * target/benchmark/run-&lt;time&gt;-&lt;states&gt;x&lt;recipients&gt;/ keeps the generated reference
 * data, the configuration, every process's log and, when profiling, every service instance's flight
 * recording and native memory summary; Kafka's data and the state stores are deleted at the end.
 */
final class Benchmark {

    private static final Logger log = LoggerFactory.getLogger(Benchmark.class);
    private static final List<String> SERVICES = List.of(Installation.INCIDENT_SERVICE, Installation.NOTIFICATION_SERVICE,
            Installation.TRUST_SERVICE);

    private final Parameters parameters;
    private final Installation installation;
    private final GeneratedReferenceData referenceData;
    private volatile BenchBroker runningBroker;
    private volatile EntenteServices runningServices;

    Benchmark(Parameters parameters, Installation installation) {
        this.parameters = parameters;
        this.installation = installation;
        this.referenceData = new GeneratedReferenceData(parameters.states(), parameters.recipients());
    }

    BenchmarkReport run() {
        String time = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path home = installation.workDir().resolve("run-%s-%dx%d".formatted(time, parameters.states(), parameters.recipients()));
        Path referenceFile = referenceData.write(home.resolve("reference-data.yml"));
        Path issuerKeys = home.resolve("local-issuer");
        EntenteApi api = new EntenteApi(issuerKeys);
        CpuMeter cpu = new CpuMeter(this::processes);
        BenchmarkReport report = new BenchmarkReport(Machine.describe(), describe(parameters), cpu);
        log.info("Benchmark run in {}", home);
        try (BenchBroker broker = new BenchBroker(installation.brokerClasspath(), home.resolve("kafka"));
                IncidentWriter writer = new IncidentWriter(broker.bootstrapServers(), referenceData.states());
                EntenteServices services = new EntenteServices(installation, home, broker.bootstrapServers(), issuerKeys,
                        referenceFile, parameters.profile())) {
            runningBroker = broker;
            runningServices = services;
            log.info("Raw hop: {} records", parameters.hopRecords());
            report.add(new RawHop(broker).measure(parameters.hopRecords(), cpu));
            log.info("Raw fan-out: {} incidents", parameters.incidents());
            report.add(new RawFanOut(broker, referenceFile).measure(writer, parameters.incidents(), cpu));
            log.info("Entente fan-out stage: notification-service with only the fan-out bound, first start");
            new FanOutStage(broker, writer, services, parameters, cpu).measure().forEach(report::add);
            Map<String, Long> startUps = new LinkedHashMap<>();
            for (String service : SERVICES) {
                log.info("Starting {}", service);
                startUps.put(service, services.start(service));
            }
            // Each group on its first input topic: the pipeline's consumers all have their partitions.
            Progress.await("consumer groups to settle", () -> Progress.Status.counted(StageWatch.GROUPS.size(),
                    StageWatch.GROUPS.entrySet().stream().filter(group -> broker.settled(group.getKey(), group.getValue().get(0)))
                            .count()));
            log.info("End to end: {} incidents", parameters.incidents());
            new EndToEnd(broker, writer, services, api, parameters, referenceData.states(), cpu).measure().forEach(report::add);
            log.info("Raw producer latency: {} records/s for {}", parameters.intakeRate(), parameters.intakeDuration());
            report.add(new RawProducerLatency(broker, referenceData.states()).measure(parameters.intakeRate(),
                    parameters.intakeDuration(), cpu));
            Latencies latencies = new Latencies(broker,
                    new ReportLoad(api, services.get(Installation.INCIDENT_SERVICE).baseUrl(), referenceData.states()), parameters,
                    cpu);
            latencies.intake(report::add);
            log.info("Report → inbox latency: {} reports/s for {}", parameters.incidentRate(), parameters.latencyDuration());
            latencies.reportToInbox(report::add);
            log.info("Exercise replay: a generated scenario of {} injects, simulated", parameters.exerciseInjects());
            CpuMeter.Sample cpuAtReplay = cpu.start();
            report.add(new ExerciseReplay(broker.bootstrapServers(), parameters.exerciseInjects()).measure());
            cpu.record(ExerciseReplay.ID, cpuAtReplay);
            report.add(new Measurement.Footprint("kafka", "Kafka broker", broker.startUpNanos(), ResidentMemory.of(broker.pid())));
            startUps.forEach((service, nanos) -> {
                ResidentMemory memory = ResidentMemory.of(services.get(service).pid());
                NativeMemory.Summary jvm = parameters.profile()
                        ? NativeMemory.record(services.get(service).pid(), home.resolve(service + "-native-memory.txt"))
                        : null;
                report.add(new Measurement.Footprint(service, service, nanos, memory, jvm));
            });
        } finally {
            runningBroker = null;
            runningServices = null;
        }
        deleteData(home);
        return report;
    }

    /** The run's processes now, for {@link CpuMeter}: the broker and every service instance. */
    private Map<String, Long> processes() {
        Map<String, Long> processes = new LinkedHashMap<>();
        BenchBroker broker = runningBroker;
        EntenteServices services = runningServices;
        if (broker != null) {
            processes.put("kafka", broker.pid());
        }
        if (services != null) {
            processes.putAll(services.pids());
        }
        return processes;
    }

    private static Map<String, Object> describe(Parameters parameters) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("states", parameters.states());
        described.put("recipients", parameters.recipients());
        described.put("agreements", parameters.agreements());
        described.put("incidents", parameters.incidents());
        described.put("alerts", (long) parameters.incidents() * parameters.recipients());
        described.put("warmUp", "1/" + Parameters.WARM_UP_DIVISOR + " of each throughput volume first, untimed");
        described.put("commitmentsPerAlert", GeneratedReferenceData.COMMITMENTS.size());
        described.put("hopRecords", parameters.hopRecords());
        described.put("intakeRate", parameters.intakeRate());
        described.put("intakeDuration", parameters.intakeDuration().toString());
        described.put("intakeWarmUp", parameters.intakeWarmUp().toString());
        described.put("incidentRate", parameters.incidentRate());
        described.put("latencyDuration", parameters.latencyDuration().toString());
        described.put("exerciseInjects", parameters.exerciseInjects());
        described.put("exerciseStates", ExerciseReplay.STATES);
        described.put("partitions", BenchBroker.PARTITIONS);
        described.put("serviceJvmOptions", String.join(" ", EntenteServices.JVM_OPTIONS));
        described.put("profile", parameters.profile());
        return described;
    }

    /** Kafka's data and the state stores run to gigabytes in a large run. */
    private static void deleteData(Path home) {
        for (Path data : List.of(home.resolve("kafka").resolve("data"), home.resolve("state"))) {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
