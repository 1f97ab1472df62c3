package org.entente.benchmark;

/** A run that lost or duplicated anything has measured something else: it fails instead of reporting figures. */
final class ExactCount {

    /** How long after the last expected record counts are taken, so that a late duplicate shows. */
    static final long SETTLE_MILLIS = 1_000;

    private ExactCount() {
    }

    static void require(String what, long expected, long seen) {
        if (seen != expected) {
            throw new IllegalStateException(what + ": " + seen + " where " + expected + " were expected");
        }
    }
}
