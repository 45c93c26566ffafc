package dev.rainmaker.status.messaging;

import java.util.Map;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Keeps RocksDB's memory small and bounded (the service's goal is under 300 MiB RSS in a burst of 1,000): one block
 * cache of 8 MiB shared by every store instance (one per task), which also counts the memtables (at most 4 MiB, via
 * the write buffer manager), instead of RocksDB's default 50 MiB block cache and 3 × 16 MiB memtables per store.
 * A customer's status is a few KiB, so a thousand fit in the cache.
 */
public class BoundedRocksDb implements RocksDBConfigSetter {

    private static final long CACHE_BYTES = 8L * 1024 * 1024;
    private static final long MEMTABLE_BYTES = 4L * 1024 * 1024;
    private static final long WRITE_BUFFER_BYTES = 1024L * 1024;

    private static final Cache CACHE = new LRUCache(CACHE_BYTES, -1, false, 0.1);
    private static final WriteBufferManager WRITE_BUFFERS = new WriteBufferManager(MEMTABLE_BYTES, CACHE);

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setWriteBufferManager(WRITE_BUFFERS);
        options.setWriteBufferSize(WRITE_BUFFER_BYTES);
        options.setMaxWriteBufferNumber(2);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write buffer manager are shared by every store: they live as long as the process.
    }
}
