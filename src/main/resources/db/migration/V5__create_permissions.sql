CREATE TABLE permissions (
    id          UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    name        VARCHAR(100) NOT NULL,
    resource    VARCHAR(50)  NOT NULL,
    action      VARCHAR(50)  NOT NULL,
    description TEXT,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT uq_permissions_name UNIQUE (name),
    CONSTRAINT uq_permissions_resource_action UNIQUE (resource, action),
    CONSTRAINT chk_permissions_name_format CHECK (name = resource || ':' || action)
);

CREATE TABLE user_permissions (
    user_id       UUID        NOT NULL,
    permission_id UUID        NOT NULL,
    granted_by    UUID,
    granted_at    TIMESTAMPTZ NOT NULL DEFAULT CURRENT_TIMESTAMP,
    PRIMARY KEY (user_id, permission_id),
    CONSTRAINT fk_user_permissions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_permissions_permission FOREIGN KEY (permission_id)
        REFERENCES permissions (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_permissions_granted_by FOREIGN KEY (granted_by) REFERENCES users (id) ON DELETE SET NULL
);

CREATE INDEX idx_user_permissions_permission_id ON user_permissions (permission_id);

INSERT INTO permissions (name, resource, action, description) VALUES
    ('companies:read', 'companies', 'read', 'Read company profiles, filings and metrics'),
    ('companies:write', 'companies', 'write', 'Create, update and delete companies, filings and metrics'),
    ('predictions:read', 'predictions', 'read', 'Read default-risk predictions and dashboards'),
    ('predictions:write', 'predictions', 'write', 'Create, update and delete predictions'),
    ('uploads:create', 'uploads', 'create', 'Start bulk upload jobs'),
    ('uploads:read', 'uploads', 'read', 'Read bulk upload jobs and their errors'),
    ('documents:read', 'documents', 'read', 'Search and read documents'),
    ('documents:write', 'documents', 'write', 'Ingest and delete documents'),
    ('intelligence:read', 'intelligence', 'read', 'Read market intelligence and analysis reports'),
    ('intelligence:write', 'intelligence', 'write', 'Write market intelligence and analysis reports'),
    ('audit:read', 'audit', 'read', 'Query the audit log'),
    ('api_keys:manage', 'api_keys', 'manage', 'Create and revoke own API keys');
