package org.entente.benchmark;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Latency under fixed-rate HTTP load ({@link ReportLoad}): of the intake (report → {@code 202}), and
 * from a report to each of its alerts in the recipients' inboxes ({@link DeliveryWatch}), timed
 * from the report's due time. After each, what every stage of the pipeline owed when the load
 * ended and how long it took to drain ({@link StageWatch}); and the CPU of each process during the
 * load and during the drain ({@link CpuMeter}).
 */
final class Latencies {

    static final String INTAKE = "intake-latency";
    static final String REPORT_TO_INBOX = "report-to-inbox-latency";
    private static final Logger log = LoggerFactory.getLogger(Latencies.class);

    private final BenchBroker broker;
    private final ReportLoad load;
    private final Parameters parameters;
    private final CpuMeter cpu;

    Latencies(BenchBroker broker, ReportLoad load, Parameters parameters, CpuMeter cpu) {
        this.broker = broker;
        this.load = load;
        this.parameters = parameters;
        this.cpu = cpu;
    }

    /**
     * The intake row after an untimed warm-up (a fifth of its duration at its rate; the request
     * path is cold until then, every earlier row writes to Kafka directly), added to {@code report}
     * before the drain that follows it is awaited; then the drain's and its stages' rows.
     */
    void intake(Consumer<Measurement> report) {
        Duration warmUp = parameters.intakeWarmUp();
        log.info("Intake warm-up, untimed: {} reports/s for {}", parameters.intakeRate(), warmUp);
        refused(load.run(parameters.intakeRate(), warmUp));
        StageWatch.awaitIdle(broker, "intake warm-up: pipeline to drain");
        log.info("Intake latency: {} reports/s for {}", parameters.intakeRate(), parameters.intakeDuration());
        StageWatch stages = new StageWatch(broker, cpu, "intake", "intake");
        CpuMeter.Sample cpuAtStart = cpu.start();
        ReportLoad.Result result = load.run(parameters.intakeRate(), parameters.intakeDuration(), stages::offeredLoadEnded);
        cpu.record(INTAKE, cpuAtStart);
        report.accept(Measurement.Latency.of(INTAKE, "intake: report → 202, " + parameters.intakeRate() + " reports/s",
                result.micros(), refused(result), result.spanNanos()));
        stages.awaitDrained().forEach(report);
    }

    /** The report → inbox row, then the drain after it and its stages' rows. */
    void reportToInbox(Consumer<Measurement> report) {
        try (DeliveryWatch watch = new DeliveryWatch(broker)) {
            StageWatch stages = new StageWatch(broker, cpu, "report-to-inbox", "report → inbox");
            CpuMeter.Sample cpuAtStart = cpu.start();
            long start = System.nanoTime();
            ReportLoad.Result result = load.run(parameters.incidentRate(), parameters.latencyDuration(), stages::offeredLoadEnded);
            Map<String, Long> due = new HashMap<>();
            result.accepted().forEach(accepted -> due.put(accepted.incidentId(), accepted.dueNanos()));
            long expected = (long) due.size() * parameters.recipients();
            long delivered = Progress.await("report → inbox: alerts to deliver",
                    () -> Progress.Status.counted(expected, watch.deliveredOf(due.keySet())));
            cpu.record(REPORT_TO_INBOX, cpuAtStart);
            Histogram micros = new Histogram(3);
            watch.issued().forEach((alertId, incidentId) -> {
                if (due.containsKey(incidentId)) {
                    micros.recordValue((watch.deliveredAt(alertId) - due.get(incidentId)) / 1_000);
                }
            });
            report.accept(Measurement.Latency.of(REPORT_TO_INBOX, "report → alert in the inbox, " + parameters.incidentRate()
                    + " reports/s × " + parameters.recipients() + " recipients", micros, refused(result), delivered - start));
            stages.awaitDrained().forEach(report);
        }
    }

    private static long refused(ReportLoad.Result result) {
        if (!result.refused().isEmpty()) {
            log.warn("Reports not accepted: {}", result.refused());
        }
        return result.refused().values().stream().mapToLong(Integer::longValue).sum();
    }
}
