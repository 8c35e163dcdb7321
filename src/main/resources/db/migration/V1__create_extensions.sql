-- pg_trgm backs fuzzy company-name search; it is a trusted extension, so a non-superuser owner can create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- pg_stat_statements needs superuser rights on a managed server; its absence must not block the schema.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
EXCEPTION WHEN insufficient_privilege OR undefined_file THEN
    RAISE NOTICE 'pg_stat_statements not installed: %', SQLERRM;
END $$;
