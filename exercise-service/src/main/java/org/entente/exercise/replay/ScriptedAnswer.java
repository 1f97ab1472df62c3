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
 * A scripted point of contact's acknowledgement of one alert, due at scenario time {@code at} by
 * the contact at {@code level} of the recipient's chain (0 the primary, 1 the backup).
 * <p>
 * It may be written once the scenario clock has passed {@code notBefore}, the last moment before
 * {@code at} at which the lifecycle could change the alert (an escalation or a missed deadline),
 * and before the clock passes {@code at}: then the pipeline sees the answer exactly where it
 * falls among the alert's own events. Without settle, an acknowledgement deadline escalates the
 * alert one contact per acknowledgement period from delivery (notification-service's lifecycle
 * rules); this counts every such moment, even past the end of the chain, which at worst writes an
 * answer a step later than it could have been.
 *
 * @param notBefore {@code null} when nothing can happen to the alert before {@code at}
 */
record ScriptedAnswer(String alertId, String recipientState, int level, Instant at, Instant notBefore) {

    /** What {@code script} makes the recipient of {@code alert} do, delivered at {@code deliveredAt}; empty for never. */
    static Optional<ScriptedAnswer> plan(Acknowledgement script, AlertIssued alert, Instant deliveredAt) {
        List<Deadline> deadlines = shifted(alert, Duration.between(alert.getIssuedAt(), deliveredAt));
        Optional<Deadline> acknowledgement = deadlines.stream().filter(d -> d.getKind() == CommitmentKind.ACKNOWLEDGE).findFirst();
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
        return at.map(when -> new ScriptedAnswer(alert.getAlertId(), alert.getRecipientState(), contact, when,
                lastChangeBefore(when, deadlines, acknowledgement, deliveredAt)));
    }

    /** Whether the answer may be written with the scenario clock at {@code clock}. */
    boolean writableAt(Instant clock) {
        return (notBefore == null || notBefore.isBefore(clock)) && !clock.isAfter(at);
    }

    private static Instant lastChangeBefore(Instant at, List<Deadline> deadlines, Optional<Deadline> acknowledgement,
            Instant deliveredAt) {
        Instant last = null;
        for (Deadline deadline : deadlines) {
            last = latestBefore(at, last, deadline.getMissedAt());
        }
        if (acknowledgement.isPresent()) {
            Instant due = acknowledgement.get().getDueAt();
            Duration period = Duration.between(deliveredAt, due);
            if (due.isBefore(at) && !period.isNegative() && !period.isZero()) {
                long periods = (Duration.between(due, at).toMillis() - 1) / period.toMillis();
                last = latestBefore(at, last, due.plus(period.multipliedBy(periods)));
            }
        }
        return last;
    }

    private static Instant latestBefore(Instant at, Instant last, Instant candidate) {
        return candidate.isBefore(at) && (last == null || candidate.isAfter(last)) ? candidate : last;
    }

    /** The deadlines the recipient is held to: issued ones moved by the time the alert took to reach the inbox. */
    private static List<Deadline> shifted(AlertIssued alert, Duration toDelivery) {
        return alert.getDeadlines().stream()
                .map(d -> new Deadline(d.getKind(), d.getDueAt().plus(toDelivery), d.getMissedAt().plus(toDelivery)))
                .toList();
    }
}
