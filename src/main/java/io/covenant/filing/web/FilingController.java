package io.covenant.filing.web;

import io.covenant.filing.Filing;
import io.covenant.filing.FilingQuery;
import io.covenant.filing.Filings;
import io.covenant.shared.paging.CursorPage;
import io.covenant.shared.paging.Limits;
import io.covenant.shared.security.Caller;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** SEC filings by company, form type and filing-date range. */
@RestController
class FilingController {

    private final Filings filings;

    FilingController(Filings filings) {
        this.filings = filings;
    }

    @GetMapping("/api/v1/companies/{id}/filings")
    CursorPage<Filing> ofCompany(
            Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) List<String> form,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        return filings.list(caller, new FilingQuery(id, form, from, to), cursor, Limits.check(limit));
    }

    @GetMapping("/api/v1/filings")
    CursorPage<Filing> all(
            Caller caller,
            @RequestParam(required = false) List<String> form,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        return filings.list(caller, new FilingQuery(null, form, from, to), cursor, Limits.check(limit));
    }
}
