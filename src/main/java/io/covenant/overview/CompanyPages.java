package io.covenant.overview;

import io.covenant.company.Companies;
import io.covenant.company.Company;
import io.covenant.filing.Filing;
import io.covenant.filing.Filings;
import io.covenant.metric.Metrics;
import io.covenant.shared.audit.Audited;
import io.covenant.shared.cache.CacheInvalidations;
import io.covenant.shared.cache.HotCache;
import io.covenant.shared.security.Caller;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the company page in a fixed number of queries (profile, filings, metrics), whatever the company holds, and
 * in none when all three are cached: the profile and latest metrics by their own services, the latest filings here.
 * The caller's right to the page is the company lookup's, checked on every call; what is cached after it is the same
 * for every caller who passes.
 */
@Service
@RequiredArgsConstructor
public class CompanyPages {

    record FilingsKey(UUID companyId, int count) {}

    private final Companies companies;

    private final Filings filings;

    private final Metrics metrics;

    private final HotCache<FilingsKey, List<Filing>> latestFilings;

    /** A filing recorded through this node: its writer's next page read here must show it without waiting for NOTIFY. */
    @EventListener
    void on(Audited event) {
        if (event.eventType().startsWith("filing.") && event.entityId() != null) {
            UUID changed = event.entityId();
            CacheInvalidations.afterCommit(
                    () -> latestFilings.evictIf(key -> key.companyId().equals(changed)));
        }
    }

    @Transactional(readOnly = true)
    public CompanyPage of(Caller caller, UUID id, int filingCount) {
        Company company = companies.get(caller, id);
        List<Filing> latest =
                latestFilings.get(new FilingsKey(id, filingCount), () -> filings.latestOf(Set.of(id), filingCount)
                        .getOrDefault(id, List.of()));
        return new CompanyPage(
                company, latest, metrics.latestOf(Set.of(id), null).getOrDefault(id, List.of()));
    }
}
