package io.covenant.shared.cache;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Makes the modules' hot caches of rows: each measured under its name, and emptied of what a change of its table's
 * rows touches as {@link CacheInvalidations} reports it. An entry lives ten minutes at most, should a notification
 * be lost.
 */
@Component
@RequiredArgsConstructor
public class HotCaches {

    private static final Duration SAFETY_EXPIRY = Duration.ofMinutes(10);

    private final CacheInvalidations invalidations;

    private final MeterRegistry registry;

    /** A cache keyed by the id of the table's row it holds. */
    public <V> HotCache<UUID, V> byRowId(String name, long maximumSize, String table) {
        HotCache<UUID, V> cache = new HotCache<>(name, maximumSize, SAFETY_EXPIRY, registry);
        invalidations.onChange(table, cache::evictAll, cache::evict);
        return cache;
    }

    /** A cache whose keys each name one row of the table ({@code rowOf}); a change of the row evicts them all. */
    public <K, V> HotCache<K, V> byRow(String name, long maximumSize, String table, Function<K, UUID> rowOf) {
        HotCache<K, V> cache = new HotCache<>(name, maximumSize, SAFETY_EXPIRY, registry);
        invalidations.onChange(
                table,
                cache::evictAll,
                changed -> cache.evictIf(key -> rowOf.apply(key).equals(changed)));
        return cache;
    }
}
