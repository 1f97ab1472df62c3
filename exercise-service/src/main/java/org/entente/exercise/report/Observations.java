package org.entente.exercise.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import org.entente.exercise.report.Observed.Acknowledged;
import org.entente.exercise.report.Observed.AlertIssued;
import org.entente.exercise.report.Observed.CommitmentOutcome;
import org.entente.exercise.report.Observed.Escalated;
import org.entente.exercise.report.Observed.InjectSent;

/**
 * A replay's events in one fixed order, whatever order the runner handed them in, indexed by
 * alert (inject and recipient state). Duplicates count once.
 */
final class Observations {

    /** At the same time: the report, then its alerts, then what became of them. */
    private static final Comparator<Observed> ORDER = Comparator.comparing(Observed::at)
            .thenComparingInt(Observations::rank)
            .thenComparing(Observed::inject)
            .thenComparing(Observed::state)
            .thenComparing(Observed::toString);

    private record AlertKey(String inject, String state) {
        static AlertKey of(Observed event) {
            return new AlertKey(event.inject(), event.state());
        }
    }

    private final List<Observed> events;
    private final List<AlertIssued> alerts = new ArrayList<>();
    private final List<CommitmentOutcome> outcomes = new ArrayList<>();
    private final Map<AlertKey, AlertIssued> alertsByKey = new HashMap<>();
    private final Map<AlertKey, Acknowledged> acknowledgements = new HashMap<>();
    private final Map<AlertKey, List<Escalated>> escalations = new HashMap<>();

    Observations(List<Observed> events) {
        this.events = events.stream().distinct().sorted(ORDER).toList();
        for (Observed event : this.events) {
            if (event instanceof AlertIssued alert) {
                alerts.add(alert);
                alertsByKey.putIfAbsent(AlertKey.of(alert), alert);
            } else if (event instanceof Acknowledged acknowledged) {
                acknowledgements.putIfAbsent(AlertKey.of(acknowledged), acknowledged);
            } else if (event instanceof Escalated escalated) {
                escalations.computeIfAbsent(AlertKey.of(escalated), key -> new ArrayList<>()).add(escalated);
            } else if (event instanceof CommitmentOutcome outcome) {
                outcomes.add(outcome);
            }
        }
    }

    /** Every event, by time. */
    List<Observed> all() {
        return events;
    }

    /** Every alert, by time. */
    List<AlertIssued> alerts() {
        return alerts;
    }

    /** Every commitment outcome, by time. */
    List<CommitmentOutcome> outcomes() {
        return outcomes;
    }

    Optional<AlertIssued> alert(String inject, String state) {
        return Optional.ofNullable(alertsByKey.get(new AlertKey(inject, state)));
    }

    /** The first acknowledgement of the alert. */
    Optional<Acknowledged> acknowledgement(String inject, String state) {
        return Optional.ofNullable(acknowledgements.get(new AlertKey(inject, state)));
    }

    /** The alert's escalations, by time. */
    List<Escalated> escalations(String inject, String state) {
        return escalations.getOrDefault(new AlertKey(inject, state), List.of());
    }

    /** Every state that reported or received something, in code order. */
    SortedSet<String> states() {
        TreeSet<String> states = new TreeSet<>();
        events.forEach(event -> states.add(event.state()));
        return states;
    }

    private static int rank(Observed event) {
        if (event instanceof InjectSent) {
            return 0;
        }
        if (event instanceof AlertIssued) {
            return 1;
        }
        if (event instanceof Acknowledged) {
            return 2;
        }
        return event instanceof Escalated ? 3 : 4;
    }
}
