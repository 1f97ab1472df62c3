package org.entente.trust.outcomes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.entente.schemas.EventSerializer;
import org.entente.trust.figures.Figures;
import org.entente.trust.figures.Tally;
import org.entente.trust.figures.TallyReader;

/** One intake in a {@link TopologyTestDriver}, with its persistent stores in a test's directory. */
final class IntakeDriver<E extends SpecificRecord> implements AutoCloseable {

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, E> input;

    IntakeDriver(String topic, Serde<E> serde, ProcessorSupplier<String, E, Void, Void> intake, Path stateDir) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topic, Consumed.with(Serdes.String(), serde)).process(intake);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "trust-service");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(builder.build(), config);
        input = driver.createInputTopic(topic, new StringSerializer(), new EventSerializer<>());
    }

    TestInputTopic<String, E> input() {
        return input;
    }

    TopologyTestDriver driver() {
        return driver;
    }

    <V> List<KeyValue<String, V>> stored(String store) {
        KeyValueStore<String, V> entries = driver.getKeyValueStore(store);
        List<KeyValue<String, V>> all = new ArrayList<>();
        try (KeyValueIterator<String, V> iterator = entries.all()) {
            iterator.forEachRemaining(all::add);
        }
        return all;
    }

    /** Each tally's figures under its key's text. */
    SortedMap<String, Figures> tallies(String store) {
        SortedMap<String, Figures> figures = new TreeMap<>();
        this.<Tally>stored(store).forEach(entry -> figures.put(entry.key, entry.value.figures()));
        return figures;
    }

    /** What the API reads, as {@link TallyStores} reads it. */
    TallyReader reader(String store) {
        return TallyStores.reader(driver.<String, Tally>getKeyValueStore(store));
    }

    @Override
    public void close() {
        driver.close();
    }
}
