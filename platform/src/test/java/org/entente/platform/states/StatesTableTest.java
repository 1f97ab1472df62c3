package org.entente.platform.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;

class StatesTableTest {

    @Test
    void shouldKnowTheCodesItsTableHoldsAndNoOther() {
        // Given a table with two states and an exercise's own state
        KnownStates states = new StatesTable(answering(new TreeMap<>(Map.of("EE", "Estonia", "FI", "Finland",
                "x|drill-1|AA", "Exercise state"))), StatesTable.STORE);

        // Then
        assertThat(states.contains("EE")).isTrue();
        assertThat(states.contains("FI")).isTrue();
        assertThat(states.contains("ZZ")).isFalse();
        assertThat(states.contains("AA")).isFalse();
    }

    @Test
    void shouldNotBeLoadedWhileItsTableHoldsOnlyExerciseStatesOrNothing() {
        KnownStates onlyExercises = new StatesTable(answering(new TreeMap<>(Map.of("x|drill-1|EE", "Exercise state"))),
                StatesTable.STORE);
        KnownStates empty = new StatesTable(answering(new TreeMap<>()), StatesTable.STORE);

        assertThatThrownBy(() -> onlyExercises.contains("EE")).isInstanceOf(StatesUnavailableException.class);
        assertThatThrownBy(() -> empty.contains("EE")).isInstanceOf(StatesUnavailableException.class);
    }

    @Test
    void shouldNotBeLoadedWhileItsTableIsNotQueryable() {
        InteractiveQueryService starting = new InteractiveQueryService(null, null) {
            @Override
            public <T> T getQueryableStore(String storeName, QueryableStoreType<T> storeType) {
                throw new InvalidStateStoreException("the application is not running yet");
            }
        };
        InteractiveQueryService unknownStore = new InteractiveQueryService(null, null) {
            @Override
            public <T> T getQueryableStore(String storeName, QueryableStoreType<T> storeType) {
                throw new IllegalStateException("Error when retrieving state store: " + storeName);
            }
        };

        assertThatThrownBy(() -> new StatesTable(starting, StatesTable.STORE).contains("EE"))
                .isInstanceOf(StatesUnavailableException.class).hasCauseInstanceOf(InvalidStateStoreException.class);
        assertThatThrownBy(() -> new StatesTable(unknownStore, StatesTable.STORE).contains("EE"))
                .isInstanceOf(StatesUnavailableException.class).hasCauseInstanceOf(IllegalStateException.class);
    }

    /** Interactive queries answered by a sorted map, as a key-value store sorts its keys. */
    private static InteractiveQueryService answering(NavigableMap<String, Object> table) {
        ReadOnlyKeyValueStore<String, Object> store = new ReadOnlyKeyValueStore<>() {
            @Override
            public Object get(String key) {
                return table.get(key);
            }

            @Override
            public KeyValueIterator<String, Object> range(String from, String to) {
                return iterator(table.subMap(from, true, to, true).entrySet().iterator());
            }

            @Override
            public KeyValueIterator<String, Object> all() {
                return iterator(table.entrySet().iterator());
            }

            @Override
            public long approximateNumEntries() {
                return table.size();
            }
        };
        return new InteractiveQueryService(null, null) {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T getQueryableStore(String storeName, QueryableStoreType<T> storeType) {
                assertThat(storeName).isEqualTo(StatesTable.STORE);
                return (T) store;
            }
        };
    }

    private static KeyValueIterator<String, Object> iterator(Iterator<Map.Entry<String, Object>> entries) {
        return new KeyValueIterator<>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public KeyValue<String, Object> next() {
                Map.Entry<String, Object> entry = entries.next();
                return KeyValue.pair(entry.getKey(), entry.getValue());
            }

            @Override
            public String peekNextKey() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void close() {
            }
        };
    }
}
