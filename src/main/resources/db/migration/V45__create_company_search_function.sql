-- Fuzzy name (trigram) and text (full-text) search over companies, with their GIN indexes under row-level security.
-- The operators %, ILIKE and @@ are not leakproof, so in a query of covenant_app PostgreSQL evaluates them only after
-- the companies policy, row by row, and never through idx_companies_name_trgm or idx_companies_fulltext. This
-- function runs as the schema's owner, which the policies do not bind: it finds the candidates through those indexes
-- and applies the caller's access rule itself (the same covenant_can_see the policy calls, on the same session
-- settings), and returns ids only. The caller's query then reads those companies through the policy as usual, so a
-- row is still checked twice.
-- Each case is its own statement: a condition such as "p_name IS NULL OR c.name % p_name" could not use the index.
CREATE FUNCTION covenant_search_companies(p_name TEXT, p_query TEXT)
RETURNS TABLE (id UUID, similarity REAL)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 200 AS $$
BEGIN
    IF p_query IS NULL THEN
        RETURN QUERY SELECT c.id, similarity(c.name, p_name) FROM companies c
            WHERE (c.name % p_name OR c.name ILIKE '%' || p_name || '%') AND c.deleted_at IS NULL
              AND covenant_can_see(c.access_level, c.organization_id, c.created_by);
    ELSIF p_name IS NULL THEN
        RETURN QUERY SELECT c.id, 0::REAL FROM companies c
            WHERE to_tsvector('english', c.name || ' ' || coalesce(c.description, ''))
                  @@ websearch_to_tsquery('english', p_query)
              AND c.deleted_at IS NULL AND covenant_can_see(c.access_level, c.organization_id, c.created_by);
    ELSE
        RETURN QUERY SELECT c.id, similarity(c.name, p_name) FROM companies c
            WHERE to_tsvector('english', c.name || ' ' || coalesce(c.description, ''))
                  @@ websearch_to_tsquery('english', p_query)
              AND (c.name % p_name OR c.name ILIKE '%' || p_name || '%') AND c.deleted_at IS NULL
              AND covenant_can_see(c.access_level, c.organization_id, c.created_by);
    END IF;
END $$;
