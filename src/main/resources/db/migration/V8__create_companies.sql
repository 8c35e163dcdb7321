-- One table for both documents: the intelligence platform's profile columns and AccuNode's tenancy columns.
CREATE TABLE companies (
    id                    UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    symbol                VARCHAR(10)  NOT NULL,
    cik                   VARCHAR(10),
    name                  VARCHAR(255) NOT NULL,
    legal_name            VARCHAR(255),
    category              VARCHAR(50),
    sector                VARCHAR(100) NOT NULL,
    subsector             VARCHAR(100),
    industry              VARCHAR(100),
    subcategory           JSONB        NOT NULL DEFAULT '[]',
    monetization_strategy JSONB        NOT NULL DEFAULT '[]',
    sic_code              VARCHAR(4),
    founded_year          INTEGER,
    headquarters          VARCHAR(255),
    employee_count        INTEGER,
    market_cap            BIGINT,
    country               VARCHAR(3)   DEFAULT 'USA',
    currency              VARCHAR(3)   DEFAULT 'USD',
    exchange              VARCHAR(10),
    website               VARCHAR(255),
    description           TEXT,
    fiscal_year_end       VARCHAR(4),
    organization_id       UUID,
    access_level          VARCHAR(20)  NOT NULL,
    created_by            UUID         NOT NULL,
    created_at            TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at            TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    deleted_at            TIMESTAMPTZ,
    CONSTRAINT fk_companies_organization FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
    CONSTRAINT fk_companies_created_by FOREIGN KEY (created_by) REFERENCES users (id),
    CONSTRAINT chk_companies_access_level CHECK (access_level IN ('personal', 'organization', 'system')),
    -- Organisation rows name their organisation; personal and system rows belong to no organisation.
    CONSTRAINT chk_companies_access_scope CHECK ((access_level = 'organization') = (organization_id IS NOT NULL)),
    CONSTRAINT chk_companies_symbol_format CHECK (symbol ~ '^[A-Z0-9][A-Z0-9.\-]{0,9}$'),
    CONSTRAINT chk_companies_cik_format CHECK (cik ~ '^[0-9]{10}$'),
    CONSTRAINT chk_companies_market_cap CHECK (market_cap > 0),
    CONSTRAINT chk_founded_year CHECK (founded_year >= 1800 AND founded_year <= EXTRACT(YEAR FROM CURRENT_DATE)),
    CONSTRAINT chk_employee_count CHECK (employee_count > 0),
    CONSTRAINT chk_companies_subcategory_array CHECK (jsonb_typeof(subcategory) = 'array'),
    CONSTRAINT chk_companies_monetization_array CHECK (jsonb_typeof(monetization_strategy) = 'array')
);

-- AccuNode's per-organisation uniqueness; partial so that a soft-deleted company frees its symbol.
CREATE UNIQUE INDEX unique_company_symbol_per_org ON companies (symbol, organization_id)
    WHERE deleted_at IS NULL;
-- A system company is unique by ticker and by CIK among system companies.
CREATE UNIQUE INDEX uq_companies_system_symbol ON companies (symbol)
    WHERE access_level = 'system' AND deleted_at IS NULL;
CREATE UNIQUE INDEX uq_companies_system_cik ON companies (cik)
    WHERE access_level = 'system' AND deleted_at IS NULL;
CREATE UNIQUE INDEX uq_companies_personal_symbol ON companies (symbol, created_by)
    WHERE access_level = 'personal' AND deleted_at IS NULL;

CREATE INDEX idx_companies_symbol ON companies (symbol);
CREATE INDEX idx_companies_name ON companies (name);
CREATE INDEX idx_companies_sector ON companies (sector);
CREATE INDEX idx_companies_organization_id ON companies (organization_id);
CREATE INDEX idx_companies_access_level ON companies (access_level);
CREATE INDEX idx_companies_created_by ON companies (created_by);
CREATE INDEX idx_companies_market_cap ON companies (market_cap);
CREATE INDEX idx_companies_sector_market_cap ON companies (sector, market_cap DESC);
CREATE INDEX idx_companies_name_trgm ON companies USING gin (name gin_trgm_ops);
CREATE INDEX idx_companies_name_search ON companies USING gin (to_tsvector('english', name));
CREATE INDEX idx_companies_symbol_search ON companies USING gin (to_tsvector('english', symbol));
CREATE INDEX idx_companies_fulltext ON companies
    USING gin (to_tsvector('english', name || ' ' || coalesce(description, '')));
-- The intelligence document's names: ticker lookups are case-insensitive, hence upper(symbol).
CREATE INDEX idx_company_ticker ON companies (upper(symbol));
CREATE INDEX idx_company_cik ON companies (cik);
CREATE INDEX idx_company_category ON companies (category);
CREATE INDEX idx_company_sector_subsector ON companies (sector, subsector);

CREATE TRIGGER trg_companies_updated_at BEFORE UPDATE ON companies
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();
