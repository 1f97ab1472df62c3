package org.entente.notification.checks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.entente.events.CommitmentResult;
import org.entente.events.CommunicationCheckAcknowledged;
import org.entente.events.CommunicationCheckOutcomeRecorded;
import org.entente.events.CommunicationCheckSchedule;
import org.entente.events.CommunicationCheckSent;
import org.entente.platform.events.EventMetadataFactory;

/**
 * What happens to one state's communication checks, as a function of its schedule and the time:
 * a check goes to the primary point of contact every {@code interval} (at once for a new or
 * changed contact); an acknowledgement by the check's due time honours it, one before it is
 * missed makes it late; none by then, it is missed, decided {@code settle} later so that an
 * acknowledgement still in flight counts. One check is open at a time.
 */
final class CommunicationCheckRules {

    /** A new schedule ({@code null}: none any more) and the events that tell what happened. */
    record Transition(CommunicationCheckSchedule schedule, List<SpecificRecord> events) {
    }

    private final EventMetadataFactory metadata;
    private final CommunicationCheckProperties properties;
    private final Duration settle;

    CommunicationCheckRules(EventMetadataFactory metadata, CommunicationCheckProperties properties, Duration settle) {
        this.metadata = metadata;
        this.properties = properties;
        this.settle = settle;
    }

    /** The state's primary contact is now {@code contactId} ({@code null}: the state has no contact chain any more). */
    Transition contactChanged(CommunicationCheckSchedule before, String state, String contactId, Instant now) {
        if (contactId == null) {
            return new Transition(null, List.of());
        }
        if (before == null) {
            return new Transition(new CommunicationCheckSchedule(state, contactId, now, null, null), List.of());
        }
        if (before.getContactId().equals(contactId)) {
            return new Transition(before, List.of());
        }
        return new Transition(CommunicationCheckSchedule.newBuilder(before).setContactId(contactId).setNextCheckAt(now).build(),
                List.of());
    }

    /** Decides an open check whose time ran out, then sends the next one if it is due. */
    Transition due(CommunicationCheckSchedule schedule, Instant now) {
        List<SpecificRecord> events = new ArrayList<>();
        CommunicationCheckSchedule.Builder next = CommunicationCheckSchedule.newBuilder(schedule);
        CommunicationCheckSent open = schedule.getOpen();
        if (open != null && !now.isBefore(open.getMissedAt().plus(settle))) {
            CommunicationCheckOutcomeRecorded missed = outcome(open, CommitmentResult.MISSED, null, null, open.getMissedAt());
            events.add(missed);
            next.setOpen(null).setLast(missed);
            open = null;
        }
        if (open == null && !now.isBefore(schedule.getNextCheckAt())) {
            CommunicationCheckSent sent = CommunicationCheckSent.newBuilder()
                    .setMetadata(metadata.at(now, null))
                    .setCheckId(UUID.randomUUID().toString())
                    .setRecipientState(schedule.getRecipientState())
                    .setContactId(schedule.getContactId())
                    .setSentAt(now)
                    .setDueAt(now.plus(properties.answerWithin()))
                    .setMissedAt(now.plus(properties.missedAfter()))
                    .build();
            events.add(sent);
            next.setOpen(sent).setNextCheckAt(now.plus(properties.interval()));
        }
        return new Transition(events.isEmpty() ? schedule : next.build(), events);
    }

    /**
     * An acknowledgement of the open check decides it; one of a check no longer open (decided
     * meanwhile, or acknowledged twice) changes nothing.
     */
    Transition acknowledged(CommunicationCheckSchedule schedule, CommunicationCheckAcknowledged acknowledgement) {
        CommunicationCheckSent open = schedule.getOpen();
        if (open == null || !open.getCheckId().equals(acknowledgement.getCheckId())
                || !acknowledgement.getAcknowledgedAt().isBefore(open.getMissedAt())) {
            return new Transition(schedule, List.of());
        }
        Instant at = acknowledgement.getAcknowledgedAt();
        CommitmentResult result = at.isAfter(open.getDueAt()) ? CommitmentResult.LATE : CommitmentResult.HONOURED;
        CommunicationCheckOutcomeRecorded outcome = outcome(open, result, at, acknowledgement.getAcknowledgedBy(), at);
        return new Transition(CommunicationCheckSchedule.newBuilder(schedule).setOpen(null).setLast(outcome).build(),
                List.of(outcome));
    }

    private CommunicationCheckOutcomeRecorded outcome(CommunicationCheckSent check, CommitmentResult result,
            Instant acknowledgedAt, String acknowledgedBy, Instant decidedAt) {
        return CommunicationCheckOutcomeRecorded.newBuilder()
                .setMetadata(metadata.derived(check.getCheckId() + "/outcome", decidedAt, null))
                .setCheckId(check.getCheckId())
                .setRecipientState(check.getRecipientState())
                .setContactId(check.getContactId())
                .setSentAt(check.getSentAt())
                .setDueAt(check.getDueAt())
                .setResult(result)
                .setAcknowledgedAt(acknowledgedAt)
                .setAcknowledgedBy(acknowledgedBy)
                .setResponseMillis(acknowledgedAt == null ? null : Duration.between(check.getSentAt(), acknowledgedAt).toMillis())
                .build();
    }
}
