package io.covenant.intelligence.web;

import io.covenant.intelligence.ReportFilter;
import io.covenant.shared.web.DateRange;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The filter parameters of the analysis report list, bound as one record beside its date range and page. */
record ReportListParams(
        @Nullable UUID companyId,
        @Nullable String reportType,
        @Nullable String status) implements FilterParams<ReportFilter> {

    @Override
    public ReportFilter filter(DateRange days) {
        return new ReportFilter(companyId, reportType, status, days.from(), days.to());
    }
}
