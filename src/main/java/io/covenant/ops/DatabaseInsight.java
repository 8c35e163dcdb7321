package io.covenant.ops;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.covenant.ops.InsightRecords.Bloat;
import io.covenant.ops.InsightRecords.Indexes;
import io.covenant.ops.InsightRecords.JobStatus;
import io.covenant.ops.InsightRecords.Overview;
import io.covenant.ops.InsightRecords.Partition;
import io.covenant.ops.InsightRecords.Pool;
import io.covenant.ops.InsightRecords.Replication;
import io.covenant.ops.InsightRecords.Statements;
import io.covenant.ops.InsightRecords.SummaryFreshness;
import io.covenant.ops.InsightRecords.TableHealth;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Permission;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the database is doing, for operators holding {@code ops:read}: statement statistics, index use, bloat,
 * vacuum state, partitions, summaries, the pool, replication and the maintenance jobs. The statistics views show
 * other sessions' work only to a privileged role, so the queries run with the service's own rights, not under the
 * caller's row-level security role.
 */
@Service
public class DatabaseInsight {

    private static final int TOP = 20;

    private final InsightRepository repository;

    private final DataSource dataSource;

    private final MeterRegistry registry;

    private final SlowStatements slowStatements;

    private final List<String> jobs;

    DatabaseInsight(
            JdbcClient jdbc,
            DataSource dataSource,
            MeterRegistry registry,
            SlowStatements slowStatements,
            MaintenanceJobs.JobCatalog catalog) {
        this.repository = new InsightRepository(jdbc);
        this.dataSource = dataSource;
        this.registry = registry;
        this.slowStatements = slowStatements;
        this.jobs = List.copyOf(catalog.jobs().keySet());
    }

    public Statements statements(Caller caller) {
        return checked(caller, () -> statements(repository, slowStatements));
    }

    static Statements statements(InsightRepository repository, SlowStatements slow) {
        String reason = repository.statementsUnavailableReason();
        List<SlowStatements.SlowStatement> applicationSlow = slow.latest();
        if (reason != null) {
            return new Statements(
                    false,
                    reason,
                    InsightRepository.HOW_TO_ENABLE,
                    List.of(),
                    List.of(),
                    List.of(),
                    slow.thresholdMillis(),
                    applicationSlow);
        }
        return new Statements(
                true,
                null,
                null,
                repository.statementsBy("total", TOP),
                repository.statementsBy("mean", TOP),
                repository.statementsSlowerThan(slow.thresholdMillis(), TOP),
                slow.thresholdMillis(),
                applicationSlow);
    }

    public Indexes indexes(Caller caller) {
        return checked(caller, repository::indexes);
    }

    public List<TableHealth> tables(Caller caller) {
        return checked(caller, repository::tables);
    }

    public List<Bloat> bloat(Caller caller) {
        return checked(caller, () -> repository.bloat(50));
    }

    public List<Partition> partitions(Caller caller) {
        return checked(caller, repository::partitions);
    }

    public List<SummaryFreshness> summaries(Caller caller) {
        return checked(caller, () -> repository.summaries(MaintenanceJobs.DAILY_SUMMARY));
    }

    public Replication replication(Caller caller) {
        return checked(caller, repository::replication);
    }

    public List<JobStatus> jobs(Caller caller) {
        return checked(caller, () -> repository.jobs(jobs));
    }

    public Pool pool(Caller caller) {
        caller.require(Permission.OPS_READ);
        return pool();
    }

    public Overview overview(Caller caller) {
        return checked(
                caller,
                () -> new Overview(
                        repository.serverVersion(),
                        repository.databaseSize(),
                        statements(repository, slowStatements),
                        repository.indexes(),
                        repository.tables(),
                        repository.bloat(20),
                        repository.partitions(),
                        repository.summaries(MaintenanceJobs.DAILY_SUMMARY),
                        pool(),
                        repository.replication(),
                        repository.jobs(jobs)));
    }

    Pool pool() {
        try {
            HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
            HikariPoolMXBean bean = hikari.getHikariPoolMXBean();
            Counter timeouts = registry.find("hikaricp.connections.timeout")
                    .tag("pool", hikari.getPoolName())
                    .counter();
            return new Pool(
                    hikari.getPoolName(),
                    bean == null ? 0 : bean.getActiveConnections(),
                    bean == null ? 0 : bean.getIdleConnections(),
                    bean == null ? 0 : bean.getTotalConnections(),
                    bean == null ? 0 : bean.getThreadsAwaitingConnection(),
                    hikari.getMaximumPoolSize(),
                    hikari.getMinimumIdle(),
                    timeouts == null ? 0 : timeouts.count(),
                    hikari.getConnectionTimeout(),
                    hikari.getLeakDetectionThreshold());
        } catch (SQLException ex) {
            throw new IllegalStateException("The data source is not a HikariCP pool", ex);
        }
    }

    /** Checks the permission, then runs the queries with the service's rights (no caller bound to the connection). */
    private static <T> T checked(Caller caller, Supplier<T> work) {
        caller.require(Permission.OPS_READ);
        return ServiceRights.call(work);
    }
}
