package org.entente.notification.fanout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.entente.events.Agreement;
import org.entente.events.ContactChain;
import org.entente.events.StateProfile;
import org.entente.notification.StoreNames;
import org.entente.schemas.ExerciseKeys;

/**
 * The fan-out's reference data decoded and indexed, rebuilt only when a global table changed
 * ({@link ChangeCountingStores}): routing an incident then reads the agreements its reporter is a
 * party to, not every agreement. One snapshot serves every fan-out task of the instance (the
 * global stores are the instance's), so it is built under a lock and read as an immutable value.
 * <p>
 * Agreements are indexed by scope, {@code ""} for the live data or an exercise's key prefix
 * ({@link ExerciseKeys}), then by party; states and contact chains by their key in the store.
 */
final class ReferenceSnapshot {

    /** The indexed data, as of the change counts it was built at; records per scope counted once per build. */
    record Data(Map<String, Map<String, List<Agreement>>> agreementsByScopeAndParty, Map<String, Integer> agreementsByScope,
            Map<String, StateProfile> states, Map<String, Integer> statesByScope, Map<String, ContactChain> contacts,
            Map<String, Integer> contactsByScope) {

        static final Data EMPTY = new Data(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

        List<Agreement> agreements(String scope, String party) {
            return agreementsByScopeAndParty.getOrDefault(scope, Map.of()).getOrDefault(party, List.of());
        }

        int agreementCount(String scope) {
            return agreementsByScope.getOrDefault(scope, 0);
        }

        int stateCount(String scope) {
            return statesByScope.getOrDefault(scope, 0);
        }

        int contactCount(String scope) {
            return contactsByScope.getOrDefault(scope, 0);
        }
    }

    private long agreementsSeen = -1;
    private long contactsSeen = -1;
    private long statesSeen = -1;
    private volatile Data data = Data.EMPTY;

    /** The data as the stores hold it now, rebuilt first if one of them changed since the last build. */
    synchronized Data current(TimestampedKeyValueStore<String, Agreement> agreements,
            TimestampedKeyValueStore<String, ContactChain> contacts, TimestampedKeyValueStore<String, StateProfile> states) {
        long agreementChanges = ChangeCountingStores.changes(StoreNames.AGREEMENTS);
        long contactChanges = ChangeCountingStores.changes(StoreNames.CONTACTS);
        long stateChanges = ChangeCountingStores.changes(StoreNames.STATES);
        if (agreementChanges == agreementsSeen && contactChanges == contactsSeen && stateChanges == statesSeen && counted()) {
            return data;
        }
        Data before = data;
        Map<String, Map<String, List<Agreement>>> byScopeAndParty = before.agreementsByScopeAndParty();
        Map<String, Integer> byScope = before.agreementsByScope();
        if (agreementChanges != agreementsSeen || !counted()) {
            byScopeAndParty = new HashMap<>();
            byScope = new HashMap<>();
            for (Map.Entry<String, Agreement> entry : read(agreements).entrySet()) {
                String scope = scope(entry.getKey());
                byScope.merge(scope, 1, Integer::sum);
                for (String party : entry.getValue().getParties()) {
                    byScopeAndParty.computeIfAbsent(scope, s -> new HashMap<>()).computeIfAbsent(party, p -> new ArrayList<>())
                            .add(entry.getValue());
                }
            }
        }
        Map<String, StateProfile> stateMap = stateChanges != statesSeen || !counted() ? read(states) : before.states();
        Map<String, ContactChain> contactMap = contactChanges != contactsSeen || !counted() ? read(contacts) : before.contacts();
        data = new Data(byScopeAndParty, byScope, stateMap, perScope(stateMap), contactMap, perScope(contactMap));
        agreementsSeen = agreementChanges;
        contactsSeen = contactChanges;
        statesSeen = stateChanges;
        return data;
    }

    /**
     * Without {@code dsl.store.suppliers.class} set to {@link ChangeCountingStores} nothing says
     * when a table changed, and the snapshot is rebuilt for every incident: right, but slow.
     */
    private static boolean counted() {
        return ChangeCountingStores.counts(StoreNames.AGREEMENTS) && ChangeCountingStores.counts(StoreNames.CONTACTS)
                && ChangeCountingStores.counts(StoreNames.STATES);
    }

    private static <V> Map<String, V> read(TimestampedKeyValueStore<String, V> store) {
        Map<String, V> values = new HashMap<>();
        try (KeyValueIterator<String, ValueAndTimestamp<V>> iterator = store.all()) {
            iterator.forEachRemaining(entry -> values.put(entry.key, entry.value.value()));
        }
        return values;
    }

    private static Map<String, Integer> perScope(Map<String, ?> byKey) {
        Map<String, Integer> counts = new HashMap<>();
        byKey.keySet().forEach(key -> counts.merge(scope(key), 1, Integer::sum));
        return counts;
    }

    /** {@code ""} for the live data, else the exercise's key prefix. */
    static String scope(String key) {
        return ExerciseKeys.isExercise(key) ? key.substring(0, key.indexOf('|', 2) + 1) : "";
    }
}
