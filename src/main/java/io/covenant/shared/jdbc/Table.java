package io.covenant.shared.jdbc;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A table read through one select list and row mapper: the look-ups by one condition that repositories otherwise
 * write out once per column. The condition names its one parameter {@code :value}.
 *
 * @param columns the select list, also what a {@code RETURNING} clause gives back
 */
public record Table<T>(JdbcClient jdbc, String table, String columns, RowMapper<T> mapper) {

    /** Rows read into the record {@code type} by column name ({@link Rows#mapper}). */
    public Table(JdbcClient jdbc, String table, String columns, Class<T> type) {
        this(jdbc, table, columns, Rows.mapper(type));
    }

    /** The row that meets the condition, if any; the condition must match one row at most. */
    public Optional<T> find(String condition, Object value) {
        return select(condition, value).optional();
    }

    /** The rows that meet the condition, in the order the condition's {@code ORDER BY} gives. */
    public List<T> list(String conditionAndOrder, Object value) {
        return select(conditionAndOrder, value).list();
    }

    private JdbcClient.MappedQuerySpec<T> select(String condition, Object value) {
        return jdbc.sql("SELECT " + columns + " FROM " + table + " WHERE " + condition)
                .param("value", value)
                .query(mapper);
    }
}
