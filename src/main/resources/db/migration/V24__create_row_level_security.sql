-- The database enforces AccuNode's access rule a second time. Requests run as covenant_app (through SET ROLE) with
-- the caller in covenant.user_id / covenant.org_id / covenant.role; covenant_app owns nothing, so the policies bind.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'covenant_app') THEN
        CREATE ROLE covenant_app NOLOGIN;
    END IF;
    EXECUTE format('GRANT covenant_app TO %I', current_user);
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'cannot create role covenant_app (%): row-level security will not be enforced', SQLERRM;
END $$;

CREATE FUNCTION covenant_caller_id() RETURNS UUID
LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('covenant.user_id', TRUE), '')::UUID $$;

CREATE FUNCTION covenant_caller_org() RETURNS UUID
LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('covenant.org_id', TRUE), '')::UUID $$;

CREATE FUNCTION covenant_caller_role() RETURNS TEXT
LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('covenant.role', TRUE), '') $$;

-- personal: its creator; organization: members of that organisation; system: everyone; a super_admin sees all.
CREATE FUNCTION covenant_can_see(p_access_level TEXT, p_organization_id UUID, p_created_by UUID) RETURNS BOOLEAN
LANGUAGE sql STABLE AS $$
    SELECT p_access_level = 'system'
        OR (p_access_level = 'personal' AND p_created_by = covenant_caller_id())
        OR (p_access_level = 'organization' AND p_organization_id = covenant_caller_org())
        OR covenant_caller_role() = 'super_admin'
$$;

DO $$
DECLARE
    t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['companies', 'annual_predictions', 'quarterly_predictions', 'documents',
                             'market_intelligence', 'analysis_reports']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY %I ON %I USING (covenant_can_see(access_level, organization_id, created_by))',
                       t || '_visible_to_caller', t);
    END LOOP;
END $$;

ALTER TABLE bulk_upload_jobs ENABLE ROW LEVEL SECURITY;
CREATE POLICY bulk_upload_jobs_visible_to_caller ON bulk_upload_jobs
    USING (created_by = covenant_caller_id()
        OR (organization_id = covenant_caller_org() AND covenant_caller_role() IN ('org_admin', 'tenant_admin'))
        OR covenant_caller_role() = 'super_admin');

DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'covenant_app') THEN
        GRANT USAGE ON SCHEMA public TO covenant_app;
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO covenant_app;
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO covenant_app;
        GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO covenant_app;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO covenant_app;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO covenant_app;
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO covenant_app;
    END IF;
END $$;
