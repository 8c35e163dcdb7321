-- Which model scored a prediction, and its reasons (per-ratio contributions to the log-odds), kept with the row.
ALTER TABLE annual_predictions
    ADD COLUMN model_version VARCHAR(50),
    ADD COLUMN explanation JSONB NOT NULL DEFAULT '{}';

ALTER TABLE quarterly_predictions
    ADD COLUMN model_version VARCHAR(50),
    ADD COLUMN explanation JSONB NOT NULL DEFAULT '{}';
