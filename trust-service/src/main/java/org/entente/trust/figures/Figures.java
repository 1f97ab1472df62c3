package org.entente.trust.figures;

import org.entente.events.CommitmentResult;

/**
 * Trust figures over a set of outcomes ({@link Tally#figures()}). {@code honouredRatio} is
 * honoured / total and {@code null} when there is no outcome; the time-to-acknowledge percentiles
 * (nearest rank to within 0.1%, see {@link ResponseTimes#percentile}) cover acknowledgements that came, on time
 * or late, and are {@code null} when none did.
 */
public record Figures(long honoured, long late, long missed, long total, Double honouredRatio,
        Long acknowledgeP50Millis, Long acknowledgeP90Millis) {

    public long count(CommitmentResult result) {
        return switch (result) {
            case HONOURED -> honoured;
            case LATE -> late;
            case MISSED -> missed;
        };
    }
}
