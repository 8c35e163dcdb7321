package io.covenant.upload;

import io.covenant.shared.jdbc.Filters;
import io.covenant.shared.jdbc.Rows;
import io.covenant.shared.paging.Cursor;
import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.Caller;
import java.sql.Types;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQL for upload jobs, their files and row errors. Reads for a caller filter by the job's visibility in the query
 * (its creator, the members of its organisation, a super_admin); the runner's claims run with the owner's rights.
 */
@Repository
class UploadRepository {

    /** What an {@link UploadJob} reads; {@code duplicate} is for the upload that found the job, none on a read. */
    private static final String COLUMNS = """
			j.id, j.job_type, j.status, j.original_filename, j.file_format, j.file_size, j.file_hash, j.total_rows,
			j.processed_rows, j.success_count, j.error_count, j.access_level, j.organization_id, j.created_by,
			j.started_at, j.completed_at, j.error_message, j.processing_logs, j.created_at, j.updated_at,
			CAST(NULL AS boolean) AS duplicate""";

    private static final String VISIBLE =
            "(j.created_by = :caller_id OR j.organization_id = :caller_org OR :caller_super)";

    private static final String LOG =
            "processing_logs || jsonb_build_array(jsonb_build_object('at', now(), 'message', CAST(:message AS text)))";

    private final JdbcClient jdbc;

    private final RowMapper<UploadJob> jobs;

    UploadRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.jobs = Rows.mapper(UploadJob.class, json);
    }

    /** The new job, or empty when the owner already has a live job for the same file and job type. */
    Optional<UploadJob> insert(NewJob job) {
        return jdbc.sql("""
				INSERT INTO bulk_upload_jobs AS j (filename, original_filename, file_size, file_hash, job_type,
				  file_format, total_rows, access_level, organization_id, created_by, permissions, processing_logs)
				VALUES (:filename, :originalFilename, :size, :hash, :type, :format, :totalRows, :level, :organizationId,
				  :createdBy, :permissions, jsonb_build_array(jsonb_build_object('at', now(), 'message', CAST(:note AS text))))
				ON CONFLICT (COALESCE(organization_id, created_by), job_type, file_hash)
				  WHERE status IN ('pending', 'processing', 'completed') DO NOTHING
				RETURNING""" + " " + COLUMNS)
                .params(Rows.params(job))
                .param("filename", job.hash() + "." + job.format().value())
                .query(jobs)
                .optional();
    }

    void insertFile(UUID jobId, byte[] content) {
        jdbc.sql("INSERT INTO bulk_upload_files (job_id, content) VALUES (:id, :content)")
                .param("id", jobId)
                .param("content", content)
                .update();
    }

    Optional<UploadJob> findSameFile(UUID organizationId, UUID createdBy, String type, String hash) {
        return jdbc.sql("SELECT " + COLUMNS + """
				 FROM bulk_upload_jobs j
				WHERE COALESCE(j.organization_id, j.created_by) = COALESCE(CAST(:org AS uuid), :user)
				  AND j.job_type = :type AND j.file_hash = :hash AND j.status IN ('pending', 'processing', 'completed')""")
                .param("org", organizationId, Types.OTHER)
                .param("user", createdBy)
                .param("type", type)
                .param("hash", hash)
                .query(jobs)
                .optional();
    }

    Optional<UploadJob> findVisible(UUID id, Caller caller) {
        return bind(jdbc.sql("SELECT " + COLUMNS + " FROM bulk_upload_jobs j WHERE j.id = :id AND " + VISIBLE), caller)
                .param("id", id)
                .query(jobs)
                .optional();
    }

    /** A job list's optional filter, and its keyset. */
    private static final List<String> FILTERS = List.of("j.status = :status", Cursor.condition("j"));

    List<UploadJob> list(Caller caller, String status, Cursor after, int limit) {
        Map<String, @Nullable Object> params = Cursor.params(after);
        params.put("status", status);
        return bind(jdbc.sql("""
				SELECT %s
				FROM bulk_upload_jobs j
				WHERE %s%s
				ORDER BY j.created_at DESC, j.id DESC LIMIT :limit""".formatted(COLUMNS, VISIBLE, Filters.and(params, FILTERS))), caller)
                .params(params)
                .param("limit", limit + 1)
                .query(jobs)
                .list();
    }

    /** Cancels a job that has not finished; a runner sees it before its next batch. */
    Optional<UploadJob> cancel(UUID id, String message) {
        return jdbc.sql("UPDATE bulk_upload_jobs j SET status = 'cancelled', completed_at = now(), locked_by = NULL,"
                        + " processing_logs = " + LOG
                        + " WHERE j.id = :id AND j.status IN ('pending', 'processing') RETURNING "
                        + COLUMNS)
                .param("id", id)
                .param("message", message)
                .query(jobs)
                .optional();
    }

    List<RowError> errors(UUID jobId, int afterRow, int limit) {
        return jdbc.sql("""
				SELECT row_number, column_name, value, reason FROM bulk_upload_row_errors
				WHERE job_id = :id AND row_number > :after ORDER BY row_number, column_name LIMIT :limit""")
                .param("id", jobId)
                .param("after", afterRow)
                .param("limit", limit)
                .query((rs, i) -> new RowError(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    // --- the runner's side ---

    private static final RowMapper<Claim> CLAIMS = Rows.mapper(Claim.class);

    /** Claims the oldest job that is waiting, or whose runner stopped renewing its lease. */
    Optional<Claim> claim(String node, Duration lease) {
        return jdbc.sql("""
				UPDATE bulk_upload_jobs j SET status = 'processing', locked_by = :node, heartbeat_at = now(),
				  started_at = coalesce(j.started_at, now()), attempts = j.attempts + 1,
				  processing_logs = j.processing_logs || jsonb_build_array(jsonb_build_object('at', now(), 'message',
				    CASE WHEN j.status = 'pending' THEN 'processing started'
				         ELSE 'its runner stopped; resumed after row ' || j.processed_rows || ' of ' || j.total_rows END))
				WHERE j.id = (SELECT id FROM bulk_upload_jobs
				              WHERE status = 'pending'
				                 OR (status = 'processing' AND heartbeat_at < now() - CAST(:lease AS interval))
				              ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
				RETURNING j.id, j.job_type AS type, j.file_format AS format, j.access_level AS level, j.created_by,
				  j.permissions, j.processed_rows, j.attempts""")
                .param("node", node)
                .param("lease", lease.toMillis() + " milliseconds")
                .query(CLAIMS)
                .optional();
    }

    byte[] file(UUID jobId) {
        return jdbc.sql("SELECT content FROM bulk_upload_files WHERE job_id = :id")
                .param("id", jobId)
                .query(byte[].class)
                .single();
    }

    /** Locks the job for a batch; false when it was cancelled or another runner took it over. */
    boolean holds(UUID id, String node) {
        return jdbc.sql("SELECT 1 FROM bulk_upload_jobs WHERE id = :id AND locked_by = :node AND status = 'processing'"
                        + " FOR UPDATE")
                .param("id", id)
                .param("node", node)
                .query(Integer.class)
                .optional()
                .isPresent();
    }

    /** Hands a job back unfinished: it is claimable at once, and the stop does not count as an attempt. */
    void release(UUID id, String node, int afterRow) {
        jdbc.sql("UPDATE bulk_upload_jobs SET locked_by = NULL, heartbeat_at = now() - interval '1 day',"
                        + " attempts = greatest(attempts - 1, 0), processing_logs = " + LOG
                        + " WHERE id = :id AND locked_by = :node AND status = 'processing'")
                .param("id", id)
                .param("node", node)
                .param("message", "paused after row " + afterRow + ": the service is stopping")
                .update();
    }

    void progress(UUID id, int rows, int success, int errors) {
        jdbc.sql("""
				UPDATE bulk_upload_jobs SET processed_rows = processed_rows + :rows, success_count = success_count + :ok,
				  error_count = error_count + :errors, heartbeat_at = now() WHERE id = :id""")
                .param("id", id)
                .param("rows", rows)
                .param("ok", success)
                .param("errors", errors)
                .update();
    }

    void insertErrors(UUID jobId, List<RowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        jdbc.sql("""
				INSERT INTO bulk_upload_row_errors (job_id, row_number, column_name, value, reason)
				SELECT :id, * FROM unnest(CAST(:rows AS int[]), CAST(:columns AS text[]), CAST(:values AS text[]),
				  CAST(:reasons AS text[]))""")
                .param("id", jobId)
                .param("rows", errors.stream().map(RowError::rowNumber).toArray(Integer[]::new))
                .param("columns", errors.stream().map(RowError::column).toArray(String[]::new))
                .param("values", errors.stream().map(e -> truncate(e.value())).toArray(String[]::new))
                .param("reasons", errors.stream().map(RowError::reason).toArray(String[]::new))
                .update();
    }

    void log(UUID id, String message) {
        jdbc.sql("UPDATE bulk_upload_jobs SET processing_logs = " + LOG + " WHERE id = :id")
                .param("id", id)
                .param("message", message)
                .update();
    }

    /** Ends a job this runner holds; a job cancelled meanwhile stays cancelled. */
    void finish(UUID id, String node, String status, String errorMessage, String message) {
        jdbc.sql("UPDATE bulk_upload_jobs SET status = :status, completed_at = now(), locked_by = NULL,"
                        + " error_message = :error, processing_logs = " + LOG
                        + " WHERE id = :id AND locked_by = :node AND status = 'processing'")
                .param("id", id)
                .param("node", node)
                .param("status", status)
                .param("error", errorMessage, Types.VARCHAR)
                .param("message", message)
                .update();
    }

    private static String truncate(String value) {
        return value == null || value.length() <= 1000 ? value : value.substring(0, 1000) + "...";
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Caller caller) {
        return spec.param("caller_id", caller.userId())
                .param("caller_org", caller.organizationId(), Types.OTHER)
                .param("caller_super", caller.isSuperAdmin());
    }

    /** A job to create. */
    record NewJob(
            String originalFilename,
            long size,
            String hash,
            JobType type,
            FileFormat format,
            int totalRows,
            AccessLevel level,
            UUID organizationId,
            UUID createdBy,
            Set<String> permissions,
            String note) {}

    /** A job a runner claimed, with what it needs to process it and the row to resume after. */
    record Claim(
            UUID id,
            JobType type,
            FileFormat format,
            AccessLevel level,
            UUID createdBy,
            Set<String> permissions,
            int processedRows,
            int attempts) {}
}
