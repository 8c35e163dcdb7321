package io.covenant.ops;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out connections whose statements are timed by {@link SlowStatements}; everything else, {@code unwrap}
 * included, goes straight to the pool's connection.
 */
class StatementTimingDataSource extends DelegatingDataSource {

    private final Supplier<SlowStatements> statements;

    StatementTimingDataSource(DataSource target, Supplier<SlowStatements> statements) {
        super(target);
        this.statements = statements;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return timed(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return timed(super.getConnection(username, password));
    }

    private Connection timed(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Connection.class}, new ConnectionHandler(connection));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException ex) {
            throw ex.getCause();
        }
    }

    private final class ConnectionHandler implements InvocationHandler {

        private final Connection target;

        ConnectionHandler(Connection target) {
            this.target = target;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object result = StatementTimingDataSource.invoke(target, method, args);
            String name = method.getName();
            if (result instanceof CallableStatement statement) {
                return wrap(statement, CallableStatement.class, (String) args[0]);
            }
            if (result instanceof PreparedStatement statement) {
                return wrap(statement, PreparedStatement.class, (String) args[0]);
            }
            if (result instanceof Statement statement && name.equals("createStatement")) {
                return wrap(statement, Statement.class, null);
            }
            return result;
        }

        private Object wrap(Statement statement, Class<?> type, String sql) {
            return Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[] {type}, new StatementHandler(statement, sql));
        }
    }

    private final class StatementHandler implements InvocationHandler {

        private final Statement target;

        private final String preparedSql;

        StatementHandler(Statement target, String preparedSql) {
            this.target = target;
            this.preparedSql = preparedSql;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (!method.getName().startsWith("execute")) {
                return StatementTimingDataSource.invoke(target, method, args);
            }
            String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : preparedSql;
            long started = System.nanoTime();
            try {
                return StatementTimingDataSource.invoke(target, method, args);
            } finally {
                SlowStatements recorder = statements.get();
                if (recorder != null) {
                    recorder.record(sql, System.nanoTime() - started);
                }
            }
        }
    }
}
