package io.covenant.shared.jdbc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Callers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Hands out connections that act as the current caller: {@code covenant_app} (subject to row-level security) with
 * the caller's id, organisation and role as session settings. Without a caller (migrations, maintenance, start-up)
 * a connection has the owner's rights.
 *
 * <p>Every checkout sets the binding the current thread needs, so a pooled connection never carries an earlier
 * caller into a new use. The binding is remembered per physical connection and only sent when it changes, which
 * spares a database round trip on most requests.
 */
class CallerAwareDataSource extends ConnectionWrappingDataSource {

    private static final String BIND = """
			SELECT set_config('role', ?, false), set_config('covenant.user_id', ?, false),
			       set_config('covenant.org_id', ?, false), set_config('covenant.role', ?, false)""";

    private static final String OWNER = "";

    /**
     * Weak keys compared by identity, without one lock for all checkouts: the synchronized {@code WeakHashMap} this
     * was before made request threads queue on every checkout under load (JFR, docs/benchmarks.md).
     */
    private final Cache<Object, String> bindings =
            Caffeine.newBuilder().weakKeys().build();

    CallerAwareDataSource(DataSource target) {
        super(target);
    }

    /** Binds the current caller to the connection, unless it already carries that binding. */
    @Override
    protected Connection wrap(Connection connection) throws SQLException {
        Optional<Caller> caller = Callers.find();
        String wanted = caller.map(c ->
                        c.userId() + "|" + c.organizationId() + "|" + c.role().value())
                .orElse(OWNER);
        Object physical =
                connection.isWrapperFor(PGConnection.class) ? connection.unwrap(PGConnection.class) : connection;
        String current = Objects.requireNonNullElse(bindings.getIfPresent(physical), OWNER);
        if (current.equals(wanted)) {
            return connection;
        }
        try (PreparedStatement statement = connection.prepareStatement(BIND)) {
            statement.setString(1, caller.isPresent() ? "covenant_app" : "none");
            statement.setString(2, caller.map(c -> c.userId().toString()).orElse(""));
            statement.setString(
                    3,
                    caller.map(c -> c.organizationId() == null
                                    ? ""
                                    : c.organizationId().toString())
                            .orElse(""));
            statement.setString(4, caller.map(c -> c.role().value()).orElse(""));
            statement.execute();
            bindings.put(physical, wanted);
        } catch (SQLException ex) {
            bindings.invalidate(physical);
            connection.close();
            throw ex;
        }
        return connection;
    }
}
