package io.covenant.company;

import io.covenant.shared.cache.CacheInvalidations;
import io.covenant.shared.cache.HotCache;
import io.covenant.shared.security.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Company rows by id, shared by every caller: a hit is served only after the access rule is checked again for this
 * caller, so a row cached for one organisation is never shown to another. Rows leave on any change to them, on this
 * node after commit and on every node through {@link CacheInvalidations}; misses are not kept.
 */
@Component
class CompanyCache {

    private final HotCache<UUID, Company> rows;

    CompanyCache(CacheInvalidations invalidations, MeterRegistry registry) {
        // The expiry is a safety net only: every change evicts at once.
        rows = new HotCache<>("companies", 20_000, Duration.ofMinutes(10), registry);
        invalidations.onChange("companies", this::evict);
    }

    /** The visible row, from the cache or the loader (which applies the rule in SQL). */
    Optional<Company> visible(UUID id, Caller caller, Supplier<Optional<Company>> loader) {
        Company company = rows.get(id, () -> loader.get().orElse(null));
        return company != null && caller.maySee(company) ? Optional.of(company) : Optional.empty();
    }

    void evictAfterCommit(UUID id) {
        rows.evictAfterCommit(id);
    }

    private void evict(String key) {
        if (CacheInvalidations.ALL.equals(key)) {
            rows.evictAll();
        } else {
            rows.evict(UUID.fromString(key));
        }
    }
}
