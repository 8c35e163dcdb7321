-- The uploaded file, kept in the database: the job and its file are written in one transaction, and any node can
-- resume the job after a restart.
CREATE TABLE bulk_upload_files (
    job_id  UUID PRIMARY KEY,
    content BYTEA NOT NULL,
    CONSTRAINT fk_bulk_upload_files_job FOREIGN KEY (job_id) REFERENCES bulk_upload_jobs (id) ON DELETE CASCADE
);
