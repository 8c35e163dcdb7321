package io.covenant.ops;

import java.time.OffsetDateTime;
import java.util.List;

/** What the ops API answers, section by section. */
public final class InsightRecords {

    private InsightRecords() {}

    /**
     * Statement statistics from {@code pg_stat_statements}; when it is not there, {@code available} is false and
     * {@code how_to_enable} says what to do. {@code application_slow} comes from the service itself, on any server.
     */
    public record Statements(
            boolean available,
            String reason,
            String howToEnable,
            List<StatementStat> byTotalTime,
            List<StatementStat> byMeanTime,
            List<StatementStat> slow,
            long slowThresholdMs,
            List<SlowStatements.SlowStatement> applicationSlow) {}

    public record StatementStat(
            String query,
            long calls,
            double totalMs,
            double meanMs,
            double stddevMs,
            double maxMs,
            long rows,
            Double cacheHitRatio) {}

    public record Indexes(OffsetDateTime statsSince, List<IndexUse> unused, List<DuplicateIndexes> duplicates) {}

    public record IndexUse(String tableName, String indexName, long scans, long sizeBytes, String definition) {}

    public record DuplicateIndexes(String tableName, List<String> indexes, long sizeBytes, String definition) {}

    /** Estimates from the planner's statistics (no pgstattuple needed): what the relation would need if packed. */
    public record Bloat(
            String relationName,
            String kind,
            String tableName,
            long sizeBytes,
            Long estimatedBloatBytes,
            Double estimatedBloatRatio) {}

    public record TableHealth(
            String tableName,
            long liveRows,
            long deadRows,
            Double deadRatio,
            long modifiedSinceAnalyze,
            OffsetDateTime lastVacuum,
            OffsetDateTime lastAutovacuum,
            OffsetDateTime lastAnalyze,
            OffsetDateTime lastAutoanalyze,
            long totalBytes) {}

    public record Partition(
            String parentName, String partitionName, String bounds, long sizeBytes, long estimatedRows) {}

    /** A summary kept by a job or a materialized view: how far behind its source it may be. */
    public record SummaryFreshness(
            String name,
            String kind,
            long pendingChanges,
            OffsetDateTime oldestPendingChange,
            OffsetDateTime lastRefreshed,
            Boolean populated) {}

    public record Pool(
            String name,
            int active,
            int idle,
            int total,
            int pending,
            int max,
            int minIdle,
            double timeouts,
            long connectionTimeoutMs,
            long leakDetectionThresholdMs) {}

    /** On a primary, its standbys; on a standby, its own delay. */
    public record Replication(boolean inRecovery, Double replayDelaySeconds, List<Standby> standbys) {}

    public record Standby(
            String applicationName,
            String clientAddress,
            String state,
            Double writeLagSeconds,
            Double flushLagSeconds,
            Double replayLagSeconds,
            Long replayBytesBehind) {}

    public record JobStatus(
            String job,
            OffsetDateTime lastStartedAt,
            Long lastDurationMs,
            String lastOutcome,
            String lastDetail,
            String lastNode,
            OffsetDateTime nextRunAt,
            Integer consecutiveFailures,
            long failuresLastDay) {}

    public record Overview(
            String serverVersion,
            long databaseSizeBytes,
            Statements statements,
            Indexes indexes,
            List<TableHealth> tables,
            List<Bloat> bloat,
            List<Partition> partitions,
            List<SummaryFreshness> summaries,
            Pool pool,
            Replication replication,
            List<JobStatus> jobs) {}
}
