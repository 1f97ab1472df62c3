package org.entente.exercise.report;

import static org.entente.exercise.scenario.ScenarioTime.offset;
import static org.entente.exercise.scenario.ScenarioTime.span;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.entente.events.CommitmentResult;
import org.entente.exercise.report.AfterActionReport.AcknowledgementTimes;
import org.entente.exercise.report.AfterActionReport.Expectations;
import org.entente.exercise.report.AfterActionReport.PairCommitments;
import org.entente.exercise.report.AfterActionReport.StateCommitments;
import org.entente.exercise.report.AfterActionReport.StateTimeline;
import org.entente.exercise.report.AfterActionReport.TimelineEntry;
import org.entente.exercise.report.Observed.Acknowledged;
import org.entente.exercise.report.Observed.AlertIssued;
import org.entente.exercise.report.Observed.CommitmentOutcome;
import org.entente.exercise.report.Observed.Escalated;
import org.entente.exercise.report.Observed.InjectSent;
import org.entente.exercise.scenario.Incident;
import org.entente.exercise.scenario.Inject;
import org.entente.exercise.scenario.Scenario;
import org.entente.schemas.Labels;

/** Builds the after-action report of a scenario from what its replay observed: a pure function. */
public final class ReportBuilder {

    private final Scenario scenario;
    private final Map<String, Inject> injects;
    private final Observations observed;

    private ReportBuilder(Scenario scenario, Observations observed) {
        this.scenario = scenario;
        this.injects = scenario.injects().stream().collect(Collectors.toMap(Inject::id, Function.identity()));
        this.observed = observed;
    }

    public static AfterActionReport build(Scenario scenario, List<Observed> events) {
        return new ReportBuilder(scenario, new Observations(events)).build();
    }

    private AfterActionReport build() {
        List<ExpectationResult> results = ExpectationEvaluator.evaluate(scenario.expectations(), observed);
        int passed = (int) results.stream().filter(ExpectationResult::passed).count();
        return new AfterActionReport(
                scenario.name(),
                scenario.description(),
                scenario.objectives(),
                scenario.participants(),
                new Expectations(passed, results.size() - passed, results),
                tally(CommitmentOutcome::recipientState, Comparator.naturalOrder()).entrySet().stream()
                        .map(e -> new StateCommitments(e.getKey(), e.getValue().honoured(), e.getValue().late(), e.getValue().missed()))
                        .toList(),
                tally(outcome -> new Pair(injects.get(outcome.inject()).reportingState(), outcome.recipientState()), Pair.ORDER)
                        .entrySet().stream()
                        .map(e -> new PairCommitments(e.getKey().reporting(), e.getKey().recipient(),
                                e.getValue().honoured(), e.getValue().late(), e.getValue().missed()))
                        .toList(),
                timeToAcknowledge(),
                timelines());
    }

    /** Outcomes counted per key, keys in order. */
    private <K> Map<K, Counts> tally(Function<CommitmentOutcome, K> key, Comparator<K> order) {
        return observed.outcomes().stream().collect(Collectors.groupingBy(key, () -> new TreeMap<>(order),
                Collectors.reducing(Counts.NONE, outcome -> Counts.of(outcome.result()), Counts::plus)));
    }

    private record Pair(String reporting, String recipient) {
        static final Comparator<Pair> ORDER = Comparator.comparing(Pair::reporting).thenComparing(Pair::recipient);
    }

    private record Counts(int honoured, int late, int missed) {
        static final Counts NONE = new Counts(0, 0, 0);

        static Counts of(CommitmentResult result) {
            return new Counts(result == CommitmentResult.HONOURED ? 1 : 0, result == CommitmentResult.LATE ? 1 : 0,
                    result == CommitmentResult.MISSED ? 1 : 0);
        }

        Counts plus(Counts other) {
            return new Counts(honoured + other.honoured, late + other.late, missed + other.missed);
        }
    }

    private List<AcknowledgementTimes> timeToAcknowledge() {
        Map<String, List<AlertIssued>> alertsByState = observed.alerts().stream()
                .collect(Collectors.groupingBy(AlertIssued::recipientState, TreeMap::new, Collectors.toList()));
        return alertsByState.entrySet().stream().map(entry -> {
            List<Duration> times = entry.getValue().stream()
                    .flatMap(alert -> observed.acknowledgement(alert.inject(), alert.recipientState())
                            .map(ack -> ack.at().minus(alert.at())).stream())
                    .sorted()
                    .toList();
            Duration median = times.isEmpty() ? null : times.get((times.size() + 1) / 2 - 1);
            Duration slowest = times.isEmpty() ? null : times.get(times.size() - 1);
            return new AcknowledgementTimes(entry.getKey(), entry.getValue().size(), times.size(), median, slowest, times);
        }).toList();
    }

    /** One per participant and per other state that appears, in code order. */
    private List<StateTimeline> timelines() {
        SortedSet<String> states = new TreeSet<>(scenario.participants());
        states.addAll(observed.states());
        Map<String, List<TimelineEntry>> entries = observed.all().stream().collect(
                Collectors.groupingBy(Observed::state, Collectors.mapping(this::entry, Collectors.toList())));
        return states.stream().map(state -> new StateTimeline(state, entries.getOrDefault(state, List.of()))).toList();
    }

    private TimelineEntry entry(Observed event) {
        if (event instanceof InjectSent) {
            Incident incident = injects.get(event.inject()).incident();
            return new TimelineEntry(event.at(), event.inject(), "reported", incident.title() + " ("
                    + Labels.of(incident.tlp()) + ", " + Labels.of(incident.severity()) + ")");
        }
        if (event instanceof AlertIssued alert) {
            return new TimelineEntry(alert.at(), alert.inject(), "alert", alertDetail(alert));
        }
        if (event instanceof Acknowledged acknowledged) {
            String after = observed.alert(acknowledged.inject(), acknowledged.recipientState())
                    .map(alert -> ", " + span(acknowledged.at().minus(alert.at())) + " after the alert").orElse("");
            return new TimelineEntry(acknowledged.at(), acknowledged.inject(), "acknowledged",
                    "by " + acknowledged.contactId() + after);
        }
        if (event instanceof Escalated escalated) {
            return new TimelineEntry(escalated.at(), escalated.inject(), "escalated",
                    "to " + escalated.contactId() + " (level " + escalated.level() + ")");
        }
        CommitmentOutcome outcome = (CommitmentOutcome) event;
        return new TimelineEntry(outcome.at(), outcome.inject(),
                Labels.of(outcome.kind()) + " " + Labels.of(outcome.result()), "due " + offset(outcome.dueAt()));
    }

    private String alertDetail(AlertIssued alert) {
        StringBuilder detail = new StringBuilder("from ").append(injects.get(alert.inject()).reportingState())
                .append(" under ").append(alert.agreement());
        if (alert.covering().size() > 1) {
            detail.append(" (covering ").append(alert.covering().stream().map(Object::toString)
                    .collect(Collectors.joining(", "))).append(')');
        }
        alert.withheld().stream().sorted(Comparator.comparing(Observed.Withheld::category)).forEach(withheld ->
                detail.append("; ").append(Labels.of(withheld.category())).append(" withheld: ").append(withheld.reason()));
        return detail.toString();
    }
}
