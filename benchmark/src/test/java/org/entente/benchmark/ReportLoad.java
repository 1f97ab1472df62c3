package org.entente.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * Reports at a fixed rate over HTTP, the reporting states taking turns, whether or not earlier
 * reports have been answered (open loop), with at most {@link #IN_FLIGHT} unanswered at a time.
 * A report's latency runs from the time it was due, not from when it could be sent, so a stall of
 * the service, a report waiting for a free connection, or this generator falling behind counts in
 * full (no coordinated omission).
 */
final class ReportLoad {

    /**
     * As many as the intake has request threads (Tomcat's default 200). Unbounded, the generator
     * opened a connection per waiting report, and once the intake fell behind most of them failed
     * to connect ({@code ConnectException}): that measured the client, not the service.
     */
    static final int IN_FLIGHT = 200;

    /** A report the intake accepted: its incident and when it was due (System.nanoTime). */
    record Accepted(String incidentId, long dueNanos) {
    }

    /**
     * Latencies of the accepted reports in microseconds, the reports themselves, what the others
     * got, and the time from the first report's due time to the last answer.
     */
    record Result(Histogram micros, List<Accepted> accepted, Map<String, Integer> refused, long spanNanos) {
    }

    private final EntenteApi api;
    private final String intakeUrl;
    private final List<String> reporters;

    ReportLoad(EntenteApi api, String intakeUrl, List<String> reporters) {
        this.api = api;
        this.intakeUrl = intakeUrl;
        this.reporters = reporters;
    }

    Result run(int perSecond, Duration duration) {
        return run(perSecond, duration, () -> {
        });
    }

    /** As {@link #run(int, Duration)}, calling {@code offeredLoadEnded} once the last report has been sent, before its answer. */
    Result run(int perSecond, Duration duration, Runnable offeredLoadEnded) {
        Histogram micros = new SynchronizedHistogram(3);
        ConcurrentLinkedQueue<Accepted> accepted = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
        AtomicLong lastAnswer = new AtomicLong();
        List<CompletableFuture<Void>> answers = new ArrayList<>();
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long reports = duration.toNanos() / interval;
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        long start = System.nanoTime();
        for (long i = 0; i < reports; i++) {
            long due = start + i * interval;
            LockSupport.parkNanos(due - System.nanoTime());
            inFlight.acquireUninterruptibly();
            String reporter = reporters.get((int) (i % reporters.size()));
            answers.add(api.report(intakeUrl, reporter).handle((response, failure) -> {
                long answered = System.nanoTime();
                inFlight.release();
                lastAnswer.accumulateAndGet(answered, Math::max);
                if (failure == null && response.statusCode() == 202) {
                    micros.recordValue((answered - due) / 1_000);
                    accepted.add(new Accepted(EntenteApi.incidentId(response), due));
                } else {
                    refused.add(failure == null ? "HTTP " + response.statusCode() : rootCause(failure).toString());
                }
                return null;
            }));
        }
        offeredLoadEnded.run();
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        Map<String, Integer> kinds = new TreeMap<>();
        refused.forEach(kind -> kinds.merge(kind, 1, Integer::sum));
        return new Result(micros, new ArrayList<>(accepted), kinds, lastAnswer.get() - start);
    }

    private static Throwable rootCause(Throwable failure) {
        return failure.getCause() == null ? failure : rootCause(failure.getCause());
    }
}
