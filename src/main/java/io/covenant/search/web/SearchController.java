package io.covenant.search.web;

import io.covenant.search.Search;
import io.covenant.search.SearchMode;
import io.covenant.search.SearchResults;
import io.covenant.shared.error.InvalidInput;
import io.covenant.shared.security.Caller;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/search}: ranked chunks by keyword, meaning or both. */
@RestController
class SearchController {

    private final Search search;

    SearchController(Search search) {
        this.search = search;
    }

    @GetMapping("/api/v1/search")
    SearchResults search(
            Caller caller,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String mode,
            @RequestParam(required = false) UUID company,
            @RequestParam(required = false) String form,
            @RequestParam(required = false) String section,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) Integer limit) {
        int n = limit == null ? 10 : limit;
        if (n < 1 || n > 50) {
            throw InvalidInput.of("limit", "must be between 1 and 50");
        }
        return search.search(caller, q, SearchMode.parse(mode), company, form, section, from, to, n);
    }
}
