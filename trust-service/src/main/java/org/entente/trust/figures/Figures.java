package org.entente.trust.figures;

import java.util.Collection;
import java.util.List;

import org.entente.events.CommitmentKind;
import org.entente.events.CommitmentResult;

/**
 * Trust figures over a set of outcomes. {@code honouredRatio} is honoured / total and
 * {@code null} when there is no outcome; the time-to-acknowledge percentiles (nearest rank, see
 * {@link NearestRank}) cover acknowledgements that came, on time or late, and are {@code null}
 * when none did.
 */
public record Figures(long honoured, long late, long missed, long total, Double honouredRatio,
        Long acknowledgeP50Millis, Long acknowledgeP90Millis) {

    public static Figures of(Collection<Outcome> outcomes) {
        long honoured = count(outcomes, CommitmentResult.HONOURED);
        long late = count(outcomes, CommitmentResult.LATE);
        long missed = count(outcomes, CommitmentResult.MISSED);
        long total = outcomes.size();
        List<Long> acknowledgeMillis = outcomes.stream()
                .filter(outcome -> outcome.kind() == CommitmentKind.ACKNOWLEDGE && outcome.responseMillis() != null)
                .map(Outcome::responseMillis)
                .sorted()
                .toList();
        return new Figures(honoured, late, missed, total, total == 0 ? null : (double) honoured / total,
                NearestRank.percentile(acknowledgeMillis, 50), NearestRank.percentile(acknowledgeMillis, 90));
    }

    public long count(CommitmentResult result) {
        return switch (result) {
            case HONOURED -> honoured;
            case LATE -> late;
            case MISSED -> missed;
        };
    }

    private static long count(Collection<Outcome> outcomes, CommitmentResult result) {
        return outcomes.stream().filter(outcome -> outcome.result() == result).count();
    }
}
