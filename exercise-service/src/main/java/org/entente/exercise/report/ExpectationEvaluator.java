package org.entente.exercise.report;

import static org.entente.exercise.scenario.ScenarioTime.offset;
import static org.entente.exercise.scenario.ScenarioTime.span;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.entente.events.DataCategory;
import org.entente.exercise.report.Observed.Acknowledged;
import org.entente.exercise.report.Observed.AlertIssued;
import org.entente.exercise.report.Observed.Escalated;
import org.entente.exercise.report.Observed.Withheld;
import org.entente.exercise.scenario.Expectation;
import org.entente.exercise.scenario.Expectation.Acknowledges;
import org.entente.exercise.scenario.Expectation.DoesNotReceive;
import org.entente.exercise.scenario.Expectation.EscalatesToBackup;
import org.entente.exercise.scenario.Expectation.Receives;
import org.entente.exercise.scenario.Expectation.ReceivesNoPersonalData;

/** Judges a scenario's expectations against what a replay observed; pure, so the same input gives the same verdicts. */
public final class ExpectationEvaluator {

    private ExpectationEvaluator() {
    }

    public static List<ExpectationResult> evaluate(List<Expectation> expectations, List<Observed> events) {
        return evaluate(expectations, new Observations(events));
    }

    static List<ExpectationResult> evaluate(List<Expectation> expectations, Observations observed) {
        return expectations.stream().map(expectation -> evaluate(expectation, observed)).toList();
    }

    private static ExpectationResult evaluate(Expectation expectation, Observations observed) {
        if (expectation instanceof Acknowledges acknowledges) {
            return acknowledges(acknowledges, observed);
        }
        if (expectation instanceof Receives receives) {
            Optional<AlertIssued> alert = observed.alert(receives.inject(), receives.state());
            return result(expectation, alert.isPresent(), alert.map(ExpectationEvaluator::issued)
                    .orElse(noAlert(receives.state(), receives.inject())));
        }
        if (expectation instanceof DoesNotReceive doesNotReceive) {
            Optional<AlertIssued> alert = observed.alert(doesNotReceive.inject(), doesNotReceive.state());
            return result(expectation, alert.isEmpty(), alert.map(ExpectationEvaluator::issued)
                    .orElse(noAlert(doesNotReceive.state(), doesNotReceive.inject())));
        }
        if (expectation instanceof ReceivesNoPersonalData noPersonalData) {
            return noPersonalData(noPersonalData, observed);
        }
        return escalates((EscalatesToBackup) expectation, observed);
    }

    private static ExpectationResult acknowledges(Acknowledges expectation, Observations observed) {
        Optional<AlertIssued> alert = observed.alert(expectation.inject(), expectation.state());
        if (alert.isEmpty()) {
            return result(expectation, false, noAlert(expectation.state(), expectation.inject()));
        }
        Optional<Acknowledged> acknowledged = observed.acknowledgement(expectation.inject(), expectation.state());
        if (acknowledged.isEmpty()) {
            return result(expectation, false, "alert at " + offset(alert.get().at()) + ", never acknowledged");
        }
        Duration took = acknowledged.get().at().minus(alert.get().at());
        boolean inTime = took.compareTo(expectation.within()) <= 0;
        return result(expectation, inTime, "alert at " + offset(alert.get().at()) + ", acknowledged at "
                + offset(acknowledged.get().at()) + " by " + acknowledged.get().contactId() + ", after " + span(took)
                + (inTime ? "" : ", more than " + span(expectation.within())));
    }

    private static ExpectationResult noPersonalData(ReceivesNoPersonalData expectation, Observations observed) {
        List<AlertIssued> alerts = observed.alerts().stream()
                .filter(alert -> alert.recipientState().equals(expectation.state()))
                .filter(alert -> expectation.inject() == null || alert.inject().equals(expectation.inject()))
                .toList();
        if (alerts.isEmpty()) {
            return result(expectation, true, expectation.inject() == null
                    ? "no alert reached " + expectation.state()
                    : noAlert(expectation.state(), expectation.inject()));
        }
        boolean disclosed = alerts.stream().anyMatch(alert -> alert.disclosed().contains(DataCategory.PERSONAL_DATA));
        return result(expectation, !disclosed, alerts.stream().map(ExpectationEvaluator::personalData)
                .collect(Collectors.joining("; ")));
    }

    private static String personalData(AlertIssued alert) {
        String what = alert.disclosed().contains(DataCategory.PERSONAL_DATA)
                ? "personal data disclosed under " + alert.agreement()
                : alert.withheld().stream().filter(w -> w.category() == DataCategory.PERSONAL_DATA).findFirst()
                        .map(Withheld::reason).map(reason -> "personal data withheld (" + reason + ")")
                        .orElse("no personal data in the report");
        return alert.inject() + " at " + offset(alert.at()) + ": " + what;
    }

    private static ExpectationResult escalates(EscalatesToBackup expectation, Observations observed) {
        Optional<AlertIssued> alert = observed.alert(expectation.inject(), expectation.state());
        if (alert.isEmpty()) {
            return result(expectation, false, noAlert(expectation.state(), expectation.inject()));
        }
        Optional<Escalated> toBackup = observed.escalations(expectation.inject(), expectation.state()).stream()
                .filter(escalated -> escalated.level() == 1).findFirst();
        if (toBackup.isPresent()) {
            return result(expectation, true, "alert at " + offset(alert.get().at()) + ", escalated at "
                    + offset(toBackup.get().at()) + " to " + toBackup.get().contactId());
        }
        return result(expectation, false, "alert at " + offset(alert.get().at()) + ", not escalated"
                + observed.acknowledgement(expectation.inject(), expectation.state())
                        .map(ack -> "; acknowledged at " + offset(ack.at()) + " by " + ack.contactId()).orElse(""));
    }

    private static String issued(AlertIssued alert) {
        return "alert at " + offset(alert.at()) + " under " + alert.agreement();
    }

    private static String noAlert(String state, String inject) {
        return "no alert of " + inject + " reached " + state;
    }

    private static ExpectationResult result(Expectation expectation, boolean passed, String evidence) {
        return new ExpectationResult(expectation.describe(), passed, evidence);
    }
}
