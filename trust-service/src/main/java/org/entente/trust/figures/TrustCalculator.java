package org.entente.trust.figures;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Trust figures from commitment outcomes of real traffic, over a window ending at the clock's now. */
public class TrustCalculator {

    private final Clock clock;

    public TrustCalculator(Clock clock) {
        this.clock = clock;
    }

    public Figures figures(Collection<Outcome> outcomes, Subject subject, Window window) {
        return Figures.of(inWindow(outcomes, window).stream().filter(subject::covers).toList());
    }

    /** Figures of every state that owed at least one commitment in the window, by state code. */
    public SortedMap<String, Figures> perRecipientState(Collection<Outcome> outcomes, Window window) {
        return inWindow(outcomes, window).stream().collect(Collectors.groupingBy(Outcome::recipientState,
                TreeMap::new, Collectors.collectingAndThen(Collectors.toList(), Figures::of)));
    }

    private List<Outcome> inWindow(Collection<Outcome> outcomes, Window window) {
        Instant now = clock.instant();
        return outcomes.stream().filter(outcome -> window.includes(outcome.issuedAt(), now)).toList();
    }
}
