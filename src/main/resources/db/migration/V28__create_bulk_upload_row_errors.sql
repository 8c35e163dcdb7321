-- Why a row of an upload was not stored: its row number in the file (the header is row 1), the column, the value
-- and the reason. Written in the same transaction as the batch the row belongs to.
CREATE TABLE bulk_upload_row_errors (
    job_id      UUID         NOT NULL,
    row_number  INTEGER      NOT NULL,
    column_name VARCHAR(100),
    value       TEXT,
    reason      TEXT         NOT NULL,
    CONSTRAINT fk_bulk_row_errors_job FOREIGN KEY (job_id) REFERENCES bulk_upload_jobs (id) ON DELETE CASCADE
);

CREATE INDEX idx_bulk_row_errors_job_row ON bulk_upload_row_errors (job_id, row_number);
