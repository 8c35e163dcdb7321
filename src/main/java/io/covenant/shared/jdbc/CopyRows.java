package io.covenant.shared.jdbc;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;

/**
 * Rows gathered in PostgreSQL's COPY text format and streamed into a table with {@code COPY ... FROM STDIN} on the
 * current transaction's connection: the fastest way into PostgreSQL, an order of magnitude ahead of batched inserts.
 */
public final class CopyRows {

    private final StringBuilder text = new StringBuilder(1 << 16);

    private int rows;

    private int columns;

    /** Starts a row; {@link #value(Object)} then adds its columns in order. */
    public CopyRows row() {
        if (rows > 0) {
            text.append('\n');
        }
        rows++;
        columns = 0;
        return this;
    }

    /** The next column of the current row: {@code null} is SQL NULL, anything else its {@code toString()}. */
    public CopyRows value(Object value) {
        if (columns++ > 0) {
            text.append('\t');
        }
        if (value == null) {
            text.append("\\N");
            return this;
        }
        String s = value.toString();
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(ch);
            }
        }
        return this;
    }

    public int size() {
        return rows;
    }

    /**
     * Copies the gathered rows into {@code target}, a table with its column list such as {@code "t (a, b)"}, on the
     * connection of the transaction in progress; returns the number of rows PostgreSQL took.
     */
    public long into(DataSource dataSource, String target) {
        if (rows == 0) {
            return 0;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            String data = text + "\n";
            return connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY " + target + " FROM STDIN", new StringReader(data));
        } catch (SQLException ex) {
            throw new SQLExceptionSubclassTranslator().translate("COPY " + target, null, ex);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
