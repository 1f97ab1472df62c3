package org.entente.exercise.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.entente.events.AlertIssued;
import org.entente.events.CommitmentKind;
import org.entente.events.Deadline;
import org.entente.exercise.scenario.Acknowledgement;

/**
 * A scripted point of contact's acknowledgement of one alert, at scenario time {@code at}, by the
 * contact at {@code level} of the recipient's chain (0 the primary, 1 the backup). A replay writes
 * them all at once: notification-service applies what falls due on an exercise alert before an
 * answer's time (an escalation, a missed deadline) before the answer itself.
 */
record ScriptedAnswer(String alertId, String recipientState, int level, Instant at) {

    /** What {@code script} makes the recipient of {@code alert} do, delivered at {@code deliveredAt}; empty for never. */
    static Optional<ScriptedAnswer> plan(Acknowledgement script, AlertIssued alert, Instant deliveredAt) {
        Optional<Deadline> acknowledgement = shifted(alert, Duration.between(alert.getIssuedAt(), deliveredAt)).stream()
                .filter(d -> d.getKind() == CommitmentKind.ACKNOWLEDGE).findFirst();
        Optional<Instant> at;
        int level = 0;
        if (script instanceof Acknowledgement.After after) {
            Instant afterIssue = alert.getIssuedAt().plus(after.delay());
            at = Optional.of(afterIssue.isBefore(deliveredAt) ? deliveredAt : afterIssue);
        } else if (script instanceof Acknowledgement.Late late) {
            at = acknowledgement.map(deadline -> deadline.getDueAt().plus(late.pastDeadline()));
        } else if (script instanceof Acknowledgement.ByBackup backup) {
            at = acknowledgement.map(deadline -> deadline.getDueAt().plus(backup.delay()));
            level = 1;
        } else {
            at = Optional.empty();
        }
        int contact = level;
        return at.map(when -> new ScriptedAnswer(alert.getAlertId(), alert.getRecipientState(), contact, when));
    }

    /** The deadlines the recipient is held to: issued ones moved by the time the alert took to reach the inbox. */
    private static List<Deadline> shifted(AlertIssued alert, Duration toDelivery) {
        return alert.getDeadlines().stream()
                .map(d -> new Deadline(d.getKind(), d.getDueAt().plus(toDelivery), d.getMissedAt().plus(toDelivery)))
                .toList();
    }
}
