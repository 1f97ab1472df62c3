package org.entente.exercise.scenario;

import java.time.Duration;

/** When a scripted point of contact acknowledges an alert. */
public sealed interface Acknowledgement {

    /** The primary contact acknowledges {@code delay} after the alert was issued. */
    record After(Duration delay) implements Acknowledgement {
    }

    /** The primary contact acknowledges {@code pastDeadline} after the acknowledgement deadline. */
    record Late(Duration pastDeadline) implements Acknowledgement {
    }

    /**
     * The primary never answers, so the alert escalates to the backup at the acknowledgement
     * deadline; the backup acknowledges {@code delay} after that.
     */
    record ByBackup(Duration delay) implements Acknowledgement {
    }

    /** Nobody acknowledges: the alert escalates down the whole chain. */
    record Never() implements Acknowledgement {
    }
}
