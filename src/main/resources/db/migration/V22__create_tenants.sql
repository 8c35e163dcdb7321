-- A tenant groups organisations; a tenant_admin manages the organisations of its own tenant only.
CREATE TABLE tenants (
    id         UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    name       VARCHAR(200) NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_tenants_name UNIQUE (name),
    CONSTRAINT chk_tenants_name_not_blank CHECK (btrim(name) <> '')
);

CREATE TRIGGER trg_tenants_updated_at BEFORE UPDATE ON tenants
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

ALTER TABLE organizations
    ADD COLUMN tenant_id UUID,
    ADD COLUMN join_token_hash VARCHAR(128),
    ADD COLUMN join_enabled BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN default_role VARCHAR(50) NOT NULL DEFAULT 'org_member',
    ADD COLUMN allowed_email_domains TEXT[] NOT NULL DEFAULT '{}',
    ADD COLUMN allowed_emails TEXT[] NOT NULL DEFAULT '{}',
    ADD COLUMN max_users INTEGER,
    ADD CONSTRAINT fk_organizations_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE SET NULL,
    ADD CONSTRAINT uq_organizations_join_token_hash UNIQUE (join_token_hash),
    -- Joining by invitation never grants an administrator role.
    ADD CONSTRAINT chk_organizations_default_role CHECK (default_role IN ('user', 'org_member')),
    ADD CONSTRAINT chk_organizations_max_users CHECK (max_users > 0);

CREATE INDEX idx_organizations_tenant_id ON organizations (tenant_id);

ALTER TABLE users ADD COLUMN tenant_id UUID,
    ADD CONSTRAINT fk_users_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE SET NULL,
    -- A tenant_admin administers exactly one tenant.
    ADD CONSTRAINT chk_users_tenant_admin_has_tenant CHECK (role <> 'tenant_admin' OR tenant_id IS NOT NULL);

CREATE INDEX idx_users_tenant_id ON users (tenant_id);
