package org.entente.notification.fanout;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.BuiltInDslStoreSuppliers;
import org.apache.kafka.streams.state.DslKeyValueParams;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The fan-out application's DSL stores (its global tables of reference data) in memory, each
 * counting its changes: the fan-out keeps the reference data decoded and indexed
 * ({@link ReferenceSnapshot}) and rebuilds it only after a table changed, instead of reading and
 * decoding every agreement for every incident. Kafka Streams makes this class from
 * {@code dsl.store.suppliers.class}, so the counts are kept by store name, for the process.
 * <p>
 * A store restored at start-up is filled without being counted; the snapshot is first built
 * after that, when the first incident arrives.
 */
public class ChangeCountingStores extends BuiltInDslStoreSuppliers.InMemoryDslStoreSuppliers {

    private static final ConcurrentMap<String, AtomicLong> CHANGES = new ConcurrentHashMap<>();

    /** Whether this process made a store of that name, so that its changes are counted. */
    static boolean counts(String storeName) {
        return CHANGES.containsKey(storeName);
    }

    /** How many changes the store of that name has had since the process started. */
    static long changes(String storeName) {
        AtomicLong changes = CHANGES.get(storeName);
        return changes == null ? 0 : changes.get();
    }

    private static AtomicLong counter(String storeName) {
        return CHANGES.computeIfAbsent(storeName, name -> new AtomicLong());
    }

    @Override
    public KeyValueBytesStoreSupplier keyValueStore(DslKeyValueParams params) {
        KeyValueBytesStoreSupplier inMemory = super.keyValueStore(params);
        return new KeyValueBytesStoreSupplier() {
            @Override
            public String name() {
                return inMemory.name();
            }

            @Override
            public KeyValueStore<Bytes, byte[]> get() {
                return new Counting(inMemory.get(), counter(inMemory.name()));
            }

            @Override
            public String metricsScope() {
                return inMemory.metricsScope();
            }
        };
    }

    /** A store that counts every write, and otherwise is the store it wraps. */
    private static final class Counting implements KeyValueStore<Bytes, byte[]> {

        private final KeyValueStore<Bytes, byte[]> store;
        private final AtomicLong changes;

        Counting(KeyValueStore<Bytes, byte[]> store, AtomicLong changes) {
            this.store = store;
            this.changes = changes;
        }

        @Override
        public void put(Bytes key, byte[] value) {
            store.put(key, value);
            changes.incrementAndGet();
        }

        @Override
        public byte[] putIfAbsent(Bytes key, byte[] value) {
            byte[] previous = store.putIfAbsent(key, value);
            changes.incrementAndGet();
            return previous;
        }

        @Override
        public void putAll(List<KeyValue<Bytes, byte[]>> entries) {
            store.putAll(entries);
            changes.incrementAndGet();
        }

        @Override
        public byte[] delete(Bytes key) {
            byte[] previous = store.delete(key);
            changes.incrementAndGet();
            return previous;
        }

        @Override
        public byte[] get(Bytes key) {
            return store.get(key);
        }

        @Override
        public KeyValueIterator<Bytes, byte[]> range(Bytes from, Bytes to) {
            return store.range(from, to);
        }

        @Override
        public KeyValueIterator<Bytes, byte[]> reverseRange(Bytes from, Bytes to) {
            return store.reverseRange(from, to);
        }

        @Override
        public KeyValueIterator<Bytes, byte[]> all() {
            return store.all();
        }

        @Override
        public KeyValueIterator<Bytes, byte[]> reverseAll() {
            return store.reverseAll();
        }

        @Override
        public <S extends Serializer<P>, P> KeyValueIterator<Bytes, byte[]> prefixScan(P prefix, S prefixKeySerializer) {
            return store.prefixScan(prefix, prefixKeySerializer);
        }

        @Override
        public long approximateNumEntries() {
            return store.approximateNumEntries();
        }

        @Override
        public String name() {
            return store.name();
        }

        @Override
        public void init(StateStoreContext context, StateStore root) {
            store.init(context, root);
        }

        @Override
        public void flush() {
            store.flush();
        }

        @Override
        public void close() {
            store.close();
        }

        @Override
        public boolean persistent() {
            return store.persistent();
        }

        @Override
        public boolean isOpen() {
            return store.isOpen();
        }

        @Override
        public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
            return store.query(query, positionBound, config);
        }

        @Override
        public Position getPosition() {
            return store.getPosition();
        }
    }
}
