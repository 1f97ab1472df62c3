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
        KnownStates states = new StatesTable(new TableQueries(new TreeMap<>(Map.of("EE", "Estonia", "FI", "Finland",
                "x|drill-1|AA", "Exercise state"))), StatesTable.STORE);

        // Then
        assertThat(states.contains("EE")).isTrue();
        assertThat(states.contains("FI")).isTrue();
        assertThat(states.contains("ZZ")).isFalse();
        assertThat(states.contains("AA")).isFalse();
    }

    @Test
    void shouldNotBeLoadedWhileItsTableHoldsOnlyExerciseStatesOrNothing() {
        KnownStates onlyExercises = new StatesTable(new TableQueries(new TreeMap<>(Map.of("x|drill-1|EE", "Exercise state"))),
                StatesTable.STORE);
        KnownStates empty = new StatesTable(new TableQueries(new TreeMap<>()), StatesTable.STORE);

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

    @Test
    void shouldAnswerLookupsFromOneReadOfItsTable() {
        // Given
        TableQueries queries = new TableQueries(new TreeMap<>(Map.of("EE", "Estonia", "FI", "Finland")));
        KnownStates states = new StatesTable(queries, StatesTable.STORE);

        // When a thousand lookups, within a second, of registered codes
        for (int lookup = 0; lookup < 1000; lookup++) {
            assertThat(states.contains(lookup % 2 == 0 ? "EE" : "FI")).isTrue();
        }

        // Then the store was obtained once, not once per lookup
        assertThat(queries.obtained()).isEqualTo(1);
    }

    @Test
    void shouldObtainTheStoreAgainOnceItsHandleFails() throws InterruptedException {
        // Given a table read through a handle that then fails, as it does when Kafka Streams restarts
        NavigableMap<String, Object> table = new TreeMap<>(Map.of("EE", "Estonia"));
        TableQueries queries = new TableQueries(table);
        KnownStates states = new StatesTable(queries, StatesTable.STORE);
        assertThat(states.contains("EE")).isTrue();
        queries.closeHandles();
        table.put("LV", "Latvia");

        // When a code the snapshot lacks is looked up once a re-read is due
        Thread.sleep(StatesTable.REREAD_INTERVAL.toMillis());

        // Then
        assertThat(states.contains("LV")).isTrue();
        assertThat(queries.obtained()).isEqualTo(2);
    }

    /**
     * Interactive queries answered by a sorted map, as a key-value store sorts its keys; counts the
     * handles it gives out, which fail once closed.
     */
    private static final class TableQueries extends InteractiveQueryService {

        private final NavigableMap<String, Object> table;
        private int obtained;
        private int closedUpTo;

        TableQueries(NavigableMap<String, Object> table) {
            super(null, null);
            this.table = table;
        }

        int obtained() {
            return obtained;
        }

        /** Closes every handle given out so far. */
        void closeHandles() {
            closedUpTo = obtained;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getQueryableStore(String storeName, QueryableStoreType<T> storeType) {
            assertThat(storeName).isEqualTo(StatesTable.STORE);
            return (T) handle(++obtained);
        }

        private ReadOnlyKeyValueStore<String, Object> handle(int number) {
            return new ReadOnlyKeyValueStore<>() {
                @Override
                public Object get(String key) {
                    requireOpen();
                    return table.get(key);
                }

                @Override
                public KeyValueIterator<String, Object> range(String from, String to) {
                    requireOpen();
                    return iterator(table.subMap(from, true, to, true).entrySet().iterator());
                }

                @Override
                public KeyValueIterator<String, Object> all() {
                    requireOpen();
                    return iterator(table.entrySet().iterator());
                }

                @Override
                public long approximateNumEntries() {
                    requireOpen();
                    return table.size();
                }

                private void requireOpen() {
                    if (number <= closedUpTo) {
                        throw new InvalidStateStoreException("the state store, " + StatesTable.STORE + ", is closed");
                    }
                }
            };
        }
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
