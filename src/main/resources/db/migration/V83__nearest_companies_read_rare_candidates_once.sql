-- covenant_nearest_companies (V81) reading a rare word's candidates once, and saying how many the caller sees.
-- V81 read them up to four times on a rare word's page: the probe counted the similar names through the GIN index,
-- the ranking read the same names again through the GIN index, and the page's capped total (CompanyRepository.count)
-- called the function a second time, probe and ranking again. Now one statement collects up to 1,001 names that are
-- similar to the text or contain it, each with its similarity and whether the caller may see it: 1,000 or fewer and
-- the visible ones are ranked from what was collected (the same order as V81's ranking, similarity then id). More,
-- and V81's probe decides as before, counting the similar names only; so the choice between ranking and the KNN walk,
-- and with it every result, is V81's. A fourth column, total, is the number of candidates the caller sees on the
-- ranking path (NULL on the KNN path): the page's total reads it from one row instead of ranking again. When the
-- caller sees none of them, that path returns one row with a NULL id and a total of 0, which a join on id drops.
-- The page and its total run in one transaction (Companies.list): the ranking path keeps its total in a
-- transaction-local setting, keyed by the text and the caller's settings, and the total's call (p_limit 1, which no
-- page asks for: a page asks for one row more than it shows) answers from it without collecting again. So a rare
-- word's page reads its candidates once in all.
-- The collecting statement is run with the text as a literal (EXECUTE), as V81's probe is: with a parameter the
-- planner cannot estimate the trigram condition and may read the table in order until 1,001 rows match.
DROP FUNCTION covenant_nearest_companies(TEXT, INT);

CREATE FUNCTION covenant_nearest_companies(p_name TEXT, p_limit INT)
RETURNS TABLE (id UUID, similarity REAL, common BOOLEAN, total BIGINT)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 50 AS $$
DECLARE
    found BIGINT;
    sampled BIGINT;
    alike BIGINT;
    candidates BIGINT;
    ids UUID[];
    sims REAL[];
    memo TEXT := concat_ws('/', current_setting('covenant.user_id', true), current_setting('covenant.org_id', true),
                           current_setting('covenant.role', true), p_name);
    kept TEXT := current_setting('covenant.nearest_total', true);
BEGIN
    IF p_limit = 1 AND substr(kept, strpos(kept, ':') + 1) = memo THEN
        RETURN QUERY SELECT NULL::UUID, NULL::REAL, FALSE, split_part(kept, ':', 1)::BIGINT;
        RETURN;
    END IF;
    SELECT count(*), count(*) FILTER (WHERE s.name % p_name) INTO sampled, alike
        FROM (SELECT c.name FROM companies c WHERE c.deleted_at IS NULL
                AND (coalesce(c.organization_id, c.created_by) IS NULL
                     OR coalesce(c.organization_id, c.created_by) IS NOT NULL)
              ORDER BY c.created_at DESC, c.id DESC LIMIT 250) s;
    IF sampled < 250 OR alike < 63 THEN
        EXECUTE format('SELECT count(*), array_agg(x.id ORDER BY x.s DESC, x.id) FILTER (WHERE x.seen),'
                       ' array_agg(x.s ORDER BY x.s DESC, x.id) FILTER (WHERE x.seen)'
                       ' FROM (SELECT c.id, similarity(c.name, %L) AS s,'
                       ' covenant_can_see(c.access_level, c.organization_id, c.created_by) AS seen FROM companies c'
                       ' WHERE (c.name %% %L OR c.name ILIKE %L) AND c.deleted_at IS NULL LIMIT 1001) x',
                       p_name, p_name, '%' || p_name || '%') INTO candidates, ids, sims;
        IF candidates <= 1000 THEN
            PERFORM set_config('covenant.nearest_total', coalesce(cardinality(ids), 0) || ':' || memo, TRUE);
            -- No candidate the caller may see: one row without an id carries the total, 0 (a join drops it).
            RETURN QUERY SELECT u.id, u.s, FALSE, coalesce(cardinality(ids), 0)::BIGINT
                FROM unnest(coalesce(ids, '{NULL}'), coalesce(sims, '{NULL}')) WITH ORDINALITY u(id, s, n)
                ORDER BY u.n LIMIT p_limit;
            RETURN;
        END IF;
        EXECUTE format('SELECT count(*) FROM (SELECT 1 FROM companies c WHERE c.name %% %L AND c.deleted_at IS NULL'
                       ' LIMIT 1001) few', p_name) INTO found;
        IF found <= 1000 THEN
            RETURN QUERY SELECT r.id, r.s, FALSE, count(*) OVER () FROM (
                SELECT c.id, similarity(c.name, p_name) AS s FROM companies c
                WHERE (c.name % p_name OR c.name ILIKE '%' || p_name || '%') AND c.deleted_at IS NULL
                  AND covenant_can_see(c.access_level, c.organization_id, c.created_by)) r
                ORDER BY 2 DESC, r.id LIMIT p_limit;
            RETURN;
        END IF;
    END IF;
    RETURN QUERY SELECT c.id, similarity(c.name, p_name), TRUE, NULL::BIGINT FROM companies c
        WHERE c.name % p_name AND c.deleted_at IS NULL
          AND (coalesce(c.organization_id, c.created_by) IS NULL OR coalesce(c.organization_id, c.created_by) IS NOT NULL)
          AND covenant_can_see(c.access_level, c.organization_id, c.created_by)
        ORDER BY c.name <-> p_name LIMIT p_limit;
    GET DIAGNOSTICS found = ROW_COUNT;
    IF found < p_limit THEN
        RETURN QUERY SELECT c.id, similarity(c.name, p_name), TRUE, NULL::BIGINT FROM companies c
            WHERE c.name ILIKE '%' || p_name || '%' AND NOT c.name % p_name AND c.deleted_at IS NULL
              AND covenant_can_see(c.access_level, c.organization_id, c.created_by)
            ORDER BY 2 DESC, c.id LIMIT p_limit - found;
    END IF;
END $$;
