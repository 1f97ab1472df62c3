package org.entente.notification.ledger;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.entente.events.DisclosureRecorded;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.stereotype.Component;

/**
 * The ledger as the {@value LedgerRecorder#STORE} store holds it. A recipient's entries are one
 * prefix scan; an incident's need the whole store (oversight queries are rare; an index by incident
 * is the step when the ledger grows large). Single instance for now, as the inbox.
 */
@Component
class LedgerView {

    private final InteractiveQueryService queries;

    LedgerView(InteractiveQueryService queries) {
        this.queries = queries;
    }

    List<DisclosureRecorded> recipient(String state) {
        List<DisclosureRecorded> entries = new ArrayList<>();
        try (KeyValueIterator<String, DisclosureRecorded> iterator = store().prefixScan(state + "/", new StringSerializer())) {
            iterator.forEachRemaining(entry -> entries.add(entry.value));
        }
        return entries;
    }

    List<DisclosureRecorded> all() {
        List<DisclosureRecorded> entries = new ArrayList<>();
        try (KeyValueIterator<String, DisclosureRecorded> iterator = store().all()) {
            iterator.forEachRemaining(entry -> entries.add(entry.value));
        }
        return entries;
    }

    private ReadOnlyKeyValueStore<String, DisclosureRecorded> store() {
        return queries.getQueryableStore(LedgerRecorder.STORE, QueryableStoreTypes.keyValueStore());
    }
}
