package io.covenant.shared.cache;

import io.covenant.shared.jdbc.NotificationListener;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
public class CacheInvalidations extends NotificationListener {

    static final String CHANNEL = "covenant_cache";

    /** A key meaning every row of the table. */
    public static final String ALL = "*";

    private static final Logger log = LoggerFactory.getLogger(CacheInvalidations.class);

    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();

    CacheInvalidations(DataSource dataSource) {
        super(dataSource, CHANNEL, "cache-invalidations");
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

    /** Changes made while no connection listened were missed. */
    @Override
    protected void listening() {
        dispatchAll();
    }

    @Override
    protected void notified(String payload) {
        dispatch(payload);
    }

    @Override
    protected void lost(Exception cause) {
        log.warn("Cache invalidation listener lost its connection ({}); caches cleared, retrying", cause.toString());
        dispatchAll();
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
}
