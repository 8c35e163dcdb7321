package io.covenant.shared.jdbc;

import io.covenant.shared.concurrent.DaemonThreads;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Checks every replica's lag against the primary at a fixed interval ({@code covenant.database.replica-check-interval},
 * 500 ms by default) and opens or closes it for reads. The lag is zero when the replica has replayed the primary's
 * current WAL position, else the time since a check last found it so (or, before any did, the age of the last
 * transaction it replayed): everything the primary committed before then is on the replica. A replica that stopped
 * replaying while the primary wrote is closed once that exceeds the limit. Publishes the lag, availability and where reads went.
 */
@Component
@ConditionalOnProperty("covenant.database.replicas[0].url")
class ReplicaMonitor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReplicaMonitor.class);

    private static final String LAG = """
			SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn() >= CAST(? AS pg_lsn),
			       extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp())""";

    private final ReplicaRoutingDataSource routing;

    private final Duration interval;

    private volatile boolean running;

    private ScheduledExecutorService checks;

    ReplicaMonitor(DataSource dataSource, MeterRegistry registry, Environment environment) throws SQLException {
        this.routing = dataSource.unwrap(ReplicaRoutingDataSource.class);
        this.interval = environment.getProperty(
                "covenant.database.replica-check-interval", Duration.class, Duration.ofMillis(500));
        for (Replica replica : routing.replicas) {
            Gauge.builder("covenant.database.replica.lag", replica, r -> r.health()
                            .lagSeconds())
                    .tag("replica", replica.name)
                    .baseUnit("seconds")
                    .description("How far the replica's replay is behind the primary (NaN when unknown)")
                    .register(registry);
            Gauge.builder(
                            "covenant.database.replica.available",
                            replica,
                            r -> r.health().available() ? 1 : 0)
                    .tag("replica", replica.name)
                    .description("1 while read-only transactions may use the replica")
                    .register(registry);
        }
        FunctionCounter.builder("covenant.database.reads", routing.replicaReads, Number::doubleValue)
                .tag("target", "replica")
                .description("Read-only transactions by where they ran")
                .register(registry);
        FunctionCounter.builder("covenant.database.reads", routing.primaryReads, Number::doubleValue)
                .tag("target", "primary")
                .description("Read-only transactions by where they ran")
                .register(registry);
    }

    /** Checks every replica now. */
    void check() {
        String position;
        try (Connection connection = routing.getTargetDataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT pg_current_wal_lsn()::text")) {
            rs.next();
            position = rs.getString(1);
        } catch (SQLException ex) {
            // Without the primary's position no lag can be told; the replicas keep their last state.
            return;
        }
        for (Replica replica : routing.replicas) {
            check(replica, position);
        }
    }

    private void check(Replica replica, String primaryPosition) {
        boolean wasAvailable = replica.health().available();
        try (Connection connection = replica.pool.getConnection();
                PreparedStatement statement = connection.prepareStatement(LAG)) {
            statement.setQueryTimeout(2);
            statement.setString(1, primaryPosition);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    replica.down("not a standby (promoted?)");
                } else if (rs.getBoolean(2)) {
                    replica.caughtUp(routing.maxLag);
                } else {
                    double behind = rs.getDouble(3);
                    replica.behind(rs.wasNull() ? Double.POSITIVE_INFINITY : Math.max(behind, 0), routing.maxLag);
                }
            }
        } catch (SQLException ex) {
            replica.down("unreachable: " + ex.getMessage());
        }
        if (wasAvailable != replica.health().available()) {
            log.warn("Replica {} is now {}", replica.name, replica.health().state());
        }
    }

    @Override
    public synchronized void start() {
        check();
        running = true;
        checks = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("replica-monitor"));
        checks.scheduleWithFixedDelay(
                this::checkLogged, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void checkLogged() {
        try {
            check();
        } catch (RuntimeException ex) {
            log.warn("Replica check failed", ex);
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (checks != null) {
            checks.shutdownNow();
        }
        routing.replicas.forEach(replica -> replica.pool.close());
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
