package io.covenant.ops;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The maintenance jobs as db-scheduler recurring tasks: durable in {@code scheduled_tasks}, each execution picked by
 * one node, each run recorded by {@link JobRuns}.
 */
@Configuration(proxyBeanMethods = false)
class MaintenanceJobs {

    static final String PARTITIONS = "metrics-partitions-ahead";

    static final String RETENTION = "metrics-retention";

    static final String DAILY_SUMMARY = "daily-summary-refresh";

    static final String UPLOAD_FILES = "upload-files-purge";

    static final String SESSIONS = "sessions-purge";

    static final String AUDIT = "audit-retention";

    static final String ANALYZE = "analyze-changed-tables";

    @Bean
    RecurringTask<Void> partitionsAheadTask(JobRuns runs, DatabaseMaintenance maintenance) {
        return task(runs, PARTITIONS, daily(3, 17), maintenance::ensurePartitionsAhead);
    }

    @Bean
    RecurringTask<Void> metricsRetentionTask(JobRuns runs, DatabaseMaintenance maintenance) {
        return task(runs, RETENTION, daily(3, 27), maintenance::applyMetricsRetention);
    }

    @Bean
    RecurringTask<Void> dailySummaryTask(
            JobRuns runs, DatabaseMaintenance maintenance, MaintenanceProperties properties) {
        return task(
                runs,
                DAILY_SUMMARY,
                Schedules.fixedDelay(properties.summaryRefresh()),
                maintenance::refreshDailySummary);
    }

    @Bean
    RecurringTask<Void> uploadFilesTask(JobRuns runs, DatabaseMaintenance maintenance) {
        return task(runs, UPLOAD_FILES, daily(3, 37), maintenance::purgeUploadFiles);
    }

    @Bean
    RecurringTask<Void> sessionsTask(JobRuns runs, DatabaseMaintenance maintenance) {
        return task(runs, SESSIONS, Schedules.cron("0 7 * * * *", ZoneOffset.UTC), maintenance::purgeSessions);
    }

    @Bean
    RecurringTask<Void> auditRetentionTask(JobRuns runs, DatabaseMaintenance maintenance) {
        return task(runs, AUDIT, daily(2, 41), maintenance::applyAuditRetention);
    }

    @Bean
    RecurringTask<Void> analyzeTask(JobRuns runs, DatabaseMaintenance maintenance) {
        return task(runs, ANALYZE, Schedules.fixedDelay(Duration.ofMinutes(1)), maintenance::analyzeChangedTables);
    }

    /** Every job by name, for the ops API's "run now" and for tests. */
    @Bean
    JobCatalog jobCatalog(DatabaseMaintenance maintenance) {
        Map<String, Supplier<String>> jobs = new LinkedHashMap<>();
        jobs.put(PARTITIONS, maintenance::ensurePartitionsAhead);
        jobs.put(RETENTION, maintenance::applyMetricsRetention);
        jobs.put(DAILY_SUMMARY, maintenance::refreshDailySummary);
        jobs.put(UPLOAD_FILES, maintenance::purgeUploadFiles);
        jobs.put(SESSIONS, maintenance::purgeSessions);
        jobs.put(AUDIT, maintenance::applyAuditRetention);
        jobs.put(ANALYZE, maintenance::analyzeChangedTables);
        return new JobCatalog(jobs);
    }

    private static Schedule daily(int hour, int minute) {
        return Schedules.cron("0 " + minute + " " + hour + " * * *", ZoneOffset.UTC);
    }

    private static RecurringTask<Void> task(JobRuns runs, String name, Schedule schedule, Supplier<String> work) {
        runs.declare(name);
        return Tasks.recurring(name, schedule).execute((instance, context) -> runs.run(name, work));
    }

    /** The jobs by name. */
    record JobCatalog(Map<String, Supplier<String>> jobs) {}
}
