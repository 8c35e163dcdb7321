package io.covenant.shared.jdbc;

import io.covenant.shared.paging.Cursor;
import io.covenant.shared.paging.Dated;
import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Owned;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The SQL of one kind of row under the access rule, as {@link OwnedRows} uses it: what differs from table to table
 * (the columns a command writes, the filters of a list); look-up and soft delete are the {@link #table}'s.
 *
 * @param <T> the row
 * @param <C> the command that creates or replaces a row
 * @param <F> the filters of a list
 */
public interface OwnedStore<T extends Owned & Dated, C, F> {

    OwnedTable<T> table();

    /** Inserts the row owned as given; returns its id. */
    UUID insert(C command, AccessLevel level, @Nullable UUID organizationId, UUID createdBy);

    /** One newest-first page of the live rows the caller sees ({@code limit + 1} rows, see {@link OwnedTable#page}). */
    List<T> page(Caller caller, F filter, @Nullable Cursor after, int limit);

    /** Replaces the fields the command holds; ownership never changes. */
    void update(UUID id, C command);
}
