package org.entente.notification.reference;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.entente.events.Agreement;
import org.entente.events.ContactChain;
import org.entente.events.StateProfile;
import org.entente.notification.StoreNames;
import org.entente.schemas.ExerciseKeys;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.stereotype.Component;

/**
 * The live reference data as the fan-out sees it: the global stores built from the compacted
 * topics, without what exercises brought ({@link ExerciseReference}).
 */
@Component
public class ReferenceDataView {

    private final InteractiveQueryService queries;

    ReferenceDataView(InteractiveQueryService queries) {
        this.queries = queries;
    }

    public List<StateProfile> states() {
        return all(StoreNames.STATES);
    }

    public Optional<StateProfile> state(String code) {
        return Optional.ofNullable(this.<StateProfile>store(StoreNames.STATES).get(code));
    }

    public List<ContactChain> contacts() {
        return all(StoreNames.CONTACTS);
    }

    public Optional<ContactChain> contacts(String state) {
        return Optional.ofNullable(this.<ContactChain>store(StoreNames.CONTACTS).get(state));
    }

    public List<Agreement> agreements() {
        return all(StoreNames.AGREEMENTS);
    }

    public Optional<Agreement> agreement(String id) {
        return Optional.ofNullable(this.<Agreement>store(StoreNames.AGREEMENTS).get(id));
    }

    private <V> List<V> all(String storeName) {
        List<V> values = new ArrayList<>();
        try (KeyValueIterator<String, V> iterator = this.<V>store(storeName).all()) {
            iterator.forEachRemaining(entry -> {
                if (!ExerciseKeys.isExercise(entry.key)) {
                    values.add(entry.value);
                }
            });
        }
        return values;
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        return queries.getQueryableStore(name, QueryableStoreTypes.keyValueStore());
    }
}
