package io.covenant.company.web;

import io.covenant.company.Companies;
import io.covenant.company.Company;
import io.covenant.company.CompanyCommand;
import io.covenant.company.CompanyPage;
import io.covenant.shared.paging.Limits;
import io.covenant.shared.security.Caller;
import io.covenant.shared.web.CollectionEndpoints;
import io.covenant.shared.web.PageParams;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Company profiles: create, read, replace and delete ({@link CollectionEndpoints}), filtered lists with name and text
 * search, ticker and CIK lookups.
 */
@RestController
@RequestMapping("/api/v1/companies")
record CompanyController(Companies service) implements CollectionEndpoints<Company, CompanyCommand> {

    @GetMapping("/by-ticker/{ticker}")
    Company byTicker(Caller caller, @PathVariable String ticker) {
        return service.byTicker(caller, ticker);
    }

    @GetMapping("/by-cik/{cik}")
    Company byCik(Caller caller, @PathVariable String cik) {
        return service.byCik(caller, cik);
    }

    @GetMapping
    CompanyPage list(Caller caller, @ParameterObject CompanyListParams params, @ParameterObject PageParams page) {
        return service.list(
                caller,
                params.filter(),
                params.companySort(),
                params.ascending(),
                page.cursor(),
                page.size(),
                Limits.offset(params.offset()));
    }
}
