CREATE TABLE annual_predictions (
    id                              UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    company_id                      UUID          NOT NULL,
    reporting_year                  VARCHAR(4)    NOT NULL,
    probability                     DECIMAL(5, 4) NOT NULL,
    risk_level                      VARCHAR(10)   NOT NULL,
    confidence                      DECIMAL(5, 4) NOT NULL,
    predicted_at                    TIMESTAMPTZ   NOT NULL,
    long_term_debt_to_total_capital DECIMAL(8, 4),
    total_debt_to_ebitda            DECIMAL(8, 4),
    net_income_margin               DECIMAL(8, 4),
    ebit_to_interest_expense        DECIMAL(8, 4),
    return_on_assets                DECIMAL(8, 4),
    access_level                    VARCHAR(20)   NOT NULL,
    organization_id                 UUID,
    created_by                      UUID          NOT NULL,
    created_at                      TIMESTAMPTZ   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at                      TIMESTAMPTZ   NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT fk_annual_predictions_company FOREIGN KEY (company_id) REFERENCES companies (id) ON DELETE CASCADE,
    CONSTRAINT fk_annual_predictions_organization FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    CONSTRAINT fk_annual_predictions_created_by FOREIGN KEY (created_by) REFERENCES users (id),
    CONSTRAINT unique_annual_prediction UNIQUE (company_id, reporting_year, organization_id),
    CONSTRAINT chk_annual_reporting_year CHECK (reporting_year ~ '^\d{4}$'),
    CONSTRAINT chk_annual_probability CHECK (probability >= 0 AND probability <= 1),
    CONSTRAINT chk_annual_risk_level CHECK (risk_level IN ('Low', 'Medium', 'High')),
    CONSTRAINT chk_annual_confidence CHECK (confidence >= 0 AND confidence <= 1),
    CONSTRAINT chk_annual_ltd_to_total_capital
        CHECK (long_term_debt_to_total_capital >= 0 AND long_term_debt_to_total_capital <= 2),
    CONSTRAINT chk_annual_total_debt_to_ebitda CHECK (total_debt_to_ebitda >= 0 AND total_debt_to_ebitda <= 50),
    CONSTRAINT chk_annual_net_income_margin CHECK (net_income_margin >= -1 AND net_income_margin <= 1),
    CONSTRAINT chk_annual_ebit_to_interest
        CHECK (ebit_to_interest_expense >= 0 AND ebit_to_interest_expense <= 100),
    CONSTRAINT chk_annual_return_on_assets CHECK (return_on_assets >= -1 AND return_on_assets <= 1),
    CONSTRAINT chk_annual_access_level CHECK (access_level IN ('personal', 'organization', 'system')),
    CONSTRAINT chk_annual_access_scope CHECK ((access_level = 'organization') = (organization_id IS NOT NULL))
);

-- unique_annual_prediction treats NULL organisations as distinct; these close that gap for personal and system rows.
CREATE UNIQUE INDEX uq_annual_prediction_personal ON annual_predictions (company_id, reporting_year, created_by)
    WHERE access_level = 'personal';
CREATE UNIQUE INDEX uq_annual_prediction_system ON annual_predictions (company_id, reporting_year)
    WHERE access_level = 'system';

CREATE INDEX idx_annual_predictions_company_id ON annual_predictions (company_id);
CREATE INDEX idx_annual_predictions_reporting_year ON annual_predictions (reporting_year);
CREATE INDEX idx_annual_predictions_risk_level ON annual_predictions (risk_level);
CREATE INDEX idx_annual_predictions_organization_id ON annual_predictions (organization_id);
CREATE INDEX idx_annual_predictions_created_by ON annual_predictions (created_by);
CREATE INDEX idx_annual_predictions_access_level ON annual_predictions (access_level);
CREATE INDEX idx_annual_predictions_probability ON annual_predictions (probability);
CREATE INDEX idx_annual_predictions_created_at ON annual_predictions (created_at);
CREATE INDEX idx_annual_predictions_predicted_at ON annual_predictions (predicted_at);
CREATE INDEX idx_annual_predictions_company_year ON annual_predictions (company_id, reporting_year);
CREATE INDEX idx_annual_predictions_org_year ON annual_predictions (organization_id, reporting_year);
CREATE INDEX idx_annual_predictions_user_created ON annual_predictions (created_by, created_at);
CREATE INDEX idx_annual_pred_performance ON annual_predictions (organization_id, created_at DESC, risk_level);
CREATE INDEX idx_predictions_date_range ON annual_predictions (predicted_at, risk_level);
CREATE INDEX idx_predictions_probability_range ON annual_predictions (probability)
    WHERE probability BETWEEN 0.3 AND 0.7;

CREATE TRIGGER trg_annual_predictions_updated_at BEFORE UPDATE ON annual_predictions
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
