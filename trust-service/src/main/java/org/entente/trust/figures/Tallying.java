package org.entente.trust.figures;

import java.time.Clock;
import java.util.List;

/**
 * Keeps the tallies up to date outcome by outcome: an outcome counts in the all-time tally of its
 * recipient, reporting state and agreement, and in that of its issue day while the day is within
 * the 30-day window. An outcome that overwrites another of the same commitment is counted in
 * place of it; an identical replay changes nothing. A tally left with no outcome is deleted.
 */
public final class Tallying {

    private final Tallies tallies;
    private final Clock clock;

    public Tallying(Tallies tallies, Clock clock) {
        this.tallies = tallies;
        this.clock = clock;
    }

    /** Counts {@code current} instead of {@code previous}, the commitment's outcome before it ({@code null} when none). */
    public void replace(Outcome previous, Outcome current) {
        if (current.equals(previous)) {
            return;
        }
        if (previous != null) {
            for (TallyKey key : keysOf(previous)) {
                Tally tally = tallies.get(key);
                if (tally == null) {
                    throw new IllegalStateException("no tally " + key.text() + " holds the outcome being replaced: "
                            + "the tallies were not built from every stored outcome");
                }
                tally.remove(previous);
                if (tally.isEmpty()) {
                    tallies.delete(key);
                } else {
                    tallies.put(key, tally);
                }
            }
        }
        for (TallyKey key : keysOf(current)) {
            Tally tally = tallies.get(key);
            if (tally == null) {
                tally = new Tally();
            }
            tally.add(current);
            tallies.put(key, tally);
        }
    }

    /**
     * A day before the window is left out on the way in and on the way out alike: a day in the
     * window now was in it when its outcomes were counted, so what is taken back was counted there.
     */
    private List<TallyKey> keysOf(Outcome outcome) {
        TallyKey allTime = TallyKey.of(new Bucket.AllTime(), outcome);
        Bucket.Day day = Bucket.Day.of(outcome.issuedAt());
        if (day.date().isBefore(Window.firstDay(clock.instant()))) {
            return List.of(allTime);
        }
        return List.of(allTime, TallyKey.of(day, outcome));
    }
}
