package io.covenant.shared.jdbc;

import io.covenant.shared.paging.Cursor;
import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.AccessSql;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Owned;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
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
 * @param alias the alias that {@code columns} and the page conditions use
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
     * {@code conditions} (SQL over the alias, each line starting with {@code AND}) narrow it, {@code params} binds
     * them. Fetches {@code limit + 1} rows, the extra one proving a next page for {@code CursorPage.of}.
     */
    public List<T> page(
            Caller caller, String conditions, UnaryOperator<StatementSpec> params, Cursor after, int limit) {
        String sql = select() + live() + "\n" + conditions + "\n  AND " + Cursor.after(alias) + "\nORDER BY " + alias
                + ".created_at DESC, " + alias + ".id DESC LIMIT :limit";
        return params.apply(Cursor.bind(AccessSql.bind(jdbc.sql(sql), caller), after))
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
