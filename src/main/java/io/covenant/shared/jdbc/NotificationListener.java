package io.covenant.shared.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.covenant.shared.concurrent.DaemonThreads;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.context.SmartLifecycle;

/**
 * Listens to one PostgreSQL notification channel from a daemon thread, on a connection of its own outside the pool
 * (a {@code LISTEN} lasts as long as its session), and listens again a second after losing it (a task scheduled on
 * that thread, which {@link #stop} cancels). While it does not
 * listen, notifications are missed: {@link #listening} and {@link #lost} are where a subclass forgets what it can no
 * longer trust.
 */
public abstract class NotificationListener implements SmartLifecycle {

    private final DataSource dataSource;

    private final String channel;

    private final String threadName;

    private volatile boolean running;

    private volatile @Nullable Connection connection;

    private @Nullable ScheduledExecutorService thread;

    protected NotificationListener(DataSource dataSource, String channel, String threadName) {
        this.dataSource = dataSource;
        this.channel = channel;
        this.threadName = threadName;
    }

    /** Listening (again): what was remembered before may have changed unseen. */
    protected abstract void listening();

    /** One notification's payload. */
    protected abstract void notified(String payload);

    /** The connection is lost; notifications are missed until {@link #listening} is called again. */
    protected abstract void lost(Exception cause);

    @Override
    public synchronized void start() {
        running = true;
        thread = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named(threadName));
        thread.execute(this::listen);
    }

    @Override
    public synchronized void stop() {
        running = false;
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException ex) {
                // The listener thread ends either way.
            }
        }
        if (thread != null) {
            thread.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** One session of listening; when it is lost, the next starts a second later. */
    private void listen() {
        try (Connection open = open();
                Statement statement = open.createStatement()) {
            connection = open;
            statement.execute("LISTEN " + channel);
            listening();
            PGConnection pg = open.unwrap(PGConnection.class);
            while (running) {
                PGNotification[] notifications = pg.getNotifications(500);
                if (notifications != null) {
                    for (PGNotification notification : notifications) {
                        notified(notification.getParameter());
                    }
                }
            }
        } catch (SQLException | RuntimeException ex) {
            if (running) {
                lost(ex);
                listenAgainLater();
            }
        } finally {
            connection = null;
        }
    }

    private synchronized void listenAgainLater() {
        if (running && thread != null) {
            try {
                thread.schedule(this::listen, 1, TimeUnit.SECONDS);
            } catch (RejectedExecutionException ex) {
                // Stopped meanwhile.
            }
        }
    }

    private Connection open() throws SQLException {
        HikariDataSource hikari =
                dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        if (hikari != null && hikari.getJdbcUrl() != null) {
            return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
        }
        return dataSource.getConnection();
    }
}
