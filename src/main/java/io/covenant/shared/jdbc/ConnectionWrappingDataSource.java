package io.covenant.shared.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A data source that hands out the target's connections through {@link #wrap}, whichever {@code getConnection} is
 * called; everything else goes straight to the target.
 */
public abstract class ConnectionWrappingDataSource extends DelegatingDataSource {

    protected ConnectionWrappingDataSource(DataSource target) {
        super(target);
    }

    @Override
    public final Connection getConnection() throws SQLException {
        return wrap(super.getConnection());
    }

    @Override
    public final Connection getConnection(String username, String password) throws SQLException {
        return wrap(super.getConnection(username, password));
    }

    /** The connection as this data source hands it out: the same one prepared, or a proxy around it. */
    protected abstract Connection wrap(Connection connection) throws SQLException;
}
