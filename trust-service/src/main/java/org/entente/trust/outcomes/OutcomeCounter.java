package org.entente.trust.outcomes;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.function.Function;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.entente.platform.events.EventChecks;
import org.entente.schemas.EventSerde;
import org.entente.schemas.InvalidEventException;
import org.entente.trust.figures.Outcome;
import org.entente.trust.figures.Tallying;
import org.entente.trust.figures.Window;

/**
 * What both intakes do with an outcome of real traffic, in their processor: keep it in the outcome
 * store under its key, which makes a replayed or duplicated record overwrite itself, and count it
 * in the tallies in place of the outcome it overwrites. Every hour (wall clock) it deletes the
 * day tallies that have left the 30-day window, so the tally store stays bounded by the states,
 * pairs and agreements times 31 days, whatever the number of outcomes.
 */
final class OutcomeCounter<E extends SpecificRecord> {

    private static final Duration EXPIRY_INTERVAL = Duration.ofHours(1);

    private final KeyValueStore<String, E> outcomes;
    private final Function<E, Outcome> toOutcome;
    private final Tallying tallying;

    OutcomeCounter(ProcessorContext<?, ?> context, String outcomeStore, String tallyStore, Function<E, Outcome> toOutcome,
            Clock clock) {
        this.outcomes = context.getStateStore(outcomeStore);
        this.toOutcome = toOutcome;
        TallyStore tallies = new TallyStore(context.getStateStore(tallyStore));
        this.tallying = new Tallying(tallies, clock);
        context.schedule(EXPIRY_INTERVAL, PunctuationType.WALL_CLOCK_TIME,
                timestamp -> tallies.deleteDaysBefore(Window.firstDay(clock.instant())));
    }

    static <E extends SpecificRecord> Set<StoreBuilder<?>> stores(String outcomeStore, Class<E> type, String tallyStore) {
        return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(outcomeStore), Serdes.String(), EventSerde.of(type)),
                TallyStore.builder(tallyStore));
    }

    /**
     * Rejects, before storing anything, an outcome the tallies cannot hold: state codes that are
     * not codes would break a tally's key, a negative response time its histogram.
     */
    void record(String key, E event) {
        Outcome outcome = toOutcome.apply(event);
        EventChecks.stateCode(outcome.recipientState(), "recipientState");
        if (outcome.reportingState() != null) {
            EventChecks.stateCode(outcome.reportingState(), "reportingState");
        }
        InvalidEventException.require(outcome.responseMillis() == null || outcome.responseMillis() >= 0,
                "responseMillis " + outcome.responseMillis() + " is negative");
        E previous = outcomes.get(key);
        outcomes.put(key, event);
        tallying.replace(previous == null ? null : toOutcome.apply(previous), outcome);
    }
}
