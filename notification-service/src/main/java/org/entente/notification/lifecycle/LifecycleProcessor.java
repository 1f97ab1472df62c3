package org.entente.notification.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.entente.events.AlertAcknowledged;
import org.entente.events.AlertDelivered;
import org.entente.events.AlertEscalated;
import org.entente.events.AlertIssued;
import org.entente.events.AlertLifecycle;
import org.entente.events.AlertResponseSubmitted;
import org.entente.events.CommitmentOutcomeRecorded;
import org.entente.events.Contact;
import org.entente.events.ContactChain;
import org.entente.notification.StoreNames;
import org.entente.platform.events.EventChecks;
import org.entente.schemas.InvalidEventException;
import org.entente.schemas.Labels;
import org.entente.schemas.Topics;
import org.entente.schemas.UnexpectedEventTypeException;

/**
 * Keeps every alert's state in the {@value StoreNames#ALERTS} store (the inbox), applies what
 * recipients do, and checks deadlines against the injected clock through an index of the next
 * time each alert needs looking at ({@value StoreNames#DEADLINES}), so a check reads only what is due.
 * Every event it writes about an alert carries the trace context of the report the alert came
 * from, whatever caused it (a recipient's call or a deadline).
 */
class LifecycleProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

    private final LifecycleRules rules;
    private final Clock clock;
    private final Duration checkInterval;
    private final MeterRegistry meters;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, AlertLifecycle> alerts;
    private KeyValueStore<String, String> deadlines;
    private TimestampedKeyValueStore<String, ContactChain> contacts;

    LifecycleProcessor(LifecycleRules rules, Clock clock, Duration checkInterval, MeterRegistry meters) {
        this.rules = rules;
        this.clock = clock;
        this.checkInterval = checkInterval;
        this.meters = meters;
    }

    static String alertKey(String recipientState, String alertId) {
        return recipientState + "/" + alertId;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.alerts = context.getStateStore(StoreNames.ALERTS);
        this.deadlines = context.getStateStore(StoreNames.DEADLINES);
        this.contacts = context.getStateStore(StoreNames.LIFECYCLE_CONTACTS);
        context.schedule(checkInterval, PunctuationType.WALL_CLOCK_TIME, wallClock -> checkDeadlines(clock.instant(), wallClock));
    }

    /**
     * Applies an alert event. What it cannot apply is rejected before anything changes, and goes
     * to the dead-letter topic: no value, an event keyed by another state than its recipient (it
     * would sit in another state's partition), an acknowledgement or response for an alert never
     * issued to that state (intake checks the alert exists before it writes one, so there is no
     * race to wait out), or an event that does not belong on the alert topic.
     */
    @Override
    public void process(Record<String, SpecificRecord> record) {
        SpecificRecord event = record.value();
        EventChecks.present(event);
        if (event instanceof AlertIssued issued) {
            EventChecks.keyIs(record.key(), issued.getRecipientState(), "recipientState");
            String key = alertKey(issued.getRecipientState(), issued.getAlertId());
            if (alerts.get(key) == null) {
                Transition delivery = rules.deliver(issued, chain(issued.getRecipientState()), clock.instant());
                delivery.state().setTraceparent(TraceContext.of(record.headers()));
                apply(key, null, delivery, record.timestamp());
            }
        } else if (event instanceof AlertAcknowledged ack) {
            EventChecks.keyIs(record.key(), ack.getRecipientState(), "recipientState");
            onExisting(ack.getRecipientState(), ack.getAlertId(), record.timestamp(),
                    state -> rules.acknowledge(state, ack, chain(ack.getRecipientState())));
        } else if (event instanceof AlertResponseSubmitted response) {
            EventChecks.keyIs(record.key(), response.getRecipientState(), "recipientState");
            onExisting(response.getRecipientState(), response.getAlertId(), record.timestamp(),
                    state -> rules.respond(state, response, chain(response.getRecipientState())));
        } else if (!(event instanceof AlertDelivered) && !(event instanceof AlertEscalated)) {
            throw new UnexpectedEventTypeException("expected an alert event on " + Topics.ALERTS.name() + " but found "
                    + event.getClass().getSimpleName());
        }
        // AlertDelivered and AlertEscalated are this processor's own output, read back: nothing to do.
    }

    private void onExisting(String recipientState, String alertId, long timestamp,
            Function<AlertLifecycle, Optional<Transition>> change) {
        String key = alertKey(recipientState, alertId);
        AlertLifecycle state = alerts.get(key);
        InvalidEventException.require(state != null, "no alert " + alertId + " was issued to " + recipientState);
        change.apply(state).ifPresent(transition -> apply(key, state, transition, timestamp));
    }

    /** {@code now} is domain time from the injected clock; {@code wallClock} only stamps the Kafka records. */
    void checkDeadlines(Instant now, long wallClock) {
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> iterator = deadlines.range(indexKey(Instant.EPOCH, ""), indexKey(now, "~"))) {
            iterator.forEachRemaining(due::add);
        }
        for (KeyValue<String, String> entry : due) {
            AlertLifecycle state = alerts.get(entry.value);
            if (state == null) {
                deadlines.delete(entry.key);
                continue;
            }
            String recipient = state.getIssued().getRecipientState();
            Optional<Transition> transition = rules.advance(state, chain(recipient), now);
            if (transition.isPresent()) {
                apply(entry.value, state, transition.get(), wallClock);
            } else if (state.getNextCheckAt() == null || !entry.key.equals(indexKey(state.getNextCheckAt(), entry.value))) {
                deadlines.delete(entry.key);
            }
        }
    }

    /**
     * Records carry the transport time of their cause ({@code timestamp}); the domain times live in
     * the events. The injected clock may be far from the broker's, which refuses distant timestamps.
     */
    private void apply(String key, AlertLifecycle before, Transition transition, long timestamp) {
        if (before != null && before.getNextCheckAt() != null) {
            deadlines.delete(indexKey(before.getNextCheckAt(), key));
        }
        AlertLifecycle after = transition.state();
        alerts.put(key, after);
        if (after.getNextCheckAt() != null) {
            deadlines.put(indexKey(after.getNextCheckAt(), key), key);
        }
        String recipient = after.getIssued().getRecipientState();
        for (SpecificRecord event : transition.events()) {
            context.forward(new Record<>(recipient, event, timestamp, TraceContext.headers(after.getTraceparent())));
            count(event, recipient);
        }
    }

    private void count(SpecificRecord event, String recipient) {
        if (event instanceof AlertEscalated) {
            meters.counter("entente.alerts.escalated", "recipient_state", recipient).increment();
        } else if (event instanceof CommitmentOutcomeRecorded outcome) {
            meters.counter("entente.commitments.outcomes", "recipient_state", recipient,
                    "kind", Labels.of(outcome.getKind()), "result", Labels.of(outcome.getResult())).increment();
        }
    }

    private List<Contact> chain(String state) {
        ValueAndTimestamp<ContactChain> chain = contacts.get(state);
        return chain == null ? List.of() : chain.value().getContacts();
    }

    /** Zero-padded so that the store's byte order is time order. */
    static String indexKey(Instant at, String alertKey) {
        return String.format("%019d|%s", at.toEpochMilli(), alertKey);
    }
}
