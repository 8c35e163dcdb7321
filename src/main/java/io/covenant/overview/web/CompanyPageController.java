package io.covenant.overview.web;

import io.covenant.overview.CompanyPage;
import io.covenant.overview.CompanyPages;
import io.covenant.shared.error.InvalidInput;
import io.covenant.shared.security.Caller;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The company page: profile, latest filings and latest metrics in one response. */
@RestController
record CompanyPageController(CompanyPages pages) {

    @GetMapping("/api/v1/companies/{id}/page")
    CompanyPage page(Caller caller, @PathVariable UUID id, @RequestParam(defaultValue = "10") int filings) {
        if (filings < 1 || filings > 100) {
            throw InvalidInput.of("filings", "must be between 1 and 100");
        }
        return pages.of(caller, id, filings);
    }
}
