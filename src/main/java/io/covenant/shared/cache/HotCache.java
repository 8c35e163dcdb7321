package io.covenant.shared.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.covenant.shared.jdbc.ReadRouting;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A Caffeine cache of a hot read, kept correct by eviction rather than by expiry: the owner evicts what a write
 * changed (on this node after commit, on every node through {@link CacheInvalidations}). Hit ratios are published
 * as {@code cache.gets} etc. under the cache's name.
 *
 * <p>Three rules keep a stale or foreign value out: inside a writing transaction the cache is bypassed (what is read
 * there may never commit); a load that an eviction overtook is not kept; and loads read the primary, since a replica
 * may not yet have replayed the write whose notification just evicted the entry. Absent values are never kept.
 */
public final class HotCache<K, V> {

    private final Cache<K, V> entries;

    /** Counts evictions, so that a load racing with one does not stay cached. */
    private final AtomicLong evictions = new AtomicLong();

    public HotCache(String name, long maximumSize, Duration safetyExpiry, MeterRegistry registry) {
        entries = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfterWrite(safetyExpiry)
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, entries, name);
    }

    /** The cached value, else the loader's (kept unless null). */
    public V get(K key, Supplier<V> loader) {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return loader.get();
        }
        V cached = entries.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        long generation = evictions.get();
        V loaded = ReadRouting.onPrimary(loader);
        if (loaded != null) {
            entries.put(key, loaded);
            if (evictions.get() != generation) {
                entries.invalidate(key);
            }
        }
        return loaded;
    }

    /**
     * The values of these keys, the missing ones loaded together by {@code loader} (which returns what it found; a
     * key it leaves out is absent and not kept).
     */
    public Map<K, V> getAll(Collection<K> keys, Function<Set<K>, Map<K, V>> loader) {
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return loader.apply(new LinkedHashSet<>(keys));
        }
        Map<K, V> found = new LinkedHashMap<>(entries.getAllPresent(keys));
        if (found.size() == keys.size()) {
            return found;
        }
        Set<K> missing = new LinkedHashSet<>(keys);
        missing.removeAll(found.keySet());
        long generation = evictions.get();
        Map<K, V> loaded = ReadRouting.onPrimary(() -> loader.apply(missing));
        entries.putAll(loaded);
        if (evictions.get() != generation) {
            entries.invalidateAll(loaded.keySet());
        }
        found.putAll(loaded);
        return found;
    }

    /** The cached value without loading, or null. */
    public V peek(K key) {
        return entries.getIfPresent(key);
    }

    public void evict(K key) {
        evictions.incrementAndGet();
        entries.invalidate(key);
    }

    public void evictIf(Predicate<K> changed) {
        evictions.incrementAndGet();
        entries.asMap().keySet().removeIf(changed);
    }

    public void evictAll() {
        evictions.incrementAndGet();
        entries.invalidateAll();
    }

    public void evictAfterCommit(K key) {
        CacheInvalidations.afterCommit(() -> evict(key));
    }
}
