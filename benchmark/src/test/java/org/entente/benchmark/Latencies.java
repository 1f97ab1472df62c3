package org.entente.benchmark;

import java.util.HashMap;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Latency under fixed-rate HTTP load ({@link ReportLoad}): of the intake (report → {@code 202}), and
 * from a report to each of its alerts in the recipients' inboxes ({@link DeliveryWatch}), timed
 * from the report's due time.
 */
final class Latencies {

    private static final Logger log = LoggerFactory.getLogger(Latencies.class);

    private final BenchBroker broker;
    private final ReportLoad load;
    private final Parameters parameters;

    Latencies(BenchBroker broker, ReportLoad load, Parameters parameters) {
        this.broker = broker;
        this.load = load;
        this.parameters = parameters;
    }

    Measurement intake() {
        ReportLoad.Result result = load.run(parameters.intakeRate(), parameters.latencyDuration());
        return Measurement.Latency.of("intake-latency", "intake: report → 202, " + parameters.intakeRate() + " reports/s",
                result.micros(), refused(result), result.spanNanos());
    }

    Measurement reportToInbox() {
        try (DeliveryWatch watch = new DeliveryWatch(broker)) {
            long start = System.nanoTime();
            ReportLoad.Result result = load.run(parameters.incidentRate(), parameters.latencyDuration());
            Map<String, Long> due = new HashMap<>();
            result.accepted().forEach(accepted -> due.put(accepted.incidentId(), accepted.dueNanos()));
            long expected = (long) due.size() * parameters.recipients();
            long delivered = Progress.await("report → inbox: alerts to deliver",
                    () -> Progress.Status.counted(expected, watch.deliveredOf(due.keySet())));
            Histogram micros = new Histogram(3);
            watch.issued().forEach((alertId, incidentId) -> {
                if (due.containsKey(incidentId)) {
                    micros.recordValue((watch.deliveredAt(alertId) - due.get(incidentId)) / 1_000);
                }
            });
            return Measurement.Latency.of("report-to-inbox-latency", "report → alert in the inbox, " + parameters.incidentRate()
                    + " reports/s × " + parameters.recipients() + " recipients", micros, refused(result), delivered - start);
        }
    }

    private static long refused(ReportLoad.Result result) {
        if (!result.refused().isEmpty()) {
            log.warn("Reports not accepted: {}", result.refused());
        }
        return result.refused().values().stream().mapToLong(Integer::longValue).sum();
    }
}
