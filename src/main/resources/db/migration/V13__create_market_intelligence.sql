CREATE TABLE market_intelligence (
    id                 UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    event_type         VARCHAR(30)  NOT NULL,
    title              VARCHAR(500) NOT NULL,
    summary            TEXT,
    content            TEXT,
    source             VARCHAR(200),
    source_url         VARCHAR(1000),
    event_date         DATE         NOT NULL,
    primary_company_id UUID,
    related_companies  UUID[]       NOT NULL DEFAULT '{}',
    sentiment_score    NUMERIC(5, 4),
    confidence_score   NUMERIC(5, 4),
    impact_assessment  TEXT,
    metadata           JSONB        NOT NULL DEFAULT '{}',
    organization_id    UUID,
    access_level       VARCHAR(20)  NOT NULL,
    created_by         UUID         NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at         TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    deleted_at         TIMESTAMPTZ,
    CONSTRAINT fk_market_intelligence_company FOREIGN KEY (primary_company_id)
        REFERENCES companies (id) ON DELETE SET NULL,
    CONSTRAINT fk_market_intelligence_organization FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    CONSTRAINT fk_market_intelligence_created_by FOREIGN KEY (created_by) REFERENCES users (id),
    CONSTRAINT chk_market_intelligence_access_level CHECK (access_level IN ('personal', 'organization', 'system')),
    CONSTRAINT chk_market_intelligence_access_scope
        CHECK ((access_level = 'organization') = (organization_id IS NOT NULL)),
    CONSTRAINT chk_market_intelligence_event_type CHECK (event_type IN (
        'funding', 'acquisition', 'partnership', 'product_launch', 'earnings', 'regulatory', 'leadership_change',
        'layoff', 'ipo', 'litigation', 'other')),
    CONSTRAINT chk_sentiment_score CHECK (sentiment_score >= -1 AND sentiment_score <= 1),
    CONSTRAINT chk_market_intelligence_confidence CHECK (confidence_score >= 0 AND confidence_score <= 1)
);

CREATE INDEX idx_market_intelligence_company_date ON market_intelligence (primary_company_id, event_date DESC);
CREATE INDEX idx_market_intelligence_type_date ON market_intelligence (event_type, event_date DESC);
CREATE INDEX idx_market_intelligence_organization_id ON market_intelligence (organization_id);
CREATE INDEX idx_market_intelligence_created_by ON market_intelligence (created_by);
CREATE INDEX idx_market_intelligence_related ON market_intelligence USING gin (related_companies);

CREATE TRIGGER trg_market_intelligence_updated_at BEFORE UPDATE ON market_intelligence
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
