package org.entente.platform.kafka;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * Every RocksDB store of a process shares one block cache, and their memtables are charged to
 * it: without this each store instance (one per store and partition) takes its own cache and up
 * to three 16 MB memtables, and notification-service's dozens of them reached 1.1 GB resident
 * under the benchmark. Set as Kafka Streams' {@code rocksdb.config.setter}
 * (entente-kafka-streams.yml); the shared cache and write-buffer manager live as long as the
 * process, so a store's close leaves them alone.
 */
public class BoundedRocksDbMemory implements RocksDBConfigSetter {

    static final long CACHE_BYTES = 64L * 1024 * 1024;
    static final long MEMTABLE_BYTES = 32L * 1024 * 1024;

    static {
        // The binder may load this class before Kafka Streams has loaded RocksDB's native library.
        RocksDB.loadLibrary();
    }

    private static final Cache CACHE = new LRUCache(CACHE_BYTES);
    private static final WriteBufferManager MEMTABLES = new WriteBufferManager(MEMTABLE_BYTES, CACHE);

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(MEMTABLES);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write-buffer manager are shared by every store: nothing of this store's to free.
    }
}
