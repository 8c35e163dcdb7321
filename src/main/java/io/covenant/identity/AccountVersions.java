package io.covenant.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.covenant.shared.jdbc.NotificationListener;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
class AccountVersions extends NotificationListener {

    static final String CHANNEL = "covenant_account_changed";

    /** The version of an account that does not exist or is inactive: no token matches it. */
    private static final long NONE = -1;

    private static final Logger log = LoggerFactory.getLogger(AccountVersions.class);

    private final Cache<UUID, Long> versions =
            Caffeine.newBuilder().maximumSize(100_000).build();

    private final JdbcClient jdbc;

    /** Whether notifications arrive, so that what is remembered can be trusted. */
    private volatile boolean remembering;

    AccountVersions(JdbcClient jdbc, DataSource dataSource) {
        super(dataSource, CHANNEL, "account-versions");
        this.jdbc = jdbc;
    }

    /** Whether a token issued at this version still describes the account as it is now. */
    boolean isCurrent(UUID userId, long version) {
        long current = remembering ? versions.get(userId, this::load) : load(userId);
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

    /** Anything remembered before listening may have changed unseen. */
    @Override
    protected void listening() {
        versions.invalidateAll();
        remembering = true;
    }

    @Override
    protected void notified(String payload) {
        versions.invalidate(UUID.fromString(payload));
    }

    @Override
    protected void lost(Exception cause) {
        remembering = false;
        versions.invalidateAll();
        log.warn(
                "Lost the account change notifications; checking every token against the database until they are "
                        + "back: {}",
                cause.toString());
    }

    @Override
    public synchronized void stop() {
        remembering = false;
        super.stop();
    }
}
