package io.covenant.search.web;

import io.covenant.search.Search;
import io.covenant.search.SearchMode;
import io.covenant.search.SearchResults;
import io.covenant.shared.security.Caller;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/search}: ranked chunks by keyword, meaning or both. */
@RestController
record SearchController(Search search) {

    @GetMapping("/api/v1/search")
    SearchResults search(Caller caller, @ParameterObject SearchParams params) {
        int size = params.size();
        return search.search(
                caller,
                params.q(),
                SearchMode.parse(params.mode()),
                params.company(),
                params.form(),
                params.section(),
                params.from(),
                params.to(),
                size);
    }
}
