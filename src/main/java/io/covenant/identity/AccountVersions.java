package io.covenant.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.zaxxer.hikari.HikariDataSource;
import io.covenant.shared.concurrent.DaemonThreads;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The current security version of each account ({@code users.security_version}), remembered on this node so that
 * checking an access token against it costs no query. Every change to an account bumps the version in PostgreSQL
 * (triggers of V32) and notifies {@value #CHANNEL}; this node forgets the account right after its own transaction
 * commits, and every node forgets it when the notification arrives. While the notification connection is down
 * nothing is remembered: each check reads the database, so a missed notification can never keep a stale version.
 */
@Component
class AccountVersions implements SmartLifecycle {

    static final String CHANNEL = "covenant_account_changed";

    /** The version of an account that does not exist or is inactive: no token matches it. */
    private static final long NONE = -1;

    private static final Logger log = LoggerFactory.getLogger(AccountVersions.class);

    private final Cache<UUID, Long> versions =
            Caffeine.newBuilder().maximumSize(100_000).build();

    private final JdbcClient jdbc;

    private final DataSource dataSource;

    private volatile boolean listening;

    private volatile boolean running;

    private volatile Connection connection;

    private Thread listener;

    AccountVersions(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Whether a token issued at this version still describes the account as it is now. */
    boolean isCurrent(UUID userId, long version) {
        long current = listening ? versions.get(userId, this::load) : load(userId);
        return current != NONE && current == version;
    }

    /** Forgets the account once the current transaction commits (at once without one). */
    void forgetAfterCommit(UUID userId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            versions.invalidate(userId);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                versions.invalidate(userId);
            }
        });
    }

    private long load(UUID userId) {
        return jdbc.sql("SELECT security_version FROM users WHERE id = :id AND is_active")
                .param("id", userId)
                .query(Long.class)
                .optional()
                .orElse(NONE);
    }

    @Override
    public void start() {
        running = true;
        listener = DaemonThreads.named("account-versions").newThread(this::listen);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        listening = false;
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException ex) {
                log.debug("Closing the notification connection failed", ex);
            }
        }
        listener.interrupt();
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
                statement.execute("LISTEN " + CHANNEL);
                // Anything remembered before listening may have changed unseen.
                versions.invalidateAll();
                listening = true;
                PGConnection pg = open.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(1_000);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            versions.invalidate(UUID.fromString(notification.getParameter()));
                        }
                    }
                }
            } catch (SQLException | RuntimeException ex) {
                listening = false;
                versions.invalidateAll();
                if (running) {
                    log.warn(
                            "Lost the account change notifications; checking every token against the database until "
                                    + "they are back: {}",
                            ex.toString());
                    pause();
                }
            } finally {
                listening = false;
                connection = null;
            }
        }
    }

    /** A connection of its own, outside the pool, since it is held for as long as the service runs. */
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
