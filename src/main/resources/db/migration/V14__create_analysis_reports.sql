CREATE TABLE analysis_reports (
    id                UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    report_type       VARCHAR(30)  NOT NULL,
    title             VARCHAR(500) NOT NULL,
    executive_summary TEXT,
    key_findings      JSONB        NOT NULL DEFAULT '[]',
    recommendations   JSONB        NOT NULL DEFAULT '[]',
    company_ids       UUID[]       NOT NULL DEFAULT '{}',
    period_start      DATE,
    period_end        DATE,
    confidence_score  NUMERIC(5, 4),
    status            VARCHAR(20)  NOT NULL DEFAULT 'draft',
    metadata          JSONB        NOT NULL DEFAULT '{}',
    organization_id   UUID,
    access_level      VARCHAR(20)  NOT NULL,
    created_by        UUID         NOT NULL,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at        TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    deleted_at        TIMESTAMPTZ,
    CONSTRAINT fk_analysis_reports_organization FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    CONSTRAINT fk_analysis_reports_created_by FOREIGN KEY (created_by) REFERENCES users (id),
    CONSTRAINT chk_analysis_reports_access_level CHECK (access_level IN ('personal', 'organization', 'system')),
    CONSTRAINT chk_analysis_reports_access_scope
        CHECK ((access_level = 'organization') = (organization_id IS NOT NULL)),
    CONSTRAINT chk_analysis_reports_type CHECK (report_type IN (
        'competitive_landscape', 'company_profile', 'market_trends', 'financial_analysis', 'risk_assessment',
        'sector_overview', 'custom')),
    CONSTRAINT chk_analysis_reports_status CHECK (status IN ('draft', 'published', 'archived')),
    CONSTRAINT chk_analysis_reports_confidence CHECK (confidence_score >= 0 AND confidence_score <= 1),
    CONSTRAINT chk_analysis_reports_period CHECK (period_end >= period_start)
);

CREATE INDEX idx_analysis_reports_type_created ON analysis_reports (report_type, created_at DESC);
CREATE INDEX idx_analysis_reports_organization_id ON analysis_reports (organization_id);
CREATE INDEX idx_analysis_reports_created_by ON analysis_reports (created_by);
CREATE INDEX idx_analysis_reports_companies ON analysis_reports USING gin (company_ids);

CREATE TRIGGER trg_analysis_reports_updated_at BEFORE UPDATE ON analysis_reports
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
