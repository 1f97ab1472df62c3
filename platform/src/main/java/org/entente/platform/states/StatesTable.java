package org.entente.platform.states;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;

/**
 * The registered states as a Kafka Streams global table of {@code reference.states.v1} holds them
 * (keyed by state code; an exercise's own states, under {@code x|…} keys, are never a code). The
 * table is read through the binder's interactive queries: until it is queryable, and while it
 * holds no state at all, the states are not loaded ({@link StatesUnavailableException}). An empty
 * table is what a service sees before notification-service has seeded the reference data, and a
 * hub without a single state has no caller to serve.
 */
public final class StatesTable implements KnownStates {

    /** The store the services that do not own the reference data materialise their table as. */
    public static final String STORE = "reference-states";

    /** Every alpha-2 code sorts between these two keys, and no exercise key does. */
    private static final String FIRST_CODE = "AA";
    private static final String LAST_CODE = "ZZ";

    private final InteractiveQueryService queries;
    private final String store;

    public StatesTable(InteractiveQueryService queries, String store) {
        this.queries = queries;
        this.store = store;
    }

    @Override
    public boolean contains(String code) {
        try {
            ReadOnlyKeyValueStore<String, Object> states = queries.getQueryableStore(store, QueryableStoreTypes.keyValueStore());
            if (states.get(code) != null) {
                return true;
            }
            try (KeyValueIterator<String, Object> codes = states.range(FIRST_CODE, LAST_CODE)) {
                if (!codes.hasNext()) {
                    throw new StatesUnavailableException();
                }
            }
            return false;
        } catch (InvalidStateStoreException | IllegalStateException notQueryable) {
            throw new StatesUnavailableException(notQueryable);
        }
    }
}
