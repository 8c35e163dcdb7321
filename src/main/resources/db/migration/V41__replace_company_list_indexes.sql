-- One index per documented sort of the company list (created_at, name, symbol, market_cap, founded_year) and per
-- branch of the access rule, each ending in the id the keyset cursor breaks ties with. A list reads each branch the
-- caller may see (system rows, its organisation's, its own personal ones; everything for a super_admin) in index
-- order and stops after a page, whatever the table's size. docs/schema.md lists what each replaces.

-- A super_admin sees every live row. These indexes are partial on a condition that is always true but that only a
-- super_admin's list states (AccessSql.EVERY_OWNER): no narrower branch implies it, so the planner can never walk every
-- row of the table for a branch that has an index of its own (it did, from a cursor where its estimates ran out).
DROP INDEX idx_companies_name;
DROP INDEX idx_companies_symbol;
DROP INDEX idx_companies_market_cap;
CREATE INDEX idx_companies_created_at ON companies (created_at, id)
    WHERE deleted_at IS NULL AND (coalesce(organization_id, created_by) IS NULL OR coalesce(organization_id, created_by) IS NOT NULL);
CREATE INDEX idx_companies_name ON companies (name, id)
    WHERE deleted_at IS NULL AND (coalesce(organization_id, created_by) IS NULL OR coalesce(organization_id, created_by) IS NOT NULL);
CREATE INDEX idx_companies_symbol ON companies (symbol, id)
    WHERE deleted_at IS NULL AND (coalesce(organization_id, created_by) IS NULL OR coalesce(organization_id, created_by) IS NOT NULL);
CREATE INDEX idx_companies_market_cap ON companies (market_cap, id)
    WHERE deleted_at IS NULL AND (coalesce(organization_id, created_by) IS NULL OR coalesce(organization_id, created_by) IS NOT NULL);
CREATE INDEX idx_companies_founded_year ON companies (founded_year, id)
    WHERE deleted_at IS NULL AND (coalesce(organization_id, created_by) IS NULL OR coalesce(organization_id, created_by) IS NOT NULL);

-- Shared rows, seen by everyone.
CREATE INDEX idx_companies_system_created_at ON companies (created_at, id)
    WHERE access_level = 'system' AND deleted_at IS NULL;
CREATE INDEX idx_companies_system_name ON companies (name, id) WHERE access_level = 'system' AND deleted_at IS NULL;
CREATE INDEX idx_companies_system_symbol ON companies (symbol, id) WHERE access_level = 'system' AND deleted_at IS NULL;
CREATE INDEX idx_companies_system_market_cap ON companies (market_cap, id)
    WHERE access_level = 'system' AND deleted_at IS NULL;
CREATE INDEX idx_companies_system_founded_year ON companies (founded_year, id)
    WHERE access_level = 'system' AND deleted_at IS NULL;

-- An organisation's rows. Soft-deleted rows stay in these so that deleting an organisation (ON DELETE CASCADE)
-- finds all its companies through them, which idx_companies_organization_id did before.
DROP INDEX idx_companies_organization_id;
CREATE INDEX idx_companies_org_created_at ON companies (organization_id, created_at, id) WHERE organization_id IS NOT NULL;
CREATE INDEX idx_companies_org_name ON companies (organization_id, name, id) WHERE organization_id IS NOT NULL;
CREATE INDEX idx_companies_org_symbol ON companies (organization_id, symbol, id) WHERE organization_id IS NOT NULL;
CREATE INDEX idx_companies_org_market_cap ON companies (organization_id, market_cap, id)
    WHERE organization_id IS NOT NULL;
CREATE INDEX idx_companies_org_founded_year ON companies (organization_id, founded_year, id)
    WHERE organization_id IS NOT NULL;

-- A user's personal rows.
CREATE INDEX idx_companies_personal_created_at ON companies (created_by, created_at, id)
    WHERE access_level = 'personal' AND deleted_at IS NULL;
CREATE INDEX idx_companies_personal_name ON companies (created_by, name, id)
    WHERE access_level = 'personal' AND deleted_at IS NULL;
CREATE INDEX idx_companies_personal_symbol ON companies (created_by, symbol, id)
    WHERE access_level = 'personal' AND deleted_at IS NULL;
CREATE INDEX idx_companies_personal_market_cap ON companies (created_by, market_cap, id)
    WHERE access_level = 'personal' AND deleted_at IS NULL;
CREATE INDEX idx_companies_personal_founded_year ON companies (created_by, founded_year, id)
    WHERE access_level = 'personal' AND deleted_at IS NULL;

-- Covered or unused (docs/schema.md, "Index set"): sector by idx_companies_sector_market_cap and
-- idx_company_sector_subsector; access_level has three values and no query filters on it alone; created_by is a
-- foreign key to users, which are deactivated, never deleted; the two single-column text-search indexes and the
-- upper(symbol) index serve no query (symbols are stored upper-case and compared as they are).
DROP INDEX idx_companies_sector;
DROP INDEX idx_companies_access_level;
DROP INDEX idx_companies_created_by;
DROP INDEX idx_companies_name_search;
DROP INDEX idx_companies_symbol_search;
DROP INDEX idx_company_ticker;
