package org.entente.notification.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.entente.events.AlertLifecycle;
import org.entente.notification.StoreNames;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.stereotype.Component;

/**
 * A state's inbox, read from the lifecycle store. Keys start with the recipient state, so a
 * state can only ever reach its own alerts. Single instance for now: with several instances a
 * read would go to the host owning the state's partition.
 */
@Component
public class InboxView {

    private final InteractiveQueryService queries;

    InboxView(InteractiveQueryService queries) {
        this.queries = queries;
    }

    List<AlertLifecycle> inbox(String state) {
        List<AlertLifecycle> alerts = new ArrayList<>();
        try (KeyValueIterator<String, AlertLifecycle> iterator = store().prefixScan(state + "/", new StringSerializer())) {
            iterator.forEachRemaining(entry -> alerts.add(entry.value));
        }
        return alerts;
    }

    public Optional<AlertLifecycle> alert(String state, String alertId) {
        return Optional.ofNullable(store().get(state + "/" + alertId));
    }

    private ReadOnlyKeyValueStore<String, AlertLifecycle> store() {
        return queries.getQueryableStore(StoreNames.ALERTS, QueryableStoreTypes.keyValueStore());
    }
}
