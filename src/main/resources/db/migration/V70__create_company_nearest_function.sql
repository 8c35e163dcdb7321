-- A name-only company search ranked by similarity, through a trigram KNN scan. For a common word, the GIN trigram
-- index of covenant_search_companies (V45) finds every name sharing it (tens of thousands at 100k companies), all of
-- which are then scored and sorted to return a page: 1.78 s for the top 25 of 100k similar names. A GiST trigram
-- index returns names nearest first (ORDER BY name <-> :q) and stops after the page: 64 ms on the same data. On a
-- selective search (a rare word, or a name with other filters) GiST is the slower one (17-29 ms against a few ms), so
-- the GIN path stays for every other search, and for a name-only one whose word few names share (below).
-- docs/schema.md explains the choice.
-- Its predicate adds the always-true condition of the super_admin's list indexes (V41), which only this function
-- states: without it the planner took this index for the GIN path's bitmap scans as well.
CREATE INDEX idx_companies_name_gist ON companies USING gist (name gist_trgm_ops)
    WHERE deleted_at IS NULL
      AND (coalesce(organization_id, created_by) IS NULL OR coalesce(organization_id, created_by) IS NOT NULL);

-- The same access rule as covenant_search_companies (covenant_can_see on the caller's session settings, the policy
-- checking each row again in the caller's query), returning at most p_limit ids, most similar first. It first counts
-- the live names the GIN index matches, up to 3,000: a rare word (the usual search) has fewer, and ranking them all
-- takes a few ms where the GiST index took 60 ms (its inner pages hold lossy signatures, so a narrow match still visits
-- most of them). Only a word that many names share takes the KNN walk, where names similar enough (%) come nearest
-- first and, if they are fewer than asked, names that merely contain the text (ILIKE, the other half of the GIN path's
-- match) follow, less similar than any of the first part, so the order holds. The probe is dynamic SQL so that it is
-- planned for the word at hand (a generic plan cannot tell a rare word from a common one).
CREATE FUNCTION covenant_nearest_companies(p_name TEXT, p_limit INT)
RETURNS TABLE (id UUID, similarity REAL)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 50 AS $$
DECLARE
    found BIGINT;
BEGIN
    EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM companies c WHERE c.name %% %L AND c.deleted_at IS NULL'
                   ' LIMIT 3001) few', p_name) INTO found;
    IF found <= 3000 THEN
        RETURN QUERY SELECT c.id, similarity(c.name, p_name) FROM companies c
            WHERE (c.name % p_name OR c.name ILIKE '%' || p_name || '%') AND c.deleted_at IS NULL
              AND covenant_can_see(c.access_level, c.organization_id, c.created_by)
            ORDER BY 2 DESC, c.id LIMIT p_limit;
        RETURN;
    END IF;
    RETURN QUERY SELECT c.id, similarity(c.name, p_name) FROM companies c
        WHERE c.name % p_name AND c.deleted_at IS NULL
          AND (coalesce(c.organization_id, c.created_by) IS NULL OR coalesce(c.organization_id, c.created_by) IS NOT NULL)
          AND covenant_can_see(c.access_level, c.organization_id, c.created_by)
        ORDER BY c.name <-> p_name LIMIT p_limit;
    GET DIAGNOSTICS found = ROW_COUNT;
    IF found < p_limit THEN
        RETURN QUERY SELECT c.id, similarity(c.name, p_name) FROM companies c
            WHERE c.name ILIKE '%' || p_name || '%' AND NOT c.name % p_name AND c.deleted_at IS NULL
              AND covenant_can_see(c.access_level, c.organization_id, c.created_by)
            ORDER BY 2 DESC, c.id LIMIT p_limit - found;
    END IF;
END $$;
