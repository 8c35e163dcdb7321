package io.covenant.ops;

import io.covenant.ops.InsightRecords.Bloat;
import io.covenant.ops.InsightRecords.DuplicateIndexes;
import io.covenant.ops.InsightRecords.IndexUse;
import io.covenant.ops.InsightRecords.Indexes;
import io.covenant.ops.InsightRecords.JobStatus;
import io.covenant.ops.InsightRecords.Partition;
import io.covenant.ops.InsightRecords.Replication;
import io.covenant.ops.InsightRecords.Standby;
import io.covenant.ops.InsightRecords.StatementStat;
import io.covenant.ops.InsightRecords.SummaryFreshness;
import io.covenant.ops.InsightRecords.TableHealth;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The catalog and statistics queries behind the ops API. They read only what any PostgreSQL 15+ has, plus
 * {@code pg_stat_statements} when it is installed and preloaded; the caller's schema objects are optional, so the
 * same queries answer on a bare server.
 */
class InsightRepository {

    static final String HOW_TO_ENABLE = "Add pg_stat_statements to shared_preload_libraries (postgresql.conf, or the"
            + " provider's parameter group: Amazon RDS, Cloud SQL and Azure offer it), restart the server, run"
            + " CREATE EXTENSION pg_stat_statements in this database, and grant pg_read_all_stats to the service's"
            + " user so that it sees every statement's text.";

    private static final String STATEMENTS = """
			SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 2000) AS query, calls,
			       total_exec_time AS total_ms, mean_exec_time AS mean_ms, stddev_exec_time AS stddev_ms,
			       max_exec_time AS max_ms, rows,
			       CASE WHEN shared_blks_hit + shared_blks_read = 0 THEN NULL
			            ELSE shared_blks_hit::float8 / (shared_blks_hit + shared_blks_read) END AS cache_hit_ratio
			FROM pg_stat_statements
			WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
			""";

    private final JdbcClient jdbc;

    InsightRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Null when the statistics can be read, else why not. */
    String statementsUnavailableReason() {
        Map<String, Object> state = jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements') AS installed,
				       current_setting('shared_preload_libraries') ~ '(^|[ ,])pg_stat_statements($|[ ,])' AS preloaded""").query().singleRow();
        if (!Boolean.TRUE.equals(state.get("preloaded"))) {
            return "pg_stat_statements is not in shared_preload_libraries";
        }
        if (!Boolean.TRUE.equals(state.get("installed"))) {
            return "the pg_stat_statements extension is not created in this database";
        }
        try {
            jdbc.sql("SELECT count(*) FROM pg_stat_statements LIMIT 1")
                    .query(Long.class)
                    .single();
            return null;
        } catch (DataAccessException ex) {
            return "pg_stat_statements cannot be read: " + rootMessage(ex);
        }
    }

    List<StatementStat> statementsBy(String order, int limit) {
        String orderBy =
                switch (order) {
                    case "total" -> "total_exec_time";
                    case "mean" -> "mean_exec_time";
                    default -> throw new IllegalArgumentException(order);
                };
        return jdbc.sql(STATEMENTS + " ORDER BY " + orderBy + " DESC LIMIT :limit")
                .param("limit", limit)
                .query(StatementStat.class)
                .list();
    }

    List<StatementStat> statementsSlowerThan(double meanMs, int limit) {
        return jdbc.sql(STATEMENTS + " AND mean_exec_time >= :mean ORDER BY mean_exec_time DESC LIMIT :limit")
                .param("mean", meanMs)
                .param("limit", limit)
                .query(StatementStat.class)
                .list();
    }

    Indexes indexes() {
        OffsetDateTime since = jdbc.sql(
                        "SELECT coalesce(stats_reset, pg_postmaster_start_time()) FROM pg_stat_database WHERE datname = current_database()")
                .query(OffsetDateTime.class)
                .optional()
                .orElse(null);
        List<IndexUse> unused = jdbc.sql("""
				SELECT s.relname AS table_name, s.indexrelname AS index_name, s.idx_scan AS scans,
				       pg_relation_size(s.indexrelid) AS size_bytes, pg_get_indexdef(s.indexrelid) AS definition
				FROM pg_stat_user_indexes s
				JOIN pg_index i ON i.indexrelid = s.indexrelid
				WHERE s.idx_scan = 0 AND NOT i.indisunique AND NOT i.indisprimary
				  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = s.indexrelid)
				ORDER BY size_bytes DESC, table_name, index_name""").query(IndexUse.class).list();
        List<DuplicateIndexes> duplicates = jdbc.sql("""
				SELECT t.relname AS table_name, array_agg(ic.relname::text ORDER BY ic.relname) AS indexes,
				       sum(pg_relation_size(i.indexrelid))::bigint AS size_bytes,
				       min(pg_get_indexdef(i.indexrelid)) AS definition
				FROM pg_index i
				JOIN pg_class ic ON ic.oid = i.indexrelid
				JOIN pg_class t ON t.oid = i.indrelid
				JOIN pg_namespace n ON n.oid = t.relnamespace
				WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_toast'
				GROUP BY t.relname, i.indrelid, ic.relam, i.indkey::text, i.indclass::text, i.indcollation::text,
				         coalesce(pg_get_expr(i.indexprs, i.indrelid), ''), coalesce(pg_get_expr(i.indpred, i.indrelid), '')
				HAVING count(*) > 1
				ORDER BY size_bytes DESC""")
                .query((rs, n) -> new DuplicateIndexes(
                        rs.getString("table_name"),
                        strings(rs, "indexes"),
                        rs.getLong("size_bytes"),
                        rs.getString("definition")))
                .list();
        return new Indexes(since, unused, duplicates);
    }

    List<TableHealth> tables() {
        return jdbc.sql("""
				SELECT relname AS table_name, n_live_tup AS live_rows, n_dead_tup AS dead_rows,
				       CASE WHEN n_live_tup + n_dead_tup = 0 THEN NULL
				            ELSE n_dead_tup::float8 / (n_live_tup + n_dead_tup) END AS dead_ratio,
				       n_mod_since_analyze AS modified_since_analyze, last_vacuum, last_autovacuum, last_analyze,
				       last_autoanalyze, pg_total_relation_size(relid) AS total_bytes
				FROM pg_stat_user_tables
				ORDER BY n_dead_tup DESC, total_bytes DESC, relname""").query(TableHealth.class).list();
    }

    /**
     * Tables: pages beyond what the live rows need at their average width (28 bytes of header and pointer each).
     * B-tree indexes: pages beyond their entries at 90% leaf fill. Expression indexes and relations without
     * statistics are left out rather than guessed.
     */
    List<Bloat> bloat(int limit) {
        return jdbc.sql("""
				WITH settings AS (SELECT current_setting('block_size')::numeric AS bs),
				widths AS (
				    SELECT schemaname, tablename, sum((1 - null_frac) * avg_width) AS row_width
				    FROM pg_stats WHERE NOT inherited GROUP BY schemaname, tablename),
				tables AS (
				    SELECT c.relname AS relation_name, 'table' AS kind, c.relname AS table_name,
				           c.relpages * bs AS size_bytes,
				           greatest(c.relpages - ceil(c.reltuples * (w.row_width + 28) / (bs - 24)), 0) * bs AS bloat
				    FROM pg_class c
				    JOIN pg_namespace n ON n.oid = c.relnamespace
				    JOIN widths w ON w.schemaname = n.nspname AND w.tablename = c.relname
				    CROSS JOIN settings
				    WHERE c.relkind IN ('r', 'm') AND c.relpages > 0 AND c.reltuples > 0
				      AND n.nspname NOT IN ('pg_catalog', 'information_schema')),
				index_columns AS (
				    SELECT i.indexrelid, sum(s.avg_width) AS key_width, count(*) = count(s.avg_width) AS complete
				    FROM pg_index i
				    CROSS JOIN LATERAL unnest(i.indkey::int2[]) AS k(attnum)
				    JOIN pg_class t ON t.oid = i.indrelid
				    JOIN pg_namespace n ON n.oid = t.relnamespace
				    LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
				    LEFT JOIN pg_stats s ON s.schemaname = n.nspname AND s.tablename = t.relname
				         AND s.attname = a.attname AND NOT s.inherited
				    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
				    GROUP BY i.indexrelid),
				indexes AS (
				    SELECT ic.relname AS relation_name, 'index' AS kind, t.relname AS table_name,
				           ic.relpages * bs AS size_bytes,
				           greatest(ic.relpages - 1 - ceil(ic.reltuples * (12 + ix.key_width) / ((bs - 40) * 0.9)), 0) * bs
				               AS bloat
				    FROM index_columns ix
				    JOIN pg_class ic ON ic.oid = ix.indexrelid
				    JOIN pg_am am ON am.oid = ic.relam
				    JOIN pg_index i ON i.indexrelid = ic.oid
				    JOIN pg_class t ON t.oid = i.indrelid
				    CROSS JOIN settings
				    WHERE am.amname = 'btree' AND ix.complete AND ic.relpages > 1 AND ic.reltuples > 0)
				SELECT relation_name, kind, table_name, size_bytes::bigint AS size_bytes,
				       bloat::bigint AS estimated_bloat_bytes, (bloat / size_bytes)::float8 AS estimated_bloat_ratio
				FROM (SELECT * FROM tables UNION ALL SELECT * FROM indexes) r
				ORDER BY bloat DESC, size_bytes DESC
				LIMIT :limit""").param("limit", limit).query(Bloat.class).list();
    }

    List<Partition> partitions() {
        return jdbc.sql("""
				SELECT p.relname AS parent_name, c.relname AS partition_name,
				       pg_get_expr(c.relpartbound, c.oid) AS bounds, pg_total_relation_size(c.oid) AS size_bytes,
				       coalesce(s.n_live_tup, greatest(c.reltuples, 0))::bigint AS estimated_rows
				FROM pg_inherits i
				JOIN pg_class c ON c.oid = i.inhrelid
				JOIN pg_class p ON p.oid = i.inhparent
				LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
				WHERE p.relkind = 'p'
				ORDER BY p.relname, c.relname""").query(Partition.class).list();
    }

    /** The daily summary (its pending changed days and last refresh), and any materialized view. */
    List<SummaryFreshness> summaries(String refreshJob) {
        List<SummaryFreshness> views =
                jdbc.sql("""
				SELECT matviewname AS name, 'materialized_view' AS kind, 0 AS pending_changes,
				       NULL::timestamptz AS oldest_pending_change, NULL::timestamptz AS last_refreshed,
				       ispopulated AS populated
				FROM pg_matviews ORDER BY matviewname""").query(SummaryFreshness.class).list();
        if (!exists("daily_metrics_summary_changes") || !exists("maintenance_runs")) {
            return views;
        }
        SummaryFreshness daily = jdbc.sql("""
				SELECT 'daily_metrics_summary' AS name, 'incremental_table' AS kind,
				       (SELECT count(*) FROM daily_metrics_summary_changes) AS pending_changes,
				       (SELECT min(noted_at) FROM daily_metrics_summary_changes) AS oldest_pending_change,
				       (SELECT max(started_at) FROM maintenance_runs WHERE job = :job AND outcome = 'succeeded')
				           AS last_refreshed,
				       TRUE AS populated""")
                .param("job", refreshJob)
                .query(SummaryFreshness.class)
                .single();
        return Stream.concat(Stream.of(daily), views.stream()).toList();
    }

    Replication replication() {
        boolean inRecovery =
                jdbc.sql("SELECT pg_is_in_recovery()").query(Boolean.class).single();
        if (inRecovery) {
            Double delay = jdbc.sql("SELECT extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8")
                    .query(Double.class)
                    .optional()
                    .orElse(null);
            return new Replication(true, delay, List.of());
        }
        List<Standby> standbys = jdbc.sql("""
				SELECT application_name, client_addr::text AS client_address, state,
				       extract(epoch FROM write_lag)::float8 AS write_lag_seconds,
				       extract(epoch FROM flush_lag)::float8 AS flush_lag_seconds,
				       extract(epoch FROM replay_lag)::float8 AS replay_lag_seconds,
				       pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint AS replay_bytes_behind
				FROM pg_stat_replication ORDER BY application_name""").query(Standby.class).list();
        return new Replication(false, null, standbys);
    }

    List<JobStatus> jobs(List<String> names) {
        if (!exists("maintenance_runs")) {
            return List.of();
        }
        Map<String, JobStatus> known = jdbc.sql("""
				SELECT DISTINCT ON (r.job) r.job, r.started_at AS last_started_at, r.duration_ms AS last_duration_ms,
				       r.outcome AS last_outcome, r.detail AS last_detail, r.node AS last_node,
				       t.execution_time AS next_run_at, t.consecutive_failures,
				       (SELECT count(*) FROM maintenance_runs f WHERE f.job = r.job AND f.outcome = 'failed'
				          AND f.started_at > now() - INTERVAL '1 day') AS failures_last_day
				FROM maintenance_runs r
				LEFT JOIN scheduled_tasks t ON t.task_name = r.job
				ORDER BY r.job, r.started_at DESC""").query(JobStatus.class).list().stream()
                .collect(Collectors.toMap(JobStatus::job, Function.identity()));
        Map<String, OffsetDateTime> next = exists("scheduled_tasks")
                ? jdbc
                        .sql("SELECT task_name, execution_time FROM scheduled_tasks")
                        .query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, OffsetDateTime.class)))
                        .list()
                        .stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a))
                : Map.of();
        return names.stream()
                .map(name -> known.getOrDefault(
                        name, new JobStatus(name, null, null, null, null, null, next.get(name), null, 0)))
                .toList();
    }

    String serverVersion() {
        return jdbc.sql("SHOW server_version").query(String.class).single();
    }

    long databaseSize() {
        return jdbc.sql("SELECT pg_database_size(current_database())")
                .query(Long.class)
                .single();
    }

    private boolean exists(String table) {
        return jdbc.sql("SELECT to_regclass(:name) IS NOT NULL")
                .param("name", table)
                .query(Boolean.class)
                .single();
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static String rootMessage(Throwable ex) {
        Throwable root = ex;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
