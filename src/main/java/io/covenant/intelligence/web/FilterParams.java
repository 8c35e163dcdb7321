package io.covenant.intelligence.web;

import io.covenant.shared.web.DateRange;

/**
 * The query parameters that filter a list, bound as one record beside its date range and page.
 *
 * @param <F> the service's filter
 */
interface FilterParams<F> {

    /** These parameters within the days asked for, as the service takes them. */
    F filter(DateRange days);
}
