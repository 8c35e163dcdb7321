package io.covenant.shared.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Callers;

/**
 * Hands out connections that act as the current caller: {@code covenant_app} (subject to row-level security) with
 * the caller's id, organisation and role as session settings, cleared when the connection goes back to the pool.
 * Without a caller (migrations, maintenance, start-up) the connection keeps the owner's rights.
 */
class CallerAwareDataSource extends DelegatingDataSource {

	private static final String BIND = """
			SELECT set_config('role', 'covenant_app', false), set_config('covenant.user_id', ?, false),
			       set_config('covenant.org_id', ?, false), set_config('covenant.role', ?, false)""";

	private static final String CLEAR = """
			SELECT set_config('role', 'none', false), set_config('covenant.user_id', '', false),
			       set_config('covenant.org_id', '', false), set_config('covenant.role', '', false)""";

	CallerAwareDataSource(DataSource target) {
		super(target);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return bind(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return bind(super.getConnection(username, password));
	}

	private static Connection bind(Connection connection) throws SQLException {
		Optional<Caller> caller = Callers.find();
		if (caller.isEmpty()) {
			return connection;
		}
		try (PreparedStatement statement = connection.prepareStatement(BIND)) {
			statement.setString(1, caller.get().userId().toString());
			statement.setString(2, caller.get().organizationId() == null ? "" : caller.get().organizationId().toString());
			statement.setString(3, caller.get().role().value());
			statement.execute();
		}
		catch (SQLException ex) {
			connection.close();
			throw ex;
		}
		return (Connection) Proxy.newProxyInstance(CallerAwareDataSource.class.getClassLoader(),
				new Class<?>[] { Connection.class }, new ClearOnClose(connection));
	}

	private record ClearOnClose(Connection target) implements InvocationHandler {

		@Override
		public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
			if (method.getName().equals("close")) {
				clear();
			}
			if (method.getName().equals("unwrap") && args[0] == Connection.class) {
				return target;
			}
			try {
				return method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getTargetException();
			}
		}

		private void clear() throws SQLException {
			if (target.isClosed()) {
				return;
			}
			// A failed transaction must be ended before the reset can run.
			if (!target.getAutoCommit()) {
				target.rollback();
			}
			try (PreparedStatement statement = target.prepareStatement(CLEAR)) {
				statement.execute();
			}
		}

	}

}
