CREATE TABLE organizations (
    id            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    name          VARCHAR(200) NOT NULL,
    domain        VARCHAR(100),
    description   TEXT,
    industry      VARCHAR(100),
    size_category VARCHAR(50),
    is_active     BOOLEAN     NOT NULL DEFAULT TRUE,
    settings      JSONB       NOT NULL DEFAULT '{}',
    created_at    TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT chk_organizations_size_category
        CHECK (size_category IN ('startup', 'small', 'medium', 'large', 'enterprise')),
    CONSTRAINT chk_organizations_name_not_blank CHECK (btrim(name) <> '')
);

CREATE INDEX idx_organizations_name ON organizations (name);
CREATE INDEX idx_organizations_domain ON organizations (domain);
CREATE INDEX idx_organizations_is_active ON organizations (is_active);
CREATE INDEX idx_organizations_industry ON organizations (industry);

CREATE TRIGGER trg_organizations_updated_at BEFORE UPDATE ON organizations
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
