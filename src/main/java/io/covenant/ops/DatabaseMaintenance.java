package io.covenant.ops;

import io.covenant.audit.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The work of the maintenance jobs (scheduled by {@link MaintenanceJobs}); each returns what it did, in words, for
 * the job's run record.
 */
@Component
class DatabaseMaintenance {

    private static final Logger log = LoggerFactory.getLogger(DatabaseMaintenance.class);

    private final JdbcClient jdbc;

    private final MaintenanceProperties properties;

    private final TransactionTemplate transaction;

    private final AuditLog auditLog;

    private final Clock clock;

    DatabaseMaintenance(
            JdbcClient jdbc, MaintenanceProperties properties, TransactionTemplate transaction, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.transaction = transaction;
        this.auditLog = auditLog;
        this.clock = Clock.systemUTC();
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        ensurePartitionsAhead();
    }

    /** Yearly partitions of {@code financial_metrics} exist ahead of time, so no row lands in the default one. */
    String ensurePartitionsAhead() {
        int year = Year.now(clock).getValue();
        Integer created = jdbc.sql("SELECT ensure_financial_metrics_partitions(:from, :to)")
                .param("from", year)
                .param("to", year + properties.partitionYearsAhead())
                .query(Integer.class)
                .single();
        if (created > 0) {
            log.info(
                    "Created {} financial_metrics partitions up to {}",
                    created,
                    year + properties.partitionYearsAhead());
        }
        return "created " + created + " partitions";
    }

    /**
     * Drops whole yearly partitions older than the retention (an instant metadata change, no row-by-row delete), and
     * their days in the daily summary. With no retention set, keeps everything.
     */
    String applyMetricsRetention() {
        if (properties.metricsRetentionYears() == 0) {
            return "retention off: everything kept";
        }
        int firstKept = Year.now(clock).getValue() - properties.metricsRetentionYears();
        List<String> dropped = transaction.execute(status -> {
            List<String> names = new ArrayList<>(jdbc.sql("SELECT detach_financial_metrics_partitions_before(:year)")
                    .param("year", firstKept)
                    .query(String.class)
                    .list());
            for (String name : names) {
                // The names come from pg_class and match financial_metrics_yNNNN (see the function).
                jdbc.sql("DROP TABLE " + name).update();
            }
            OffsetDateTime cutoff = OffsetDateTime.of(firstKept, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
            // Old rows written since, without a partition of their year, wait in the default partition.
            jdbc.sql("DELETE FROM financial_metrics_default WHERE metric_date < :cutoff")
                    .param("cutoff", cutoff)
                    .update();
            jdbc.sql("DELETE FROM daily_metrics_summary WHERE day < :cutoff")
                    .param("cutoff", cutoff)
                    .update();
            return names;
        });
        if (!dropped.isEmpty()) {
            log.info("Dropped financial_metrics partitions before {}: {}", firstKept, dropped);
        }
        return "dropped " + dropped.size() + " partitions before " + firstKept + dropped;
    }

    /**
     * Recomputes the days of {@code daily_metrics_summary} whose metrics changed since the last refresh. Exempt from
     * the pool's 60 s statement timeout: after a bulk load of a million points the catch-up took longer
     * (MaintenanceBenchmark), and a refresh cancelled each time would never catch up.
     */
    String refreshDailySummary() {
        Integer days = transaction.execute(status -> {
            jdbc.sql("SET LOCAL statement_timeout = '30min'").update();
            return jdbc.sql("SELECT refresh_daily_metrics_summary()")
                    .query(Integer.class)
                    .single();
        });
        return "recomputed " + days + " changed days";
    }

    /** Frees the stored file of uploads finished long ago; the job, its counts and its row errors stay. */
    String purgeUploadFiles() {
        int purged = jdbc.sql("""
				DELETE FROM bulk_upload_files f
				USING bulk_upload_jobs j
				WHERE j.id = f.job_id AND j.status IN ('completed', 'failed', 'cancelled')
				  AND coalesce(j.completed_at, j.updated_at) < :cutoff""")
                .param("cutoff", cutoff(properties.uploadFileRetention()))
                .update();
        return "purged " + purged + " upload files";
    }

    /** Removes sessions and email verifications that can no longer be used, after a grace period. */
    String purgeSessions() {
        OffsetDateTime cutoff = cutoff(properties.sessionRetention());
        int sessions = jdbc.sql("DELETE FROM user_sessions WHERE expires_at < :cutoff OR revoked_at < :cutoff")
                .param("cutoff", cutoff)
                .update();
        int verifications = jdbc.sql("DELETE FROM email_verifications WHERE expires_at < :cutoff OR used_at < :cutoff")
                .param("cutoff", cutoff)
                .update();
        return "removed " + sessions + " sessions and " + verifications + " verifications";
    }

    String applyAuditRetention() {
        return "removed " + auditLog.removeExpired() + " audit entries";
    }

    /**
     * ANALYZE on tables that changed a lot since their last statistics (a bulk upload, an EDGAR import), so that
     * plans follow at once instead of after autovacuum's next pass.
     */
    String analyzeChangedTables() {
        List<String> tables = jdbc.sql("""
				SELECT format('%I.%I', schemaname, relname) FROM pg_stat_user_tables
				WHERE n_mod_since_analyze >= :min AND n_mod_since_analyze >= n_live_tup / 10
				ORDER BY n_mod_since_analyze DESC""")
                .param("min", properties.analyzeMinChangedRows())
                .query(String.class)
                .list();
        for (String table : tables) {
            jdbc.sql("ANALYZE " + table).update();
        }
        return "analyzed " + tables;
    }

    private OffsetDateTime cutoff(Duration age) {
        return OffsetDateTime.now(clock).minus(age);
    }
}
