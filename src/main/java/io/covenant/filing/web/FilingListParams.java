package io.covenant.filing.web;

import io.covenant.filing.FilingQuery;
import io.covenant.shared.web.DateRange;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The form types a filing list keeps (any of them; all when absent), bound beside its filing-date range and page. */
record FilingListParams(@Nullable List<String> form) {

    /** The query for one company's filings, or every visible company's when {@code companyId} is null. */
    FilingQuery query(@Nullable UUID companyId, DateRange filed) {
        return new FilingQuery(companyId, form, filed.from(), filed.to());
    }
}
