package io.covenant.shared.jdbc;

import io.covenant.shared.paging.Cursor;
import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.AccessSql;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Owned;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * A table of soft-deleted rows under the access rule, read through one alias: the look-up of a live row the caller
 * sees, the soft delete, and the newest-first keyset page. Every read carries {@link AccessSql#visible}; row-level
 * security applies beneath it.
 *
 * @param table the table name
 * @param alias the alias that {@code columns} and the page filters use
 * @param columns the select list, over {@code alias}
 */
public record OwnedTable<T extends Owned>(
        JdbcClient jdbc, String table, String alias, String columns, RowMapper<T> mapper) {

    /**
     * Runs an {@code INSERT ... RETURNING id} whose {@code :level}, {@code :org} and {@code :by} take the new row's
     * access level, owning organisation and creator; returns the new id.
     */
    public UUID insert(StatementSpec insert, AccessLevel level, @Nullable UUID organizationId, UUID createdBy) {
        return insert.param("level", level.value())
                .param("org", organizationId, Types.OTHER)
                .param("by", createdBy)
                .query(UUID.class)
                .single();
    }

    /** The live row with this id, if the caller sees it. */
    public Optional<T> findVisible(Caller caller, UUID id) {
        return AccessSql.bind(jdbc.sql(select() + alias + ".id = :id AND " + live()), caller)
                .param("id", id)
                .query(mapper)
                .optional();
    }

    /**
     * One page of the live rows the caller sees, newest first ({@code created_at DESC, id DESC}), after the cursor:
     * {@code filters} narrow it, optional conditions over the alias each kept only when {@code params} gives every
     * parameter it names a value ({@link Filters}); the keyset is one more. Fetches {@code limit + 1} rows, the extra
     * one proving a next page for {@code CursorPage.of}.
     */
    public List<T> page(Caller caller, List<String> filters, Map<String, ?> params, @Nullable Cursor after, int limit) {
        Map<String, @Nullable Object> values = new HashMap<>(params);
        values.putAll(Cursor.params(after));
        List<String> conditions = new ArrayList<>(filters);
        conditions.add(Cursor.condition(alias));
        String sql = select() + live() + Filters.and(values, conditions) + "\nORDER BY " + alias + ".created_at DESC, "
                + alias + ".id DESC LIMIT :limit";
        return AccessSql.bind(jdbc.sql(sql), caller)
                .params(values)
                .param("limit", limit + 1)
                .query(mapper)
                .list();
    }

    /** Marks the row deleted; reads no longer see it, the audit log keeps what it was. */
    public void softDelete(UUID id) {
        jdbc.sql("UPDATE " + table + " SET deleted_at = now() WHERE id = :id AND deleted_at IS NULL")
                .param("id", id)
                .update();
    }

    private String select() {
        return "SELECT " + columns + " FROM " + table + " " + alias + " WHERE ";
    }

    private String live() {
        return alias + ".deleted_at IS NULL AND " + AccessSql.visible(alias);
    }
}
