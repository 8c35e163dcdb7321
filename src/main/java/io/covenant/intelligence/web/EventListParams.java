package io.covenant.intelligence.web;

import io.covenant.intelligence.IntelligenceFilter;
import io.covenant.shared.web.DateRange;
import java.math.BigDecimal;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The filter parameters of the market intelligence list, bound as one record beside its date range and page. */
record EventListParams(
        @Nullable UUID companyId,
        @Nullable String eventType,
        @Nullable BigDecimal sentimentMin,
        @Nullable BigDecimal sentimentMax)
        implements FilterParams<IntelligenceFilter> {

    @Override
    public IntelligenceFilter filter(DateRange days) {
        return new IntelligenceFilter(companyId, eventType, days.from(), days.to(), sentimentMin, sentimentMax);
    }
}
