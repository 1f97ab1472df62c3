package org.entente.notification.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
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
import org.entente.events.EventMetadata;
import org.entente.events.ExerciseClock;
import org.entente.notification.StoreNames;
import org.entente.notification.fanout.AlertSignature;
import org.entente.notification.reference.ExerciseReference;
import org.entente.notification.routing.RecipientLabel;
import org.entente.platform.events.EventChecks;
import org.entente.schemas.ExerciseKeys;
import org.entente.schemas.InvalidEventException;
import org.entente.schemas.Labels;
import org.entente.schemas.Topics;
import org.entente.schemas.UnexpectedEventTypeException;

/**
 * Keeps every alert's state in the {@value StoreNames#ALERTS} store (the inbox), applies what
 * recipients do, and checks deadlines through an index of the next time each alert needs looking
 * at ({@value StoreNames#DEADLINES}), so a check reads only what is due. Every event it writes
 * about an alert carries the trace context of the report the alert came from, whatever caused it
 * (a recipient's call or a deadline).
 * <p>
 * Real alerts live on the injected clock, checked every {@code checkInterval}. Exercise alerts
 * live on their exercise's scenario clock ({@link ExerciseTime}), whose ticks arrive on
 * {@code exercise.clocks.v1}, a copy on every partition, so every task hears each tick: a tick
 * checks that exercise's alerts at once, and a running (live) clock is also checked every
 * {@code checkInterval}. Exercise alerts are judged without {@code settle}: a simulated replay
 * orders answers and ticks itself, and the same scenario must give the same outcomes every time.
 * Their index keys start with {@code x|<exercise id>|}, after every real one.
 */
class LifecycleProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

    /** The index of real alerts. */
    static final String REAL = "";

    private final LifecycleRules rules;
    private final LifecycleRules exerciseRules;
    private final Clock clock;
    private final Duration checkInterval;
    private final MeterRegistry meters;
    private final AlertSignature signature;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, AlertLifecycle> alerts;
    private KeyValueStore<String, String> deadlines;
    private TimestampedKeyValueStore<String, ContactChain> contacts;
    private KeyValueStore<String, ExerciseClock> exerciseClocks;
    private ExerciseTime exerciseTime;

    LifecycleProcessor(LifecycleRules rules, LifecycleRules exerciseRules, Clock clock, Duration checkInterval,
            MeterRegistry meters, AlertSignature signature) {
        this.rules = rules;
        this.exerciseRules = exerciseRules;
        this.clock = clock;
        this.checkInterval = checkInterval;
        this.meters = meters;
        this.signature = signature;
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
        this.exerciseClocks = context.getStateStore(StoreNames.EXERCISE_CLOCKS);
        this.exerciseTime = new ExerciseTime(exerciseClocks::get);
        context.schedule(checkInterval, PunctuationType.WALL_CLOCK_TIME, wallClock -> {
            Instant now = clock.instant();
            checkDeadlines(REAL, now, wallClock);
            checkRunningExercises(now, wallClock);
        });
    }

    /**
     * Applies an alert event. What it cannot apply is rejected before anything changes, and goes
     * to the dead-letter topic: no value, an event keyed by another state than its recipient (it
     * would sit in another state's partition), an alert without the fan-out's signature (another
     * writer of the topic made it up or changed it), an acknowledgement or response for an alert
     * never issued to that state (intake checks the alert exists before it writes one, so there is
     * no race to wait out), an event that does not belong on the alert topic, and on the exercise
     * answers' topic anything but an acknowledgement under an exercise id ({@link ExerciseAnswers}).
     * An exercise's acknowledgement it takes goes on to the alert events.
     */
    @Override
    public void process(Record<String, SpecificRecord> record) {
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse(null);
        if (Topics.EXERCISE_CLOCKS.name().equals(topic)) {
            tick(record);
            return;
        }
        SpecificRecord event = record.value();
        EventChecks.present(event);
        boolean exerciseAnswer = Topics.EXERCISE_ANSWERS.name().equals(topic);
        if (exerciseAnswer) {
            ExerciseAnswers.require(event);
        }
        if (event instanceof AlertIssued issued) {
            EventChecks.keyIs(record.key(), issued.getRecipientState(), "recipientState");
            requireSignedByTheFanOut(issued, record);
            String key = alertKey(issued.getRecipientState(), issued.getAlertId());
            if (alerts.get(key) == null) {
                awaitExerciseContacts(issued, record.headers());
                Transition delivery = rulesFor(issued).deliver(issued, chain(issued), deliveryTime(issued));
                delivery.state().setTraceparent(TraceContext.of(record.headers()));
                apply(key, null, delivery, record.timestamp());
            }
        } else if (event instanceof AlertAcknowledged ack) {
            EventChecks.keyIs(record.key(), ack.getRecipientState(), "recipientState");
            onExisting(ack.getRecipientState(), ack.getAlertId(), ack.getMetadata(), ack.getAcknowledgedAt(), record.timestamp(),
                    state -> rulesFor(state.getIssued()).acknowledge(state, ack, chain(state.getIssued())));
            if (exerciseAnswer) {
                // Taken, it joins the alert events as an answer through the API does, for their readers (the live inbox,
                // a replay's observer); read back from there, it changes nothing more.
                context.forward(record);
            }
        } else if (event instanceof AlertResponseSubmitted response) {
            EventChecks.keyIs(record.key(), response.getRecipientState(), "recipientState");
            onExisting(response.getRecipientState(), response.getAlertId(), response.getMetadata(), response.getSubmittedAt(),
                    record.timestamp(),
                    state -> rulesFor(state.getIssued()).respond(state, response, chain(state.getIssued())));
        } else if (!(event instanceof AlertDelivered) && !(event instanceof AlertEscalated)) {
            throw new UnexpectedEventTypeException("expected an alert event on " + Topics.ALERTS.name() + " but found "
                    + event.getClass().getSimpleName());
        }
        // AlertDelivered and AlertEscalated are this processor's own output, read back: nothing to do.
    }

    private void requireSignedByTheFanOut(AlertIssued issued, Record<String, SpecificRecord> record) {
        Header digest = record.headers().lastHeader(AlertEventSerde.DIGEST_HEADER);
        if (digest == null) {
            throw new IllegalStateException(Topics.ALERTS.name() + " must be read with " + AlertEventSerde.class.getName()
                    + " (trackAlertLifecycle-in-0's value-serde): without it no alert's signature can be checked");
        }
        Header signed = record.headers().lastHeader(AlertSignature.HEADER);
        InvalidEventException.require(signed != null, "alert " + issued.getAlertId() + " has no " + AlertSignature.HEADER
                + " header: notification-service's fan-out did not write it");
        InvalidEventException.require(signature.verifies(record.key(), digest.value(), signed.value()), "alert "
                + issued.getAlertId() + " does not match its " + AlertSignature.HEADER
                + ": it is not as notification-service's fan-out wrote it");
    }

    /**
     * An answer counts only within its alert's world: an exercise cannot answer a real alert, nor
     * the reverse. An exercise alert first catches up to the answer's time: what was due before it
     * (an escalation, a missed deadline) happens first, so a replay may write its scripted answers
     * before its clock reaches them.
     */
    private void onExisting(String recipientState, String alertId, EventMetadata answer, Instant answeredAt, long timestamp,
            Function<AlertLifecycle, Optional<Transition>> change) {
        String key = alertKey(recipientState, alertId);
        AlertLifecycle found = alerts.get(key);
        InvalidEventException.require(found != null, "no alert " + alertId + " was issued to " + recipientState);
        InvalidEventException.require(Objects.equals(answer.getExerciseId(), exerciseIdOf(found.getIssued())),
                "alert " + alertId + " belongs to " + world(exerciseIdOf(found.getIssued())) + ", the answer to "
                        + world(answer.getExerciseId()));
        AlertLifecycle state = found;
        if (exerciseIdOf(found.getIssued()) != null) {
            Optional<Transition> caughtUp = exerciseRules.advance(found, chain(found.getIssued()), answeredAt);
            if (caughtUp.isPresent()) {
                apply(key, found, caughtUp.get(), timestamp);
                state = caughtUp.get().state();
            }
        }
        AlertLifecycle current = state;
        change.apply(current).ifPresent(transition -> apply(key, current, transition, timestamp));
    }

    private static String world(String exerciseId) {
        return exerciseId == null ? "real traffic" : "exercise " + exerciseId;
    }

    /** A clock's tick (a tombstone ends it): its exercise's alerts are checked at the new scenario time. */
    private void tick(Record<String, SpecificRecord> record) {
        String exerciseId = record.key();
        InvalidEventException.require(exerciseId != null, "an exercise clock needs the exercise id as its key");
        if (record.value() == null) {
            exerciseClocks.delete(exerciseId);
            return;
        }
        if (!(record.value() instanceof ExerciseClock exerciseClock)) {
            throw new UnexpectedEventTypeException("expected an ExerciseClock on " + Topics.EXERCISE_CLOCKS.name()
                    + " but found " + record.value().getClass().getSimpleName());
        }
        EventChecks.keyIs(exerciseId, exerciseClock.getExerciseId(), "exerciseId");
        exerciseClocks.put(exerciseId, exerciseClock);
        checkDeadlines(exercise(exerciseId), ExerciseTime.scenarioTime(exerciseClock, clock.instant()), record.timestamp());
    }

    private void checkRunningExercises(Instant wall, long wallClock) {
        List<ExerciseClock> running = new ArrayList<>();
        try (KeyValueIterator<String, ExerciseClock> iterator = exerciseClocks.all()) {
            iterator.forEachRemaining(entry -> running.add(entry.value));
        }
        running.stream().filter(ExerciseTime::running).forEach(exerciseClock -> checkDeadlines(exercise(exerciseClock.getExerciseId()),
                ExerciseTime.scenarioTime(exerciseClock, wall), wallClock));
    }

    /**
     * Applies what is due by {@code now} to the alerts of one index ({@link #REAL} or an
     * exercise's): {@code now} is domain time; {@code wallClock} only stamps the Kafka records.
     */
    void checkDeadlines(String index, Instant now, long wallClock) {
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> iterator = deadlines.range(indexKey(index, Instant.EPOCH, ""),
                indexKey(index, now, "~"))) {
            iterator.forEachRemaining(due::add);
        }
        for (KeyValue<String, String> entry : due) {
            AlertLifecycle state = alerts.get(entry.value);
            if (state == null) {
                deadlines.delete(entry.key);
                continue;
            }
            Optional<Transition> transition = rulesFor(state.getIssued()).advance(state, chain(state.getIssued()), now);
            if (transition.isPresent()) {
                apply(entry.value, state, transition.get(), wallClock);
            } else if (state.getNextCheckAt() == null || !entry.key.equals(indexKey(state, state.getNextCheckAt(), entry.value))) {
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
            deadlines.delete(indexKey(before, before.getNextCheckAt(), key));
        }
        AlertLifecycle after = transition.state();
        alerts.put(key, after);
        if (after.getNextCheckAt() != null) {
            deadlines.put(indexKey(after, after.getNextCheckAt(), key), key);
        }
        String recipient = after.getIssued().getRecipientState();
        for (SpecificRecord event : transition.events()) {
            context.forward(new Record<>(recipient, event, timestamp, TraceContext.headers(after.getTraceparent())));
            count(event, RecipientLabel.of(recipient, after.getIssued().getTlp()), exerciseIdOf(after.getIssued()) != null);
        }
    }

    /** Labelled {@code exercise}, as the issued alerts are: exercise traffic never counts in real figures. */
    private void count(SpecificRecord event, String recipientLabel, boolean exercise) {
        if (event instanceof AlertEscalated) {
            meters.counter("entente.alerts.escalated", RecipientLabel.NAME, recipientLabel, "exercise", String.valueOf(exercise))
                    .increment();
        } else if (event instanceof CommitmentOutcomeRecorded outcome) {
            meters.counter("entente.commitments.outcomes", RecipientLabel.NAME, recipientLabel, "kind", Labels.of(outcome.getKind()),
                    "result", Labels.of(outcome.getResult()), "exercise", String.valueOf(exercise)).increment();
        }
    }

    /** The recipient's contact chain: its exercise's own, when the exercise brought one, else the live one. */
    private List<Contact> chain(AlertIssued issued) {
        String exerciseId = exerciseIdOf(issued);
        ValueAndTimestamp<ContactChain> chain = exerciseId == null ? null
                : contacts.get(ExerciseKeys.key(exerciseId, issued.getRecipientState()));
        if (chain == null) {
            chain = contacts.get(issued.getRecipientState());
        }
        return chain == null ? List.of() : chain.value().getContacts();
    }

    /** An exercise that brought its own contact chains is delivered on them, once they have all arrived. */
    private void awaitExerciseContacts(AlertIssued issued, Headers headers) {
        String exerciseId = exerciseIdOf(issued);
        if (exerciseId != null) {
            ExerciseReference.declared(headers).ifPresent(counts -> ExerciseReference.await("contact chains", counts.contacts(),
                    () -> ExerciseReference.count(contacts, exerciseId)));
        }
    }

    /**
     * An exercise alert reaches the inbox when issued, or later if its scenario clock already
     * stands later (a live replay): never at a wall-clock time, which would tie a simulated
     * replay's outcomes to how fast the machine ran it.
     */
    private Instant deliveryTime(AlertIssued issued) {
        String exerciseId = exerciseIdOf(issued);
        if (exerciseId == null) {
            return clock.instant();
        }
        return exerciseTime.at(exerciseId, clock.instant()).filter(now -> now.isAfter(issued.getIssuedAt()))
                .orElse(issued.getIssuedAt());
    }

    private LifecycleRules rulesFor(AlertIssued issued) {
        return exerciseIdOf(issued) == null ? rules : exerciseRules;
    }

    private static String exerciseIdOf(AlertIssued issued) {
        return issued.getMetadata().getExerciseId();
    }

    /** The index of an exercise's alerts. */
    static String exercise(String exerciseId) {
        return "x|" + exerciseId + "|";
    }

    private static String indexKey(AlertLifecycle state, Instant at, String alertKey) {
        String exerciseId = exerciseIdOf(state.getIssued());
        return indexKey(exerciseId == null ? REAL : exercise(exerciseId), at, alertKey);
    }

    /** Zero-padded so that the store's byte order is time order within an index. */
    static String indexKey(String index, Instant at, String alertKey) {
        return String.format("%s%019d|%s", index, at.toEpochMilli(), alertKey);
    }
}
