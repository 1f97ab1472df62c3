package org.entente.trust.outcomes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.entente.trust.figures.Tallies;
import org.entente.trust.figures.Tally;
import org.entente.trust.figures.TallyKey;

/**
 * A Kafka Streams store of tallies under their keys' text ({@link TallyKey#text()}), beside the
 * outcome store it is kept in step with, in the same task: so it is partitioned by recipient state
 * as the outcomes are, and restored from its own changelog.
 */
final class TallyStore implements Tallies {

    private static final Serde<Tally> TALLY_SERDE = Serdes.serdeFrom(
            (topic, tally) -> tally == null ? null : tally.toBytes(),
            (topic, bytes) -> bytes == null ? null : Tally.fromBytes(bytes));

    private final KeyValueStore<String, Tally> store;

    TallyStore(KeyValueStore<String, Tally> store) {
        this.store = store;
    }

    static StoreBuilder<KeyValueStore<String, Tally>> builder(String name) {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.String(), TALLY_SERDE);
    }

    @Override
    public Tally get(TallyKey key) {
        return store.get(key.text());
    }

    @Override
    public void put(TallyKey key, Tally tally) {
        store.put(key.text(), tally);
    }

    @Override
    public void delete(TallyKey key) {
        store.delete(key.text());
    }

    /** Deletes the tallies of every day before {@code firstDay}: they sort first, before every later day and the all-time ones. */
    void deleteDaysBefore(LocalDate firstDay) {
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Tally> days = store.range(null, firstDay.toString())) {
            days.forEachRemaining((KeyValue<String, Tally> day) -> expired.add(day.key));
        }
        expired.forEach(store::delete);
    }
}
