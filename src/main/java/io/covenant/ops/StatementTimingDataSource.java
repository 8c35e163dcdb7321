package io.covenant.ops;

import io.covenant.shared.jdbc.ConnectionWrappingDataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Hands out connections whose statements are timed by {@link SlowStatements}; everything else, {@code unwrap}
 * included, goes straight to the pool's connection.
 */
class StatementTimingDataSource extends ConnectionWrappingDataSource {

    private final Supplier<SlowStatements> statements;

    StatementTimingDataSource(DataSource target, Supplier<SlowStatements> statements) {
        super(target);
        this.statements = statements;
    }

    @Override
    protected Connection wrap(Connection connection) {
        return proxy(Connection.class, new ConnectionHandler(connection, statements));
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(
                StatementTimingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException ex) {
            throw ex.getCause();
        }
    }

    /** Passes every call to the connection and times the statements it makes. */
    private record ConnectionHandler(Connection target, Supplier<SlowStatements> statements)
            implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object result = StatementTimingDataSource.invoke(target, method, args);
            if (result instanceof CallableStatement statement) {
                return proxy(CallableStatement.class, new StatementHandler(statement, (String) args[0], statements));
            }
            if (result instanceof PreparedStatement statement) {
                return proxy(PreparedStatement.class, new StatementHandler(statement, (String) args[0], statements));
            }
            if (result instanceof Statement statement && method.getName().equals("createStatement")) {
                return proxy(Statement.class, new StatementHandler(statement, null, statements));
            }
            return result;
        }
    }

    /** Times the {@code execute...} calls of a statement; {@code preparedSql} is null for a plain statement. */
    private record StatementHandler(Statement target, String preparedSql, Supplier<SlowStatements> statements)
            implements InvocationHandler {

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
