package io.covenant.shared.cache;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the caches of every node which rows changed. A statement trigger on each cached table (see
 * {@code V65__create_cache_notify_trigger.sql}) sends {@code table:id,id,...} (or {@code table:*} for a large
 * change) on the {@code covenant_cache} channel; PostgreSQL delivers it when the writing transaction commits, whatever
 * wrote the rows (a service, an import, a cascade). One connection per node listens, outside the pool. When it
 * loses the connection it may have missed changes, so every cache is cleared.
 */
@Component
public class CacheInvalidations implements SmartLifecycle {

    static final String CHANNEL = "covenant_cache";

    /** A key meaning every row of the table. */
    public static final String ALL = "*";

    private static final Logger log = LoggerFactory.getLogger(CacheInvalidations.class);

    private final DataSource dataSource;

    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();

    private volatile boolean running;

    private Thread thread;

    CacheInvalidations(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Calls {@code evict} with each changed id of the table (as text), or {@link #ALL}. */
    public void onChange(String table, Consumer<String> evict) {
        listeners.computeIfAbsent(table, t -> new CopyOnWriteArrayList<>()).add(evict);
    }

    /** For a table keyed by UUID: {@code one} with each changed id, {@code all} when any row may have changed. */
    public void onChange(String table, Runnable all, Consumer<UUID> one) {
        onChange(table, id -> {
            if (ALL.equals(id)) {
                all.run();
            } else {
                one.accept(UUID.fromString(id));
            }
        });
    }

    /**
     * Evicts on this node as soon as the current transaction commits (at once without one), so that a caller reads
     * its own write here without waiting for the notification.
     */
    public static void afterCommit(Runnable evict) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    evict.run();
                }
            });
        } else {
            evict.run();
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::listen, "cache-invalidations");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
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
            try (Connection connection = open();
                    Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                // Changes made while no connection listened were missed.
                dispatchAll();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            dispatch(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException ex) {
                if (running) {
                    log.warn(
                            "Cache invalidation listener lost its connection ({}); caches cleared, retrying",
                            ex.toString());
                    dispatchAll();
                    pause(Duration.ofSeconds(1));
                }
            }
        }
    }

    void dispatch(String payload) {
        int colon = payload.indexOf(':');
        if (colon < 0) {
            return;
        }
        List<Consumer<String>> evictors = listeners.getOrDefault(payload.substring(0, colon), List.of());
        for (String key : payload.substring(colon + 1).split(",")) {
            evictors.forEach(evict -> evict.accept(key));
        }
    }

    private void dispatchAll() {
        listeners.values().forEach(evictors -> evictors.forEach(evict -> evict.accept(ALL)));
    }

    /** A connection of its own: a LISTEN lives as long as its session, which must not go back to the pool. */
    private Connection open() throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        return DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
