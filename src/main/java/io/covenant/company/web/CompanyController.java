package io.covenant.company.web;

import io.covenant.company.Companies;
import io.covenant.company.Company;
import io.covenant.company.CompanyCommand;
import io.covenant.company.CompanyFilter;
import io.covenant.company.CompanyPage;
import io.covenant.company.CompanySort;
import io.covenant.shared.error.InvalidInput;
import io.covenant.shared.paging.Limits;
import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.Caller;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Company profiles: CRUD, filtered lists, name and text search, ticker and CIK lookups. */
@RestController
@RequestMapping("/api/v1/companies")
class CompanyController {

    private final Companies companies;

    CompanyController(Companies companies) {
        this.companies = companies;
    }

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
    CompanyPage list(
            Caller caller,
            @RequestParam(required = false) String sector,
            @RequestParam(required = false) String subsector,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String exchange,
            @RequestParam(name = "access_level", required = false) String accessLevel,
            @RequestParam(name = "market_cap_min", required = false) Long marketCapMin,
            @RequestParam(name = "market_cap_max", required = false) Long marketCapMax,
            @RequestParam(name = "founded_year_min", required = false) Integer foundedYearMin,
            @RequestParam(name = "founded_year_max", required = false) Integer foundedYearMax,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String order,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Integer offset) {
        CompanyFilter filter = new CompanyFilter(
                sector,
                subsector,
                category,
                country,
                exchange,
                AccessLevel.parse(accessLevel),
                marketCapMin,
                marketCapMax,
                foundedYearMin,
                foundedYearMax,
                blankToNull(q),
                blankToNull(name));
        return companies.list(
                caller,
                filter,
                CompanySort.of(sort),
                ascending(order),
                cursor,
                Limits.check(limit),
                Limits.offset(offset));
    }

    private static Boolean ascending(String order) {
        if (order == null) {
            return null;
        }
        return switch (order.toLowerCase(Locale.ROOT)) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw InvalidInput.of("order", "must be asc or desc");
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
