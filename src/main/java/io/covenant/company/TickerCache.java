package io.covenant.company;

import io.covenant.shared.cache.CacheInvalidations;
import io.covenant.shared.cache.HotCache;
import io.covenant.shared.security.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The answer of a ticker lookup per visibility scope: which company a symbol names depends on who asks (their own
 * and their organisation's rows come before a shared one), so the key is the symbol and the caller's scope (user and
 * organisation; one scope for every super_admin). A hit costs no query. Any insert, change or removal of a company
 * with the symbol evicts every scope's answer for it, here after commit and on every node through the
 * {@code company_symbols} notification (V75).
 */
@Component
class TickerCache {

    record Key(String symbol, String scope) {}

    private final HotCache<Key, Company> answers;

    TickerCache(CacheInvalidations invalidations, MeterRegistry registry) {
        answers = new HotCache<>("companies_by_ticker", 50_000, Duration.ofMinutes(10), registry);
        invalidations.onChange("company_symbols", symbol -> {
            if (CacheInvalidations.ALL.equals(symbol)) {
                answers.evictAll();
            } else {
                answers.evictIf(key -> key.symbol().equals(symbol));
            }
        });
    }

    Optional<Company> visible(String ticker, Caller caller, Supplier<Optional<Company>> loader) {
        Company company = answers.get(
                new Key(normalized(ticker), scope(caller)), () -> loader.get().orElse(null));
        // The scope already is the access rule; checked again so that a mistake in it cannot show a foreign row.
        return company != null && caller.maySee(company) ? Optional.of(company) : Optional.empty();
    }

    void evictAfterCommit(Collection<String> symbols) {
        CacheInvalidations.afterCommit(() -> symbols.forEach(symbol -> {
            String normalized = normalized(symbol);
            answers.evictIf(key -> key.symbol().equals(normalized));
        }));
    }

    static String normalized(String ticker) {
        return ticker.trim().toUpperCase(Locale.ROOT);
    }

    private static String scope(Caller caller) {
        return caller.isSuperAdmin() ? "*" : caller.userId() + "/" + caller.organizationId();
    }
}
