package io.covenant.overview;

import io.covenant.filing.Filing;
import io.covenant.overview.CompanyPages.FilingsKey;
import io.covenant.shared.cache.HotCache;
import io.covenant.shared.cache.HotCaches;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The company page's hot cache: a company's latest filings, until its filings or metrics change (V75 notifies). */
@Configuration(proxyBeanMethods = false)
class CompanyPageCaches {

    @Bean
    HotCache<FilingsKey, List<Filing>> latestFilings(HotCaches caches) {
        return caches.byRow("company_page_filings", 20_000, "company_data", FilingsKey::companyId);
    }
}
