package io.covenant.shared.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import io.covenant.shared.concurrent.DaemonThreads;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.context.SmartLifecycle;

/**
 * Listens to one PostgreSQL notification channel from a daemon thread, on a connection of its own outside the pool
 * (a {@code LISTEN} lasts as long as its session), and listens again a second after losing it. While it does not
 * listen, notifications are missed: {@link #listening} and {@link #lost} are where a subclass forgets what it can no
 * longer trust.
 */
public abstract class NotificationListener implements SmartLifecycle {

    private final DataSource dataSource;

    private final String channel;

    private final String threadName;

    private volatile boolean running;

    private volatile @Nullable Connection connection;

    private @Nullable Thread thread;

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
        thread = DaemonThreads.named(threadName).newThread(this::listen);
        thread.start();
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
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
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
                    pause();
                }
            } finally {
                connection = null;
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

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
