CREATE TABLE bulk_upload_jobs (
    id                UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    filename          VARCHAR(255) NOT NULL,
    original_filename VARCHAR(255) NOT NULL,
    file_size         BIGINT       NOT NULL,
    file_hash         VARCHAR(64),
    status            VARCHAR(20)  NOT NULL DEFAULT 'pending',
    job_type          VARCHAR(20)  NOT NULL,
    total_rows        INTEGER      NOT NULL DEFAULT 0,
    processed_rows    INTEGER      NOT NULL DEFAULT 0,
    success_count     INTEGER      NOT NULL DEFAULT 0,
    error_count       INTEGER      NOT NULL DEFAULT 0,
    started_at        TIMESTAMPTZ,
    completed_at      TIMESTAMPTZ,
    error_message     TEXT,
    processing_logs   JSONB        NOT NULL DEFAULT '[]',
    organization_id   UUID,
    created_by        UUID         NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at        TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_bulk_jobs_organization FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    CONSTRAINT fk_bulk_jobs_created_by FOREIGN KEY (created_by) REFERENCES users (id),
    CONSTRAINT chk_bulk_jobs_status CHECK (status IN ('pending', 'processing', 'completed', 'failed', 'cancelled')),
    CONSTRAINT chk_bulk_jobs_job_type CHECK (job_type IN ('annual', 'quarterly')),
    CONSTRAINT chk_bulk_jobs_file_size CHECK (file_size >= 0),
    CONSTRAINT chk_bulk_jobs_file_hash CHECK (file_hash ~ '^[0-9a-f]{64}$'),
    CONSTRAINT chk_bulk_jobs_counts CHECK (
        total_rows >= 0 AND processed_rows >= 0 AND success_count >= 0 AND error_count >= 0
        AND success_count + error_count <= processed_rows),
    CONSTRAINT chk_bulk_jobs_logs_array CHECK (jsonb_typeof(processing_logs) = 'array')
);

CREATE INDEX idx_bulk_jobs_status ON bulk_upload_jobs (status);
CREATE INDEX idx_bulk_jobs_created_by ON bulk_upload_jobs (created_by);
CREATE INDEX idx_bulk_jobs_organization_id ON bulk_upload_jobs (organization_id);
CREATE INDEX idx_bulk_jobs_job_type ON bulk_upload_jobs (job_type);
CREATE INDEX idx_bulk_jobs_created_at ON bulk_upload_jobs (created_at);
CREATE INDEX idx_bulk_jobs_file_hash ON bulk_upload_jobs (file_hash);

CREATE TRIGGER trg_bulk_upload_jobs_updated_at BEFORE UPDATE ON bulk_upload_jobs
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
