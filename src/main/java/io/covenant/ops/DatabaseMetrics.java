package io.covenant.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Database gauges read at scrape time: its size, and the replication lag (the largest replay lag of this primary's
 * standbys, or this standby's own delay; 0 without replication). Alert rules in {@code ops/prometheus} use them.
 */
@Component
@RequiredArgsConstructor
class DatabaseMetrics implements MeterBinder {

    private final JdbcClient jdbc;

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("covenant.database.size", this, m -> m.query("SELECT pg_database_size(current_database())"))
                .baseUnit("bytes")
                .description("Size of the service's database")
                .register(registry);
        Gauge.builder("covenant.database.replication.lag", this, m -> m.query("""
				SELECT CASE WHEN pg_is_in_recovery()
				            THEN coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), 0)
				            ELSE coalesce((SELECT max(extract(epoch FROM replay_lag)) FROM pg_stat_replication), 0)
				       END::float8"""))
                .baseUnit("seconds")
                .description("Replication lag: the slowest standby's replay lag, or this standby's delay")
                .register(registry);
        Gauge.builder(
                        "covenant.database.summary.pending.changes",
                        this,
                        m -> m.query("SELECT count(*) FROM daily_metrics_summary_changes"))
                .description("Changed (company, metric, day) entries waiting for the daily summary refresh")
                .register(registry);
    }

    private double query(String sql) {
        return ServiceRights.call(() -> jdbc.sql(sql).query(Double.class).single());
    }
}
