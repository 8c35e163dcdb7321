package io.covenant.filing.web;

import io.covenant.filing.Filing;
import io.covenant.filing.Filings;
import io.covenant.shared.paging.CursorPage;
import io.covenant.shared.security.Caller;
import io.covenant.shared.web.DateRange;
import io.covenant.shared.web.PageParams;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** SEC filings by company, form type and filing-date range. */
@RestController
record FilingController(Filings filings) {

    @GetMapping("/api/v1/companies/{id}/filings")
    CursorPage<Filing> ofCompany(
            Caller caller,
            @PathVariable UUID id,
            @ParameterObject FilingListParams params,
            @ParameterObject DateRange filed,
            @ParameterObject PageParams page) {
        return filings.list(caller, params.query(id, filed), page.cursor(), page.size());
    }

    @GetMapping("/api/v1/filings")
    CursorPage<Filing> all(
            Caller caller,
            @ParameterObject FilingListParams params,
            @ParameterObject DateRange filed,
            @ParameterObject PageParams page) {
        return filings.list(caller, params.query(null, filed), page.cursor(), page.size());
    }
}
