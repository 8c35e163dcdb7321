package io.covenant.shared.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * One read replica: its own pool (the owner's rights, for the lag check) and the caller-bound data source reads use,
 * so that row-level security applies there exactly as on the primary. Available while the last check found it up
 * and within the lag limit, and no read since failed on it.
 */
final class Replica {

    final String name;

    final HikariDataSource pool;

    final DataSource reads;

    /** What the last check (or failed read) found, as one value so that readers never see half of an update. */
    record Health(boolean available, double lagSeconds, String state) {}

    private volatile Health health = new Health(false, Double.NaN, "not checked yet");

    Replica(String name, HikariDataSource pool) {
        this.name = name;
        this.pool = pool;
        this.reads = new CallerAwareDataSource(pool);
    }

    Health health() {
        return health;
    }

    /** When a check last found it had replayed the primary's position, or 0 before any did. */
    private volatile long caughtUpAt;

    void caughtUp(Duration maxLag) {
        caughtUpAt = System.nanoTime();
        checked(0, maxLag);
    }

    /**
     * Behind the primary's position. The age of the last replayed transaction overstates the lag after the primary
     * idled (its last commit is old), so once the replica has been seen caught up, the time since is the lag.
     */
    void behind(double lastReplayAge, Duration maxLag) {
        long since = caughtUpAt;
        checked(since == 0 ? lastReplayAge : (System.nanoTime() - since) / 1e9, maxLag);
    }

    private void checked(double lag, Duration maxLag) {
        boolean available = lag <= maxLag.toMillis() / 1000.0;
        health = new Health(
                available, lag, available ? "available" : "lagging %.1f s, over the %s limit".formatted(lag, maxLag));
    }

    void down(String reason) {
        caughtUpAt = 0;
        health = new Health(false, Double.NaN, reason);
    }
}
