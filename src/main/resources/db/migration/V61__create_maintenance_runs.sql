-- One row per run of a maintenance job, whichever node ran it: what the ops API shows as last run, duration, outcome.
CREATE TABLE maintenance_runs (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    job         VARCHAR(60) NOT NULL,
    node        VARCHAR(200) NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL,
    duration_ms BIGINT      NOT NULL,
    outcome     VARCHAR(10) NOT NULL,
    detail      TEXT,
    CONSTRAINT chk_maintenance_runs_outcome CHECK (outcome IN ('succeeded', 'failed')),
    CONSTRAINT chk_maintenance_runs_duration CHECK (duration_ms >= 0)
);

CREATE INDEX idx_maintenance_runs_job_started ON maintenance_runs (job, started_at DESC);
