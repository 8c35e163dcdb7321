package io.covenant.intelligence.web;

import io.covenant.shared.jdbc.OwnedRows;
import io.covenant.shared.paging.CursorPage;
import io.covenant.shared.paging.Dated;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Owned;
import io.covenant.shared.security.OwnedCommand;
import io.covenant.shared.web.CollectionEndpoints;
import io.covenant.shared.web.DateRange;
import io.covenant.shared.web.PageParams;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The endpoints of a kind of {@link OwnedRows}: its items and collection ({@link CollectionEndpoints}) and its list,
 * filtered by {@code P} and a date range, newest first by cursor. A controller names the types and the path.
 *
 * @param <T> the row
 * @param <C> the command that creates or replaces a row
 * @param <F> the service's filter
 * @param <P> the query parameters that make the filter
 */
interface OwnedRowEndpoints<T extends Owned & Dated, C extends OwnedCommand, F, P extends FilterParams<F>>
        extends CollectionEndpoints<T, C> {

    @Override
    OwnedRows<T, C, F> service();

    @GetMapping
    default CursorPage<T> list(
            Caller caller,
            @ParameterObject P params,
            @ParameterObject DateRange days,
            @ParameterObject PageParams page) {
        return service().list(caller, params.filter(days), page.cursor(), page.size());
    }
}
