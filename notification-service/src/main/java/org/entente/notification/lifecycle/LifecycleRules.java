package org.entente.notification.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.entente.events.AlertAcknowledged;
import org.entente.events.AlertDelivered;
import org.entente.events.AlertEscalated;
import org.entente.events.AlertIssued;
import org.entente.events.AlertLifecycle;
import org.entente.events.AlertResponseSubmitted;
import org.entente.events.ChannelType;
import org.entente.events.CommitmentKind;
import org.entente.events.CommitmentOutcomeRecorded;
import org.entente.events.CommitmentResult;
import org.entente.events.Contact;
import org.entente.events.Deadline;
import org.entente.events.EventMetadata;
import org.entente.events.Fulfilment;
import org.entente.events.RecordedOutcome;
import org.entente.events.TimelineEntry;
import org.entente.platform.events.EventMetadataFactory;
import org.entente.schemas.Labels;

/**
 * What happens to an alert after it is issued. Outcomes are judged on event time: a fulfilment
 * at or before its deadline is honoured, before the deadline plus grace late, otherwise missed.
 * Each commitment period runs from delivery ({@link #deadlines}): delivery and the answers are
 * both stamped by this service's clock, so a clock skew between incident-service (which stamps the
 * report, hence the issued deadlines) and this service judges no answer late or early.
 * An acknowledgement deadline that passes escalates the alert down the recipient's contact chain,
 * one contact per acknowledgement period. Escalations and "missed" wait {@code settle} beyond
 * their time, so an answer already on its way is not overtaken by a processing delay; the events
 * still carry the time the deadline passed.
 */
public final class LifecycleRules {

    private final EventMetadataFactory metadata;
    private final Duration settle;

    public LifecycleRules(EventMetadataFactory metadata, Duration settle) {
        this.metadata = metadata;
        this.settle = settle;
    }

    public Transition deliver(AlertIssued issued, List<Contact> chain, Instant now) {
        AlertLifecycle state = AlertLifecycle.newBuilder()
                .setIssued(issued)
                .setEscalationLevel(0)
                .setContactId(issued.getContactId())
                .setDeliveredAt(now)
                .setTimeline(new ArrayList<>(List.of(
                        new TimelineEntry(issued.getIssuedAt(), "issued",
                                "under " + issued.getAgreement().getAgreementId() + " v" + issued.getAgreement().getVersion()),
                        new TimelineEntry(now, "delivered", "inbox of " + issued.getContactId()))))
                .build();
        state.setNextCheckAt(nextCheck(state, chain.size()));
        AlertDelivered delivered = AlertDelivered.newBuilder()
                .setMetadata(metadata.derived("delivered/" + issued.getAlertId(), now, exerciseId(state)))
                .setAlertId(issued.getAlertId())
                .setRecipientState(issued.getRecipientState())
                .setContactId(issued.getContactId())
                .setChannel(ChannelType.INBOX)
                .setDeliveredAt(now)
                .build();
        return new Transition(state, List.of(delivered));
    }

    public Optional<Transition> acknowledge(AlertLifecycle current, AlertAcknowledged ack, List<Contact> chain) {
        return fulfil(current, new Fulfilment(CommitmentKind.ACKNOWLEDGE, ack.getAcknowledgedAt(), ack.getAcknowledgedBy(), null),
                "acknowledged", chain);
    }

    public Optional<Transition> respond(AlertLifecycle current, AlertResponseSubmitted response, List<Contact> chain) {
        return fulfil(current, new Fulfilment(response.getKind(), response.getSubmittedAt(), response.getSubmittedBy(),
                response.getText()), Labels.of(response.getKind()), chain);
    }

    /** Escalations and missed outcomes due by {@code now}; empty when nothing changed. */
    public Optional<Transition> advance(AlertLifecycle current, List<Contact> chain, Instant now) {
        AlertLifecycle state = AlertLifecycle.newBuilder(current).build();
        List<SpecificRecord> events = new ArrayList<>();
        AlertIssued issued = state.getIssued();
        for (Deadline deadline : deadlines(state)) {
            if (outcomeOf(state, deadline.getKind()).isEmpty() && !now.isBefore(deadline.getMissedAt().plus(settle))) {
                events.add(recordOutcome(state, deadline, CommitmentResult.MISSED, null, deadline.getMissedAt()));
            }
        }
        Optional<Deadline> acknowledgement = deadline(state, CommitmentKind.ACKNOWLEDGE);
        while (acknowledgement.isPresent() && fulfilment(state, CommitmentKind.ACKNOWLEDGE).isEmpty()
                && state.getEscalationLevel() < chain.size() - 1
                && now.isAfter(escalationTime(state, acknowledgement.get(), state.getEscalationLevel() + 1).plus(settle))) {
            int level = state.getEscalationLevel() + 1;
            Instant at = escalationTime(state, acknowledgement.get(), level);
            Contact contact = chain.get(level);
            state.setEscalationLevel(level);
            state.setContactId(contact.getContactId());
            state.getTimeline().add(new TimelineEntry(at, "escalated", "to " + contact.getContactId()));
            events.add(AlertEscalated.newBuilder()
                    .setMetadata(metadata.derived("escalated/" + issued.getAlertId() + "/" + level, at, exerciseId(state)))
                    .setAlertId(issued.getAlertId())
                    .setRecipientState(issued.getRecipientState())
                    .setLevel(level)
                    .setContactId(contact.getContactId())
                    .setEscalatedAt(at)
                    .build());
        }
        // Caught up on several due items at once, the world still hears them in the order they happened.
        events.sort(Comparator.comparing(LifecycleRules::occurredAt));
        state.getTimeline().sort(Comparator.comparing(TimelineEntry::getAt));
        state.setNextCheckAt(nextCheck(state, chain.size()));
        boolean unchanged = events.isEmpty() && Objects.equals(state.getNextCheckAt(), current.getNextCheckAt());
        return unchanged ? Optional.empty() : Optional.of(new Transition(state, events));
    }

    private Optional<Transition> fulfil(AlertLifecycle current, Fulfilment fulfilment, String what, List<Contact> chain) {
        if (fulfilment(current, fulfilment.getKind()).isPresent()) {
            return Optional.empty();
        }
        AlertLifecycle state = AlertLifecycle.newBuilder(current).build();
        state.getFulfilments().add(fulfilment);
        state.getTimeline().add(new TimelineEntry(fulfilment.getAt(), what, "by " + fulfilment.getBy()));
        List<SpecificRecord> events = new ArrayList<>();
        Optional<Deadline> deadline = deadline(state, fulfilment.getKind());
        if (deadline.isPresent() && outcomeOf(state, fulfilment.getKind()).isEmpty()) {
            events.add(recordOutcome(state, deadline.get(), judge(deadline.get(), fulfilment.getAt()), fulfilment.getAt(),
                    fulfilment.getAt()));
        }
        state.setNextCheckAt(nextCheck(state, chain.size()));
        return Optional.of(new Transition(state, events));
    }

    static CommitmentResult judge(Deadline deadline, Instant fulfilledAt) {
        if (!fulfilledAt.isAfter(deadline.getDueAt())) {
            return CommitmentResult.HONOURED;
        }
        return fulfilledAt.isBefore(deadline.getMissedAt()) ? CommitmentResult.LATE : CommitmentResult.MISSED;
    }

    private CommitmentOutcomeRecorded recordOutcome(AlertLifecycle state, Deadline deadline, CommitmentResult result,
            Instant fulfilledAt, Instant at) {
        AlertIssued issued = state.getIssued();
        state.getOutcomes().add(new RecordedOutcome(deadline.getKind(), result));
        state.getTimeline().add(new TimelineEntry(at, Labels.of(deadline.getKind()) + " " + Labels.of(result), null));
        return CommitmentOutcomeRecorded.newBuilder()
                .setMetadata(metadata.derived("outcome/" + issued.getAlertId() + "/" + deadline.getKind(), at, exerciseId(state)))
                .setAlertId(issued.getAlertId())
                .setIncidentId(issued.getIncidentId())
                .setReportingState(issued.getReportingState())
                .setRecipientState(issued.getRecipientState())
                .setAgreement(issued.getAgreement())
                .setKind(deadline.getKind())
                .setResult(result)
                .setIssuedAt(issued.getIssuedAt())
                .setDueAt(deadline.getDueAt())
                .setFulfilledAt(fulfilledAt)
                .setResponseMillis(fulfilledAt == null ? null : Duration.between(deliveredAt(state), fulfilledAt).toMillis())
                .build();
    }

    /** Level {@code n} is reached at the acknowledgement deadline plus n-1 further acknowledgement periods. */
    static Instant escalationTime(AlertLifecycle state, Deadline acknowledgement, int level) {
        Duration period = Duration.between(deliveredAt(state), acknowledgement.getDueAt());
        return acknowledgement.getDueAt().plus(period.multipliedBy(level - 1L));
    }

    private Instant nextCheck(AlertLifecycle state, int chainSize) {
        Instant next = null;
        for (Deadline deadline : deadlines(state)) {
            if (outcomeOf(state, deadline.getKind()).isEmpty()) {
                next = earliest(next, deadline.getMissedAt().plus(settle));
            }
        }
        Optional<Deadline> acknowledgement = deadline(state, CommitmentKind.ACKNOWLEDGE);
        if (acknowledgement.isPresent() && fulfilment(state, CommitmentKind.ACKNOWLEDGE).isEmpty()
                && state.getEscalationLevel() < chainSize - 1) {
            next = earliest(next, escalationTime(state, acknowledgement.get(), state.getEscalationLevel() + 1).plus(settle));
        }
        return next;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    /**
     * The deadlines the recipient is held to: those issued (the report's time plus each commitment
     * period) moved by the time the alert took to reach the inbox.
     */
    public static List<Deadline> deadlines(AlertLifecycle state) {
        AlertIssued issued = state.getIssued();
        Duration toDelivery = Duration.between(issued.getIssuedAt(), deliveredAt(state));
        return issued.getDeadlines().stream()
                .map(d -> new Deadline(d.getKind(), d.getDueAt().plus(toDelivery), d.getMissedAt().plus(toDelivery)))
                .toList();
    }

    /** A state written before delivery was recorded counts as delivered when issued. */
    private static Instant deliveredAt(AlertLifecycle state) {
        return state.getDeliveredAt() == null ? state.getIssued().getIssuedAt() : state.getDeliveredAt();
    }

    static Optional<Deadline> deadline(AlertLifecycle state, CommitmentKind kind) {
        return deadlines(state).stream().filter(d -> d.getKind() == kind).findFirst();
    }

    static Optional<Fulfilment> fulfilment(AlertLifecycle state, CommitmentKind kind) {
        return state.getFulfilments().stream().filter(f -> f.getKind() == kind).findFirst();
    }

    static Optional<CommitmentResult> outcomeOf(AlertLifecycle state, CommitmentKind kind) {
        return state.getOutcomes().stream().filter(o -> o.getKind() == kind).map(RecordedOutcome::getResult).findFirst();
    }

    private static Instant occurredAt(SpecificRecord event) {
        return ((EventMetadata) ((GenericRecord) event).get("metadata")).getOccurredAt();
    }

    private static String exerciseId(AlertLifecycle state) {
        return state.getIssued().getMetadata().getExerciseId();
    }
}
