package org.entente.trust.figures;

import java.time.Clock;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Trust figures from the tallies, over a window ending at the clock's now: the tallies of the
 * window's buckets that concern the subject, added up. What it reads grows with the states, pairs
 * and agreements that have outcomes and the days of the window, never with the outcomes.
 */
public class TrustCalculator {

    private final Clock clock;

    public TrustCalculator(Clock clock) {
        this.clock = clock;
    }

    public Figures figures(TallyReader tallies, Subject subject, Window window) {
        Tally sum = new Tally();
        for (Bucket bucket : window.buckets(clock.instant())) {
            tallies.forEachWithPrefix(TallyKey.prefix(bucket, subject), (key, tally) -> {
                if (subject.covers(key)) {
                    sum.add(tally);
                }
            });
        }
        return sum.figures();
    }

    /** Figures of every state that owed at least one commitment in the window, by state code. */
    public SortedMap<String, Figures> perRecipientState(TallyReader tallies, Window window) {
        SortedMap<String, Tally> sums = new TreeMap<>();
        for (Bucket bucket : window.buckets(clock.instant())) {
            tallies.forEachWithPrefix(TallyKey.prefix(bucket),
                    (key, tally) -> sums.computeIfAbsent(key.recipientState(), state -> new Tally()).add(tally));
        }
        SortedMap<String, Figures> figures = new TreeMap<>();
        sums.forEach((state, sum) -> figures.put(state, sum.figures()));
        return figures;
    }
}
