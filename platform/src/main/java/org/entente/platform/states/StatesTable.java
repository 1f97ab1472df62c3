package org.entente.platform.states;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;

/**
 * The registered states as a Kafka Streams global table of {@code reference.states.v1} holds them
 * (keyed by state code; an exercise's own states, under {@code x|…} keys, are never a code). Until
 * the table is queryable, and while it holds no state at all, the states are not loaded
 * ({@link StatesUnavailableException}). An empty table is what a service sees before
 * notification-service has seeded the reference data, and a hub without a single state has no
 * caller to serve.
 * <p>
 * Lookups answer from an immutable snapshot of the table's codes, not from the table: every report
 * looks up several codes, and a query per lookup (the binder resolves the store under a lock, then
 * RocksDB reads under another) held the intake's request threads in a convoy. How far the answers
 * trail the table:
 * <ul>
 * <li>a state the table lost (a tombstone) is refused at most {@link #MAX_AGE}, a second, later:
 * a lookup that finds the snapshot older than that reads the table again;</li>
 * <li>a state the table gained is accepted by its first lookup or, if the table was read in the
 * last {@link #REREAD_INTERVAL} (200 ms), by the first one after that: a lookup of a code the
 * snapshot lacks reads the table again unless it was read that recently, so that a flood of
 * unregistered codes reads it at most five times a second.</li>
 * </ul>
 * One lookup reads (a range of the codes) while the others answer from the snapshot they have, so
 * request threads never wait for each other; only the very first read is waited for. The store's
 * handle is kept between reads and obtained again once it fails (Kafka Streams restarted).
 */
public final class StatesTable implements KnownStates {

    /** The store the services that do not own the reference data materialise their table as. */
    public static final String STORE = "reference-states";

    /** The oldest snapshot a lookup answers from (give or take a read in progress, milliseconds). */
    public static final Duration MAX_AGE = Duration.ofSeconds(1);

    /** How soon after a read a code missing from the snapshot may cause another. */
    public static final Duration REREAD_INTERVAL = Duration.ofMillis(200);

    /** Every alpha-2 code sorts between these two keys, and no exercise key does. */
    private static final String FIRST_CODE = "AA";
    private static final String LAST_CODE = "ZZ";

    private final InteractiveQueryService queries;
    private final String storeName;
    private final ReentrantLock reading = new ReentrantLock();
    /** Guarded by {@link #reading}; null until obtained and after it failed. */
    private ReadOnlyKeyValueStore<String, Object> store;
    private volatile Snapshot snapshot;

    public StatesTable(InteractiveQueryService queries, String storeName) {
        this.queries = queries;
        this.storeName = storeName;
    }

    @Override
    public boolean contains(String code) {
        Snapshot current = readIfOlderThan(MAX_AGE);
        if (!current.codes().contains(code)) {
            current = readIfOlderThan(REREAD_INTERVAL);
        }
        return current.contains(code);
    }

    private Snapshot readIfOlderThan(Duration age) {
        Snapshot current = snapshot;
        if (current != null && current.youngerThan(age)) {
            return current;
        }
        if (current == null) {
            reading.lock();
        } else if (!reading.tryLock()) {
            return current;
        }
        try {
            current = snapshot;
            if (current == null || !current.youngerThan(age)) {
                current = read();
                snapshot = current;
            }
            return current;
        } finally {
            reading.unlock();
        }
    }

    private Snapshot read() {
        try {
            return Snapshot.of(codes());
        } catch (InvalidStateStoreException | IllegalStateException notQueryable) {
            return Snapshot.unreadable(notQueryable);
        }
    }

    private Set<String> codes() {
        if (store != null) {
            try {
                return codesIn(store);
            } catch (InvalidStateStoreException stale) {
                store = null;
            }
        }
        store = queries.getQueryableStore(storeName, QueryableStoreTypes.keyValueStore());
        return codesIn(store);
    }

    private static Set<String> codesIn(ReadOnlyKeyValueStore<String, Object> states) {
        Set<String> codes = new HashSet<>();
        try (KeyValueIterator<String, Object> entries = states.range(FIRST_CODE, LAST_CODE)) {
            entries.forEachRemaining(entry -> codes.add(entry.key));
        }
        return Set.copyOf(codes);
    }

    /** The codes as of one read, or why the table could not be read. */
    private record Snapshot(Set<String> codes, RuntimeException unreadable, long readAt) {

        static Snapshot of(Set<String> codes) {
            return new Snapshot(codes, null, System.nanoTime());
        }

        static Snapshot unreadable(RuntimeException cause) {
            return new Snapshot(Set.of(), cause, System.nanoTime());
        }

        boolean youngerThan(Duration age) {
            return System.nanoTime() - readAt < age.toNanos();
        }

        boolean contains(String code) {
            if (unreadable != null) {
                throw new StatesUnavailableException(unreadable);
            }
            if (codes.isEmpty()) {
                throw new StatesUnavailableException();
            }
            return codes.contains(code);
        }
    }
}
