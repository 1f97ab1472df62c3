package org.entente.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.entente.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each stage of the pipeline owes at the end of an offered load, and how long it takes to pay
 * it: every consumer group's lag (read with the Admin client, {@link BenchBroker#consumed(Map)})
 * when the load's last report was sent, then polled every {@link #POLL} until every group has
 * been at lag 0 for {@link #QUIET} (an alert's commitments are missed, and their outcomes written,
 * 3 to 4 s after its delivery). A stage's drain time runs from the end of the load to the first
 * reading of the zero lag it kept to the end. Rates are in offsets (records and transaction
 * markers): while the stage drained (its backlog, consumed as fast as it could on the shared
 * cores), and over the row (from the load's start until the last stage drained).
 */
final class StageWatch {

    /** Every consumer group of the pipeline and the topics it reads, as the services' yml names them. */
    static final Map<String, List<String>> GROUPS = groups();
    static final Duration POLL = Duration.ofMillis(250);
    static final Duration QUIET = Duration.ofSeconds(6);
    private static final Duration SLOW_READING = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(StageWatch.class);

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        // incident-service's view (recordIncident): the incidents it answers queries and idempotent retries from.
        groups.put("incident-service", List.of(Topics.INCIDENTS.name()));
        groups.put("notification-service-fanout", List.of(Topics.INCIDENTS.name()));
        groups.put("notification-service-lifecycle", List.of(Topics.ALERTS.name(), Topics.EXERCISE_CLOCKS.name()));
        groups.put("notification-service-ledger", List.of(Topics.DISCLOSURES.name()));
        groups.put("notification-service-checks", List.of(Topics.COMMUNICATION_CHECKS.name(), Topics.CONTACTS.name()));
        groups.put("notification-service-webhooks", List.of(Topics.ALERTS.name()));
        groups.put("trust-service", List.of(Topics.COMMITMENT_OUTCOMES.name(), Topics.COMMUNICATION_CHECKS.name()));
        return groups;
    }

    /** One reading of every group: when (System.nanoTime, after the reading), what, and the processes' CPU times then. */
    private record Reading(long nanos, Map<String, Progress.Status> groups, CpuMeter.Sample cpu) {

        long lag() {
            return groups.values().stream().mapToLong(Progress.Status::remaining).sum();
        }
    }

    private final BenchBroker broker;
    private final CpuMeter cpu;
    private final String rowId;
    private final String rowName;
    private final Reading atStart;
    private final CompletableFuture<List<Reading>> drained = new CompletableFuture<>();
    private volatile long loadEndedNanos;
    private volatile CpuMeter.Sample loadEndedCpu;

    /** Takes the first reading: call when the load starts. */
    StageWatch(BenchBroker broker, CpuMeter cpu, String rowId, String rowName) {
        this.broker = broker;
        this.cpu = cpu;
        this.rowId = rowId;
        this.rowName = rowName;
        this.atStart = read();
    }

    /** Waits, untimed and reporting nothing, until no group of the pipeline lags. */
    static void awaitIdle(BenchBroker broker, String what) {
        Progress.await(what, () -> broker.consumed(GROUPS).values().stream()
                .reduce(new Progress.Status(0, 0), Progress.Status::plus));
    }

    /**
     * The offered load's last report has been sent: reads every lag now, then until the pipeline
     * has drained, in a thread of its own.
     */
    void offeredLoadEnded() {
        loadEndedNanos = System.nanoTime();
        loadEndedCpu = cpu.start();
        Thread poller = new Thread(this::poll, "drain-" + rowId);
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        try {
            List<Reading> readings = new ArrayList<>();
            Progress progress = new Progress(rowName + ": pipeline to drain");
            while (true) {
                Reading reading = read();
                if (readings.isEmpty()) {
                    // Logged at once: a run whose drain fails still shows what each stage owed.
                    log.info("{}: lag at the end of the offered load: {}", rowName, lags(reading));
                }
                readings.add(reading);
                long quietSince = quietSince(readings);
                if (quietSince > 0 && reading.nanos() - quietSince >= QUIET.toNanos()) {
                    drained.complete(readings);
                    return;
                }
                try {
                    progress.check(new Progress.Status(reading.lag(),
                            reading.groups().values().stream().mapToLong(Progress.Status::done).sum()));
                } catch (IllegalStateException stalled) {
                    throw new IllegalStateException(stalled.getMessage() + "; lag now: " + lags(reading), stalled);
                }
                Progress.pause(POLL.toMillis());
            }
        } catch (RuntimeException e) {
            drained.completeExceptionally(e);
        }
    }

    private static String lags(Reading reading) {
        StringBuilder lags = new StringBuilder();
        reading.groups().forEach((group, status) -> lags.append(lags.isEmpty() ? "" : ", ").append(group).append(' ')
                .append(status.remaining()));
        return lags.toString();
    }

    /** When the run of readings without lag that ends the list began; 0 when the last reading lags. */
    private static long quietSince(List<Reading> readings) {
        long since = 0;
        for (int i = readings.size() - 1; i >= 0 && readings.get(i).lag() == 0; i--) {
            since = readings.get(i).nanos();
        }
        return since;
    }

    /**
     * Waits until the pipeline has drained; returns the drain row (with the CPU of the drain) and
     * a row per stage: its lag at the end of the load, its drain time and rate while draining, and
     * what it consumed over the row (from the load's start until the last stage drained).
     */
    List<Measurement> awaitDrained() {
        List<Reading> readings;
        try {
            readings = drained.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
        Reading atEnd = readings.get(0);
        Reading last = readings.get(readings.size() - 1);
        Map<String, Reading> drainedAt = new LinkedHashMap<>();
        Reading pipelineDrained = atEnd;
        for (String group : GROUPS.keySet()) {
            Reading at = atEnd;
            for (int i = readings.size() - 1; i >= 0 && readings.get(i).groups().get(group).remaining() == 0; i--) {
                at = readings.get(i);
            }
            drainedAt.put(group, at);
            if (at.nanos() > pipelineDrained.nanos()) {
                pipelineDrained = at;
            }
        }
        long rowNanos = pipelineDrained.nanos() - atStart.nanos();
        List<Measurement> rows = new ArrayList<>();
        rows.add(new Measurement.Drain(rowId + "-drain", rowName + ": every stage's lag 0 after the offered load", atEnd.lag(),
                pipelineDrained == atEnd ? 0 : pipelineDrained.nanos() - loadEndedNanos));
        for (String group : GROUPS.keySet()) {
            Reading at = drainedAt.get(group);
            boolean lagged = at != atEnd;
            rows.add(new Measurement.Stage(rowId + "-stage-" + group,
                    rowName + ": stage " + group + " (" + String.join(", ", GROUPS.get(group)) + ")", group,
                    atEnd.groups().get(group).remaining(),
                    lagged ? at.nanos() - loadEndedNanos : 0,
                    lagged ? at.groups().get(group).done() - atEnd.groups().get(group).done() : 0,
                    lagged ? at.nanos() - atEnd.nanos() : 0,
                    last.groups().get(group).done() - atStart.groups().get(group).done(), rowNanos));
        }
        // The drain's CPU: from the end of the load until the last stage was at lag 0 (not the quiet wait after it).
        cpu.record(rowId + "-drain", loadEndedCpu, pipelineDrained.cpu());
        return rows;
    }

    /** A reading that takes long blurs the drain times by as much: said in the log, not hidden. */
    private Reading read() {
        long started = System.nanoTime();
        Map<String, Progress.Status> groups = broker.consumed(GROUPS);
        long read = System.nanoTime();
        if (read - started > SLOW_READING.toNanos()) {
            log.warn("{}: reading the consumer groups' lag took {} ms", rowName, (read - started) / 1_000_000);
        }
        return new Reading(read, groups, cpu.start());
    }
}
