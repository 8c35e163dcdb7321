CREATE TABLE users (
    id              UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    email           VARCHAR(255) NOT NULL,
    password_hash   VARCHAR(255) NOT NULL,
    role            VARCHAR(50)  NOT NULL DEFAULT 'user',
    organization_id UUID,
    first_name      VARCHAR(100),
    last_name       VARCHAR(100),
    phone           VARCHAR(20),
    is_verified     BOOLEAN      NOT NULL DEFAULT FALSE,
    is_active       BOOLEAN      NOT NULL DEFAULT TRUE,
    last_login      TIMESTAMPTZ,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_users_email UNIQUE (email),
    CONSTRAINT fk_users_organization FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE SET NULL,
    CONSTRAINT chk_users_role
        CHECK (role IN ('user', 'org_member', 'org_admin', 'tenant_admin', 'super_admin')),
    -- The intelligence document's pattern, with its stray '|' removed from the TLD class.
    CONSTRAINT chk_email_format
        CHECK (email ~* '^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$')
);

-- Emails are compared case-insensitively: two spellings of one address are one account.
CREATE UNIQUE INDEX uq_users_email_lower ON users (lower(email));
CREATE INDEX idx_users_email ON users (email);
CREATE INDEX idx_users_organization_id ON users (organization_id);
CREATE INDEX idx_users_role ON users (role);
CREATE INDEX idx_users_is_verified ON users (is_verified);
CREATE INDEX idx_users_created_at ON users (created_at);
CREATE INDEX idx_users_email_verified ON users (email) WHERE is_verified = TRUE;
CREATE INDEX idx_users_active_role ON users (role) WHERE is_active = TRUE;

CREATE TRIGGER trg_users_updated_at BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION set_updated_at();

-- Owner of rows the platform itself creates (EDGAR imports, seeded system companies). It can never log in:
-- '!' is not a hash any password matches, and the account is inactive.
INSERT INTO users (id, email, password_hash, role, is_verified, is_active, first_name, last_name)
VALUES ('00000000-0000-0000-0000-000000000001', 'system@covenant.internal', '!', 'user', TRUE, FALSE,
        'Covenant', 'System');
