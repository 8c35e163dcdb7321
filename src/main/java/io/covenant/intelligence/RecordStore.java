package io.covenant.intelligence;

import io.covenant.shared.jdbc.OwnedStore;
import io.covenant.shared.jdbc.OwnedTable;
import io.covenant.shared.jdbc.Rows;
import io.covenant.shared.paging.Cursor;
import io.covenant.shared.paging.Dated;
import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Owned;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * An {@link OwnedStore} that is only its SQL: the insert, the update and a list's conditions name their parameters
 * after the components of the command and the filter, which {@link Rows#params} binds.
 *
 * @param insert an {@code INSERT ... RETURNING id} that also takes {@code :level}, {@code :org} and {@code :by}
 * @param update an {@code UPDATE ... WHERE id = :id}
 * @param filters the optional conditions of a list over the filter's components, as {@link OwnedTable#page} takes
 *     them
 */
abstract class RecordStore<T extends Owned & Dated, C extends Record, F extends Record> implements OwnedStore<T, C, F> {

    private final JdbcClient jdbc;

    private final OwnedTable<T> table;

    private final String insert;

    private final String update;

    private final List<String> filters;

    RecordStore(JdbcClient jdbc, OwnedTable<T> table, String insert, String update, List<String> filters) {
        this.jdbc = jdbc;
        this.table = table;
        this.insert = insert;
        this.update = update;
        this.filters = filters;
    }

    /** The command's components by name, and those the SQL takes otherwise than as they are. */
    abstract StatementSpec bind(StatementSpec spec, C command);

    @Override
    public UUID insert(C command, AccessLevel level, @Nullable UUID organizationId, UUID createdBy) {
        return table.insert(bind(jdbc.sql(insert), command), level, organizationId, createdBy);
    }

    @Override
    public OwnedTable<T> table() {
        return table;
    }

    @Override
    public List<T> page(Caller caller, F filter, @Nullable Cursor after, int limit) {
        return table.page(caller, filters, Rows.params(filter), after, limit);
    }

    @Override
    public void update(UUID id, C command) {
        bind(jdbc.sql(update), command).param("id", id).update();
    }
}
