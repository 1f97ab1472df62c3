package org.entente.notification.checks;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.entente.events.CommunicationCheckAcknowledged;
import org.entente.events.CommunicationCheckOutcomeRecorded;
import org.entente.events.CommunicationCheckSchedule;
import org.entente.events.CommunicationCheckSent;
import org.entente.events.ContactChain;
import org.entente.notification.StoreNames;
import org.entente.platform.events.EventChecks;
import org.entente.schemas.ExerciseKeys;
import org.entente.schemas.InvalidEventException;
import org.entente.schemas.Labels;
import org.entente.schemas.Topics;
import org.entente.schemas.UnexpectedEventTypeException;

/**
 * Keeps each state's communication-check schedule in the {@value StoreNames#COMMUNICATION_CHECKS}
 * store, follows its primary point of contact from the contact chains (exercises' own chains
 * aside), applies acknowledgements, and every {@code checkEvery} (when enabled) sends what is due
 * and decides what ran out. The contact chains and the checks are both keyed by state, so a state's contact
 * and its checks meet in one task.
 */
class CommunicationCheckProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

    private final CommunicationCheckRules rules;
    private final CommunicationCheckProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, CommunicationCheckSchedule> schedules;

    CommunicationCheckProcessor(CommunicationCheckRules rules, CommunicationCheckProperties properties, Clock clock,
            MeterRegistry meters) {
        this.rules = rules;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        this.schedules = context.getStateStore(StoreNames.COMMUNICATION_CHECKS);
        if (properties.enabled()) {
            context.schedule(properties.checkEvery(), PunctuationType.WALL_CLOCK_TIME, this::sendAndDecideWhatIsDue);
        }
    }

    @Override
    public void process(Record<String, SpecificRecord> record) {
        boolean contacts = context.recordMetadata().map(source -> source.topic().equals(Topics.CONTACTS.name())).orElse(false);
        if (contacts) {
            contactChainChanged(record);
            return;
        }
        SpecificRecord event = record.value();
        EventChecks.present(event);
        if (event instanceof CommunicationCheckAcknowledged acknowledgement) {
            EventChecks.keyIs(record.key(), acknowledgement.getRecipientState(), "recipientState");
            CommunicationCheckSchedule schedule = schedules.get(record.key());
            InvalidEventException.require(schedule != null, "no communication check was sent to " + record.key());
            apply(record.key(), schedule, rules.acknowledged(schedule, acknowledgement), record.timestamp());
        } else if (!(event instanceof CommunicationCheckSent) && !(event instanceof CommunicationCheckOutcomeRecorded)) {
            throw new UnexpectedEventTypeException("expected a communication check event on " + Topics.COMMUNICATION_CHECKS.name()
                    + " but found " + event.getClass().getSimpleName());
        }
        // Sent and outcome events are this processor's own output, read back: nothing to do.
    }

    private void contactChainChanged(Record<String, SpecificRecord> record) {
        if (record.key() == null || ExerciseKeys.isExercise(record.key())) {
            return;
        }
        if (record.value() != null && !(record.value() instanceof ContactChain)) {
            throw new UnexpectedEventTypeException("expected a ContactChain on " + Topics.CONTACTS.name() + " but found "
                    + record.value().getClass().getSimpleName());
        }
        ContactChain chain = (ContactChain) record.value();
        String primary = chain == null || chain.getContacts().isEmpty() ? null : chain.getContacts().get(0).getContactId();
        CommunicationCheckSchedule before = schedules.get(record.key());
        apply(record.key(), before, rules.contactChanged(before, record.key(), primary, clock.instant()), record.timestamp());
    }

    private void sendAndDecideWhatIsDue(long wallClock) {
        List<KeyValue<String, CommunicationCheckSchedule>> all = new ArrayList<>();
        try (KeyValueIterator<String, CommunicationCheckSchedule> iterator = schedules.all()) {
            iterator.forEachRemaining(all::add);
        }
        for (KeyValue<String, CommunicationCheckSchedule> entry : all) {
            apply(entry.key, entry.value, rules.due(entry.value, clock.instant()), wallClock);
        }
    }

    /** Writes the schedule only when it changed: most looks at it every {@code checkEvery} change nothing. */
    private void apply(String state, CommunicationCheckSchedule before, CommunicationCheckRules.Transition transition,
            long timestamp) {
        if (transition.schedule() == null) {
            if (before != null) {
                schedules.delete(state);
            }
        } else if (!transition.schedule().equals(before)) {
            schedules.put(state, transition.schedule());
        }
        for (SpecificRecord event : transition.events()) {
            context.forward(new Record<>(state, event, timestamp));
            count(event, state);
        }
    }

    private void count(SpecificRecord event, String state) {
        if (event instanceof CommunicationCheckSent) {
            meters.counter("entente.communication.checks.sent", "recipient_state", state).increment();
        } else if (event instanceof CommunicationCheckOutcomeRecorded outcome) {
            meters.counter("entente.communication.checks.outcomes", "recipient_state", state,
                    "result", Labels.of(outcome.getResult())).increment();
        }
    }
}
