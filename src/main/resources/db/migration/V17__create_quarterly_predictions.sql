CREATE TABLE quarterly_predictions (
    id                              UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    company_id                      UUID          NOT NULL,
    reporting_year                  VARCHAR(4)    NOT NULL,
    reporting_quarter               VARCHAR(2)    NOT NULL,
    logistic_probability            DECIMAL(5, 4) NOT NULL,
    gbm_probability                 DECIMAL(5, 4) NOT NULL,
    ensemble_probability            DECIMAL(5, 4) NOT NULL,
    risk_level                      VARCHAR(10)   NOT NULL,
    confidence                      DECIMAL(5, 4) NOT NULL,
    predicted_at                    TIMESTAMPTZ   NOT NULL,
    current_ratio                   DECIMAL(8, 4),
    quick_ratio                     DECIMAL(8, 4),
    debt_to_equity                  DECIMAL(8, 4),
    inventory_turnover              DECIMAL(8, 4),
    receivables_turnover            DECIMAL(8, 4),
    working_capital_to_total_assets DECIMAL(8, 4),
    access_level                    VARCHAR(20)   NOT NULL,
    organization_id                 UUID,
    created_by                      UUID          NOT NULL,
    created_at                      TIMESTAMPTZ   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at                      TIMESTAMPTZ   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_quarterly_predictions_company FOREIGN KEY (company_id)
        REFERENCES companies (id) ON DELETE CASCADE,
    CONSTRAINT fk_quarterly_predictions_organization FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    CONSTRAINT fk_quarterly_predictions_created_by FOREIGN KEY (created_by) REFERENCES users (id),
    CONSTRAINT unique_quarterly_prediction UNIQUE (company_id, reporting_year, reporting_quarter, organization_id),
    CONSTRAINT chk_quarterly_reporting_year CHECK (reporting_year ~ '^\d{4}$'),
    CONSTRAINT chk_quarterly_reporting_quarter CHECK (reporting_quarter IN ('Q1', 'Q2', 'Q3', 'Q4')),
    CONSTRAINT chk_quarterly_logistic_probability CHECK (logistic_probability >= 0 AND logistic_probability <= 1),
    CONSTRAINT chk_quarterly_gbm_probability CHECK (gbm_probability >= 0 AND gbm_probability <= 1),
    CONSTRAINT chk_quarterly_ensemble_probability CHECK (ensemble_probability >= 0 AND ensemble_probability <= 1),
    CONSTRAINT chk_quarterly_risk_level CHECK (risk_level IN ('Low', 'Medium', 'High')),
    CONSTRAINT chk_quarterly_confidence CHECK (confidence >= 0 AND confidence <= 1),
    CONSTRAINT chk_quarterly_current_ratio CHECK (current_ratio >= 0 AND current_ratio <= 10),
    CONSTRAINT chk_quarterly_quick_ratio CHECK (quick_ratio >= 0 AND quick_ratio <= 10),
    CONSTRAINT chk_quarterly_debt_to_equity CHECK (debt_to_equity >= 0 AND debt_to_equity <= 5),
    CONSTRAINT chk_quarterly_inventory_turnover CHECK (inventory_turnover >= 0 AND inventory_turnover <= 50),
    CONSTRAINT chk_quarterly_receivables_turnover CHECK (receivables_turnover >= 0 AND receivables_turnover <= 50),
    CONSTRAINT chk_quarterly_wc_to_total_assets
        CHECK (working_capital_to_total_assets >= -1 AND working_capital_to_total_assets <= 1),
    CONSTRAINT chk_quarterly_access_level CHECK (access_level IN ('personal', 'organization', 'system')),
    CONSTRAINT chk_quarterly_access_scope CHECK ((access_level = 'organization') = (organization_id IS NOT NULL))
);

CREATE UNIQUE INDEX uq_quarterly_prediction_personal
    ON quarterly_predictions (company_id, reporting_year, reporting_quarter, created_by)
    WHERE access_level = 'personal';
CREATE UNIQUE INDEX uq_quarterly_prediction_system
    ON quarterly_predictions (company_id, reporting_year, reporting_quarter)
    WHERE access_level = 'system';

CREATE INDEX idx_quarterly_predictions_company_id ON quarterly_predictions (company_id);
CREATE INDEX idx_quarterly_predictions_reporting_year ON quarterly_predictions (reporting_year);
CREATE INDEX idx_quarterly_predictions_reporting_quarter ON quarterly_predictions (reporting_quarter);
CREATE INDEX idx_quarterly_predictions_risk_level ON quarterly_predictions (risk_level);
CREATE INDEX idx_quarterly_predictions_organization_id ON quarterly_predictions (organization_id);
CREATE INDEX idx_quarterly_predictions_created_by ON quarterly_predictions (created_by);
CREATE INDEX idx_quarterly_predictions_access_level ON quarterly_predictions (access_level);
CREATE INDEX idx_quarterly_predictions_ensemble_probability ON quarterly_predictions (ensemble_probability);
CREATE INDEX idx_quarterly_predictions_created_at ON quarterly_predictions (created_at);
CREATE INDEX idx_quarterly_predictions_company_year_qtr
    ON quarterly_predictions (company_id, reporting_year, reporting_quarter);
CREATE INDEX idx_quarterly_predictions_org_year_qtr
    ON quarterly_predictions (organization_id, reporting_year, reporting_quarter);
CREATE INDEX idx_quarterly_pred_performance
    ON quarterly_predictions (organization_id, reporting_year DESC, reporting_quarter);

CREATE TRIGGER trg_quarterly_predictions_updated_at BEFORE UPDATE ON quarterly_predictions
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
