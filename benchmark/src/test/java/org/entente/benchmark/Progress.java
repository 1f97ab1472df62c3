package org.entente.benchmark;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waiting for work to finish (records to read, consumer groups to catch up) that fails the run
 * once nothing more gets done for {@link #STALL}: a lost record or a stuck consumer ends the
 * benchmark with what was seen instead of hanging it. What remains is not the measure of progress:
 * a consumer group's lag can stay flat for minutes while it works, as its own output lands
 * behind its backlog.
 */
final class Progress {

    static final Duration STALL = Duration.ofMinutes(3);
    private static final long POLL_MILLIS = 50;
    private static final Duration REPORT_EVERY = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(Progress.class);

    /** What is still to do, and a count of what is done that grows while work gets done. */
    record Status(long remaining, long done) {

        /** Counting towards {@code target}. */
        static Status counted(long target, long count) {
            return new Status(target - count, count);
        }

        Status plus(Status other) {
            return new Status(remaining + other.remaining, done + other.done);
        }
    }

    private final String what;
    private long done = Long.MIN_VALUE;
    private long lastMoved = System.nanoTime();
    private long lastReported = System.nanoTime();

    Progress(String what) {
        this.what = what;
    }

    /** Polls {@code status} until nothing remains; returns the time (System.nanoTime) it was seen so. */
    static long await(String what, Supplier<Status> status) {
        Progress progress = new Progress(what);
        while (true) {
            Status now = status.get();
            if (now.remaining() <= 0) {
                return System.nanoTime();
            }
            progress.check(now);
            pause(POLL_MILLIS);
        }
    }

    /** Fails when what is done has not grown for {@link #STALL}; logs where it is every {@link #REPORT_EVERY}. */
    void check(Status status) {
        if (System.nanoTime() - lastReported > REPORT_EVERY.toNanos()) {
            log.info("{}: {} still to go ({} done)", what, status.remaining(), status.done());
            lastReported = System.nanoTime();
        }
        if (status.done() > done) {
            done = status.done();
            lastMoved = System.nanoTime();
        } else if (System.nanoTime() - lastMoved > STALL.toNanos()) {
            throw new IllegalStateException(what + ": " + status.remaining() + " still to go, nothing done for " + STALL);
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
