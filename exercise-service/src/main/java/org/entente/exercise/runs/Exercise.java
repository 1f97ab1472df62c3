package org.entente.exercise.runs;

import java.time.Instant;
import java.util.Locale;

import org.entente.exercise.report.AfterActionReport;

/**
 * A scenario a planner asked to replay, under its own exercise id, and how far it got. Each
 * change of status is a new value.
 *
 * @param id the exercise id everything the replay writes carries
 * @param owner the planner who started it (the subject of their token): nobody else sees it
 * @param name the scenario's name
 * @param finishedAt when it finished or failed; {@code null} before
 * @param failure why it failed; {@code null} unless it did
 * @param report the after-action report; {@code null} until it finished
 */
public record Exercise(String id, String owner, String name, Mode mode, Status status, Instant createdAt,
        Instant finishedAt, String failure, AfterActionReport report) {

    public enum Status {
        QUEUED, RUNNING, FINISHED, FAILED;

        /** As the API names it: {@code queued}, {@code running}, … */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static Exercise queued(String id, String owner, String name, Mode mode, Instant createdAt) {
        return new Exercise(id, owner, name, mode, Status.QUEUED, createdAt, null, null, null);
    }

    public Exercise running() {
        return new Exercise(id, owner, name, mode, Status.RUNNING, createdAt, null, null, null);
    }

    public Exercise finished(AfterActionReport afterActionReport, Instant at) {
        return new Exercise(id, owner, name, mode, Status.FINISHED, createdAt, at, null, afterActionReport);
    }

    public Exercise failed(String reason, Instant at) {
        return new Exercise(id, owner, name, mode, Status.FAILED, createdAt, at, reason, null);
    }

    /** Finished or failed: nothing about it changes any more. */
    public boolean ended() {
        return status == Status.FINISHED || status == Status.FAILED;
    }
}
