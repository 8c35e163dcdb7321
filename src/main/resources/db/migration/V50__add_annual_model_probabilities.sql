-- Annual predictions are served by an ensemble as quarterly ones are: the members' probabilities are kept beside it.
-- Rows scored before by the logistic model alone have none.
ALTER TABLE annual_predictions
    ADD COLUMN logistic_probability DECIMAL(5, 4),
    ADD COLUMN gbm_probability      DECIMAL(5, 4),
    ADD CONSTRAINT chk_annual_logistic_probability CHECK (logistic_probability >= 0 AND logistic_probability <= 1),
    ADD CONSTRAINT chk_annual_gbm_probability CHECK (gbm_probability >= 0 AND gbm_probability <= 1);
