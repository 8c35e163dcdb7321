-- covenant_nearest_companies (V76) with a cheaper decision between ranking every similar name (GIN) and the KNN walk
-- (GiST). Both return the same names in similarity order, so the decision is one of time only. V76 counted the live
-- names similar to the one searched up to 3,000, scoring each name it read: on a word nearly every name shares that
-- cost as much as the walk itself (WebPagesBenchmark, 100,000 names: 15-25 ms of a 52 ms page, the walk 18-20 ms).
-- Now the 250 newest live names are scored first (one index range, well under a millisecond): when a quarter of them
-- or more are similar the word is common and the walk starts at once. Otherwise the probe counts up to 1,000, not
-- 3,000: ranking 1,000 names through the GIN index takes a few ms, still below the walk.
CREATE OR REPLACE FUNCTION covenant_nearest_companies(p_name TEXT, p_limit INT)
RETURNS TABLE (id UUID, similarity REAL, common BOOLEAN)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 50 AS $$
DECLARE
    found BIGINT;
    sampled BIGINT;
    alike BIGINT;
BEGIN
    SELECT count(*), count(*) FILTER (WHERE s.name % p_name) INTO sampled, alike
        FROM (SELECT c.name FROM companies c WHERE c.deleted_at IS NULL
                AND (coalesce(c.organization_id, c.created_by) IS NULL
                     OR coalesce(c.organization_id, c.created_by) IS NOT NULL)
              ORDER BY c.created_at DESC, c.id DESC LIMIT 250) s;
    IF sampled < 250 OR alike < 63 THEN
        EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM companies c WHERE c.name %% %L AND c.deleted_at IS NULL'
                       ' LIMIT 1001) few', p_name) INTO found;
        IF found <= 1000 THEN
            RETURN QUERY SELECT c.id, similarity(c.name, p_name), FALSE FROM companies c
                WHERE (c.name % p_name OR c.name ILIKE '%' || p_name || '%') AND c.deleted_at IS NULL
                  AND covenant_can_see(c.access_level, c.organization_id, c.created_by)
                ORDER BY 2 DESC, c.id LIMIT p_limit;
            RETURN;
        END IF;
    END IF;
    RETURN QUERY SELECT c.id, similarity(c.name, p_name), TRUE FROM companies c
        WHERE c.name % p_name AND c.deleted_at IS NULL
          AND (coalesce(c.organization_id, c.created_by) IS NULL OR coalesce(c.organization_id, c.created_by) IS NOT NULL)
          AND covenant_can_see(c.access_level, c.organization_id, c.created_by)
        ORDER BY c.name <-> p_name LIMIT p_limit;
    GET DIAGNOSTICS found = ROW_COUNT;
    IF found < p_limit THEN
        RETURN QUERY SELECT c.id, similarity(c.name, p_name), TRUE FROM companies c
            WHERE c.name ILIKE '%' || p_name || '%' AND NOT c.name % p_name AND c.deleted_at IS NULL
              AND covenant_can_see(c.access_level, c.organization_id, c.created_by)
            ORDER BY 2 DESC, c.id LIMIT p_limit - found;
    END IF;
END $$;
