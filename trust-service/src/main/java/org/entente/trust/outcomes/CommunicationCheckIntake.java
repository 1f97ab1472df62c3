package org.entente.trust.outcomes;

import java.time.Clock;
import java.util.Set;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.StoreBuilder;
import org.entente.events.CommitmentKind;
import org.entente.events.CommunicationCheckAcknowledged;
import org.entente.events.CommunicationCheckOutcomeRecorded;
import org.entente.events.CommunicationCheckSent;
import org.entente.platform.events.EventChecks;
import org.entente.schemas.Topics;
import org.entente.schemas.UnexpectedEventTypeException;
import org.entente.trust.figures.Outcome;

/**
 * Keeps every communication-check outcome in its own store, keyed by check id, and its own
 * tallies, apart from the commitment outcomes: checks are a figure of their own. The checks sent
 * and acknowledged that share the topic are passed over; an outcome keyed by another state than
 * its recipient is a dead letter, as for commitment outcomes.
 */
final class CommunicationCheckIntake implements ProcessorSupplier<String, SpecificRecord, Void, Void> {

    static final String STORE = "communication-check-outcomes";
    static final String TALLIES = "communication-check-tallies";

    private final Clock clock;

    CommunicationCheckIntake(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Processor<String, SpecificRecord, Void, Void> get() {
        return new Processor<>() {

            private OutcomeCounter<CommunicationCheckOutcomeRecorded> counter;

            @Override
            public void init(ProcessorContext<Void, Void> context) {
                counter = new OutcomeCounter<>(context, STORE, TALLIES, CommunicationCheckIntake::outcomeOf, clock);
            }

            @Override
            public void process(Record<String, SpecificRecord> record) {
                SpecificRecord event = record.value();
                EventChecks.present(event);
                if (event instanceof CommunicationCheckOutcomeRecorded outcome) {
                    EventChecks.keyIs(record.key(), outcome.getRecipientState(), "recipientState");
                    counter.record(outcome.getCheckId(), outcome);
                } else if (!(event instanceof CommunicationCheckSent) && !(event instanceof CommunicationCheckAcknowledged)) {
                    throw new UnexpectedEventTypeException("expected a communication check event on "
                            + Topics.COMMUNICATION_CHECKS.name() + " but found " + event.getClass().getSimpleName());
                }
            }
        };
    }

    @Override
    public Set<StoreBuilder<?>> stores() {
        return OutcomeCounter.stores(STORE, CommunicationCheckOutcomeRecorded.class, TALLIES);
    }

    /** A check is an acknowledgement owed to the network as a whole: no reporting state, no agreement. */
    static Outcome outcomeOf(CommunicationCheckOutcomeRecorded event) {
        return new Outcome(null, event.getRecipientState(), null, CommitmentKind.ACKNOWLEDGE, event.getResult(),
                event.getSentAt(), event.getResponseMillis());
    }
}
