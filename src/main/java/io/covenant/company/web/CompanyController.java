package io.covenant.company.web;

import io.covenant.company.Companies;
import io.covenant.company.Company;
import io.covenant.company.CompanyCommand;
import io.covenant.company.CompanyPage;
import io.covenant.shared.paging.Limits;
import io.covenant.shared.security.Caller;
import io.covenant.shared.web.PageParams;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Company profiles: CRUD, filtered lists, name and text search, ticker and CIK lookups. */
@RestController
@RequestMapping("/api/v1/companies")
record CompanyController(Companies companies) {

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Company create(Caller caller, @Valid @RequestBody CompanyCommand command) {
        return companies.create(caller, command);
    }

    @GetMapping("/{id}")
    Company get(Caller caller, @PathVariable UUID id) {
        return companies.get(caller, id);
    }

    @GetMapping("/by-ticker/{ticker}")
    Company byTicker(Caller caller, @PathVariable String ticker) {
        return companies.byTicker(caller, ticker);
    }

    @GetMapping("/by-cik/{cik}")
    Company byCik(Caller caller, @PathVariable String cik) {
        return companies.byCik(caller, cik);
    }

    @PutMapping("/{id}")
    Company update(Caller caller, @PathVariable UUID id, @Valid @RequestBody CompanyCommand command) {
        return companies.update(caller, id, command);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Caller caller, @PathVariable UUID id) {
        companies.delete(caller, id);
    }

    @GetMapping
    CompanyPage list(Caller caller, @ParameterObject CompanyListParams params, @ParameterObject PageParams page) {
        return companies.list(
                caller,
                params.filter(),
                params.companySort(),
                params.ascending(),
                page.cursor(),
                page.size(),
                Limits.offset(params.offset()));
    }
}
