-- What the durable job runner needs beyond AccuNode's columns: the level the job's rows are written at, the file's
-- format, the permissions the uploader held (a job never does more than the request that started it could), and a
-- lease (locked_by, heartbeat_at) so that a job whose runner died is taken over and resumed from its checkpoint.
ALTER TABLE bulk_upload_jobs
    ADD COLUMN access_level VARCHAR(20) NOT NULL DEFAULT 'personal',
    ADD COLUMN file_format  VARCHAR(10) NOT NULL DEFAULT 'csv',
    ADD COLUMN permissions  TEXT[]      NOT NULL DEFAULT '{}',
    ADD COLUMN locked_by    VARCHAR(100),
    ADD COLUMN heartbeat_at TIMESTAMPTZ,
    ADD COLUMN attempts     INTEGER     NOT NULL DEFAULT 0,
    ADD CONSTRAINT chk_bulk_jobs_access_level CHECK (access_level IN ('personal', 'organization', 'system')),
    ADD CONSTRAINT chk_bulk_jobs_file_format CHECK (file_format IN ('csv', 'xlsx'));

-- The same file uploaded again by the same owner (its organisation, else its creator) for the same job type is the
-- same job, unless that job failed or was cancelled.
CREATE UNIQUE INDEX uq_bulk_jobs_same_file
    ON bulk_upload_jobs (COALESCE(organization_id, created_by), job_type, file_hash)
    WHERE status IN ('pending', 'processing', 'completed');

CREATE INDEX idx_bulk_jobs_runnable ON bulk_upload_jobs (created_at) WHERE status IN ('pending', 'processing');
