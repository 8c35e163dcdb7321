package io.covenant.company;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.covenant.shared.cache.CacheInvalidations;
import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.Caller;

/**
 * Company rows by id, shared by every caller: a hit is served only after the access rule is checked again for this
 * caller, so a row cached for one organisation is never shown to another. Rows leave on any change to them, on this
 * node after commit and on every node through {@link CacheInvalidations}; misses are not kept.
 */
@Component
class CompanyCache {

	private final Cache<UUID, Company> rows = Caffeine.newBuilder()
		.maximumSize(20_000)
		// A safety net only: every change evicts at once.
		.expireAfterWrite(Duration.ofMinutes(10))
		.recordStats()
		.build();

	/** Counts evictions, so that a load racing with one does not stay cached. */
	private final AtomicLong evictions = new AtomicLong();

	CompanyCache(CacheInvalidations invalidations, MeterRegistry registry) {
		invalidations.onChange("companies", this::evict);
		CaffeineCacheMetrics.monitor(registry, rows, "companies");
	}

	/**
	 * The visible row, from the cache or the loader (which applies the rule in SQL). Inside a writing transaction the
	 * cache is bypassed: a row read there may not be committed yet.
	 */
	Optional<Company> visible(UUID id, Caller caller, Supplier<Optional<Company>> loader) {
		if (TransactionSynchronizationManager.isActualTransactionActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			return loader.get();
		}
		Company cached = rows.getIfPresent(id);
		if (cached != null) {
			return visibleTo(cached, caller) ? Optional.of(cached) : Optional.empty();
		}
		long generation = evictions.get();
		Optional<Company> loaded = loader.get();
		loaded.ifPresent(company -> {
			rows.put(id, company);
			// An eviction since the load began may concern what was loaded: drop it rather than keep a stale row.
			if (evictions.get() != generation) {
				rows.invalidate(id);
			}
		});
		return loaded;
	}

	void evictAfterCommit(UUID id) {
		CacheInvalidations.afterCommit(() -> evict(id.toString()));
	}

	private void evict(String key) {
		evictions.incrementAndGet();
		if (CacheInvalidations.ALL.equals(key)) {
			rows.invalidateAll();
		}
		else {
			rows.invalidate(UUID.fromString(key));
		}
	}

	/** The access rule of {@code AccessSql.visible}, for a row already loaded. */
	static boolean visibleTo(Company company, Caller caller) {
		return caller.isSuperAdmin() || company.accessLevel() == AccessLevel.SYSTEM
				|| company.accessLevel() == AccessLevel.PERSONAL && caller.userId().equals(company.createdBy())
				|| company.accessLevel() == AccessLevel.ORGANIZATION && company.organizationId() != null
						&& company.organizationId().equals(caller.organizationId());
	}

}
