package io.covenant.company;

import io.covenant.shared.jdbc.CopyRows;
import io.covenant.shared.jdbc.Filters;
import io.covenant.shared.jdbc.GenericPlans;
import io.covenant.shared.jdbc.OwnedTable;
import io.covenant.shared.jdbc.Rows;
import io.covenant.shared.jdbc.SqlQuery;
import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.AccessSql;
import io.covenant.shared.security.Caller;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * SQL for {@code companies}: the intelligence document's repository operations (create, get, list with limit,
 * offset and order, update, delete, find by filters, count, bulk create, bulk update), every read filtered by the
 * caller's access in the query itself.
 */
@Repository
class CompanyRepository {

    static final String COLUMNS = """
			c.id, c.symbol, c.cik, c.name, c.legal_name, c.category, c.sector, c.subsector, c.industry,
			c.subcategory::text AS subcategory, c.monetization_strategy::text AS monetization_strategy, c.sic_code,
			c.founded_year, c.headquarters, c.employee_count, c.market_cap, c.country, c.currency, c.exchange,
			c.website, c.description, c.fiscal_year_end, c.organization_id, c.access_level, c.created_by,
			c.created_at, c.updated_at""";

    private static final String WRITE_COLUMNS = """
			symbol, cik, name, legal_name, category, sector, subsector, industry, subcategory, monetization_strategy,
			sic_code, founded_year, headquarters, employee_count, market_cap, country, currency, exchange, website,
			description, fiscal_year_end""";

    private static final String WRITE_VALUES = """
			:symbol, :cik, :name, :legal_name, :category, :sector, :subsector, :industry, CAST(:subcategory AS jsonb),
			CAST(:monetization_strategy AS jsonb), :sic_code, :founded_year, :headquarters, :employee_count,
			:market_cap, coalesce(:country, 'USA'), coalesce(:currency, 'USD'), :exchange, :website, :description,
			:fiscal_year_end""";

    /** The list's optional filters, over the components of {@link CompanyFilter} ({@code name} and {@code q} search). */
    private static final List<String> FILTERS = List.of(
            "c.sector = :sector",
            "c.subsector = :subsector",
            "c.category = :category",
            "c.country = :country",
            "c.exchange = :exchange",
            "c.access_level = :accessLevel",
            "c.market_cap >= :marketCapMin",
            "c.market_cap <= :marketCapMax",
            "c.founded_year >= :foundedYearMin",
            "c.founded_year <= :foundedYearMax");

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;

    private final NamedParameterJdbcTemplate named;

    private final JsonMapper json;

    private final DataSource dataSource;

    private final OwnedTable<Company> table;

    CompanyRepository(JdbcClient jdbc, NamedParameterJdbcTemplate named, JsonMapper json, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.named = named;
        this.json = json;
        this.table = new OwnedTable<>(jdbc, "companies", "c", COLUMNS, this::map);
    }

    /** The list statements of this transaction use generic plans ({@link GenericPlans}). */
    void planListsGenerically() {
        GenericPlans.forThisTransaction(jdbc);
    }

    Company insert(CompanyCommand command, AccessLevel level, UUID organizationId, UUID createdBy) {
        return jdbc.sql("INSERT INTO companies AS c (" + WRITE_COLUMNS + ", access_level, organization_id, created_by)"
                        + " VALUES (" + WRITE_VALUES + ", :access_level, :organization_id, :created_by) RETURNING "
                        + COLUMNS)
                .params(values(command, level, organizationId, createdBy))
                .query(this::map)
                .single();
    }

    /** One visible company, live (not soft-deleted). */
    Optional<Company> findVisible(UUID id, Caller caller) {
        return table.findVisible(caller, id);
    }

    /**
     * Visible companies with this ticker, the caller's own ahead of shared ones. Symbols are stored upper-case, so
     * the column is compared as is: a function on it is not leakproof and would keep row-level security from using
     * the index.
     */
    List<Company> findVisibleBySymbol(String symbol, Caller caller) {
        return findVisibleWhere("c.symbol = upper(:value)", symbol.trim(), caller);
    }

    List<Company> findVisibleByCik(String cik, Caller caller) {
        return findVisibleWhere("c.cik = :value", cik, caller);
    }

    /** Live visible companies meeting one condition on {@code :value}, the caller's own ahead of shared ones. */
    private List<Company> findVisibleWhere(String condition, String value, Caller caller) {
        return AccessSql.bind(
                        jdbc.sql("SELECT " + COLUMNS + " FROM companies c WHERE " + condition
                                + " AND c.deleted_at IS NULL AND " + AccessSql.visible("c")
                                + " ORDER BY (c.access_level = 'system'), c.created_at"),
                        caller)
                .param("value", value)
                .query(this::map)
                .list();
    }

    Set<UUID> visibleIds(Collection<UUID> ids, Caller caller) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(AccessSql.bind(
                        jdbc.sql("SELECT c.id FROM companies c WHERE c.id = ANY(:ids) AND c.deleted_at IS NULL AND "
                                + AccessSql.visible("c")),
                        caller)
                .param("ids", ids.toArray(UUID[]::new))
                .query(UUID.class)
                .list());
    }

    Optional<Company> findSystemByCik(String cik) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM companies c WHERE c.cik = :cik AND c.access_level = 'system' AND c.deleted_at IS NULL")
                .param("cik", cik)
                .query(this::map)
                .optional();
    }

    Company update(UUID id, CompanyCommand command, AccessLevel level, UUID organizationId) {
        Map<String, Object> values = values(command, level, organizationId, null);
        values.put("id", id);
        return jdbc.sql("""
				UPDATE companies AS c SET (%s, access_level, organization_id) = (%s, :access_level, :organization_id)
				WHERE c.id = :id AND c.deleted_at IS NULL RETURNING\s""".formatted(WRITE_COLUMNS, WRITE_VALUES) + COLUMNS)
                .params(values)
                .query(this::map)
                .single();
    }

    void softDelete(UUID id) {
        table.softDelete(id);
    }

    /**
     * Filters, order and either an offset or a keyset cursor; fetches one row more than asked to detect a next page.
     * A name or text search starts from the companies its index finds ({@link #SEARCH}); any other list reads each
     * branch of the caller's access rule in the order of its index, at most one page (plus the offset) per branch,
     * then merges them.
     */
    List<Company> find(CompanyQuery query, Caller caller) {
        return listed(query, caller).rows();
    }

    /**
     * {@link #find}, and whether a name-only search found the text common among live names
     * (V76, V81: it then walked the KNN index), whose page then answers its total without counting.
     */
    Listed listed(CompanyQuery query, Caller caller) {
        SqlQuery statement = listQuery(query, caller);
        boolean nearest = statement.sql().contains(NEAREST);
        boolean[] common = {false};
        List<Company> rows = named.query(statement.sql(), new MapSqlParameterSource(statement.params()), (rs, i) -> {
            common[0] |= nearest && rs.getBoolean("common");
            return map(rs, i);
        });
        return new Listed(rows, common[0]);
    }

    /** A list's rows; {@code common} as {@link #listed} says. */
    record Listed(List<Company> rows, boolean common) {}

    /** The statement {@link #find} runs, apart so that the plan tests can EXPLAIN it. */
    SqlQuery listQuery(CompanyQuery query, Caller caller) {
        CompanyFilter filter = query.filter();
        CompanySort sort = query.sort();
        CompanyCursor after = query.after();
        Where where = where(filter, caller);
        String direction = query.ascending() ? "ASC" : "DESC";
        if (after != null) {
            where.add("(" + sort.column + ", c.id) " + (query.ascending() ? ">" : "<") + " (CAST(:after_value AS "
                    + (sort == CompanySort.CREATED_AT ? "timestamptz" : "text") + "), :after_id)");
            where.params.put("after_value", after.value());
            where.params.put("after_id", after.id());
        }
        where.params.put("limit", query.limit() + 1);
        where.params.put("offset", query.offset());
        where.params.put("branch_limit", query.offset() + query.limit() + 1);
        String order = sort.column + " " + direction + " NULLS LAST, c.id " + direction;
        if (searching(filter)) {
            String from = SEARCH;
            if (filter.name() != null && sort == CompanySort.CREATED_AT && after == null) {
                order = "m.similarity DESC, c.id";
                if (nameOnly(filter)) {
                    where.params.put("nearest", query.offset() + query.limit() + 1);
                    return new SqlQuery(
                            "SELECT " + COLUMNS + ", m.common" + NEAREST + " WHERE " + where.sql() + " AND "
                                    + AccessSql.visible("c") + " ORDER BY " + order + " LIMIT :limit OFFSET :offset",
                            where.params);
                }
            } else if (sort == CompanySort.CREATED_AT) {
                // The matches in the function's created_at order (V84), so that the join stops after the page
                // instead of probing every match and sorting them all.
                from = " FROM (SELECT * FROM covenant_search_companies(:name, :q) ORDER BY created_at " + direction
                        + " NULLS LAST, id " + direction + ") m JOIN companies c ON c.id = m.id";
                order = "m.created_at " + direction + " NULLS LAST, m.id " + direction;
            }
            return new SqlQuery(
                    "SELECT " + COLUMNS + from + " WHERE " + where.sql() + " AND " + AccessSql.visible("c")
                            + " ORDER BY " + order + " LIMIT :limit OFFSET :offset",
                    where.params);
        }
        // Each part's ORDER BY is its index's order (forward or backward), so that it stops after :branch_limit rows;
        // a sort column that may be null is read in two parts, its values then its nulls, which sort last.
        List<String> parts = new ArrayList<>();
        for (String branch : AccessSql.branches("c", caller)) {
            for (String nulls : sort.cursorable
                    ? List.of("TRUE")
                    : List.of(sort.column + " IS NOT NULL", sort.column + " IS NULL")) {
                parts.add("(SELECT " + COLUMNS + " FROM companies c WHERE " + branch + " AND " + nulls + " AND "
                        + where.sql() + " ORDER BY " + sort.column + " " + direction + ", c.id " + direction
                        + " LIMIT :branch_limit)");
            }
        }
        return new SqlQuery(
                "SELECT * FROM (" + String.join(" UNION ALL ", parts) + ") c ORDER BY " + order
                        + " LIMIT :limit OFFSET :offset",
                where.params);
    }

    /**
     * A name search ranked by similarity whose text most of the caller's newest names contain, or empty when the text
     * is not that common. Each branch of the access rule (as {@link #listQuery} reads it) yields its newest
     * {@link #window} names; the names among them that contain the text are the page, newest first, when they number
     * half a window or more and every branch whose window was full found a
     * page in it (so no older name of a branch could come before the last one kept). A word nearly every name shares
     * ranks every name about alike: similarity would only sort them by length, at the cost of scoring each one.
     */
    Optional<Containing> findContaining(CompanyFilter filter, int limit, int offset, Caller caller) {
        SqlQuery query = containingQuery(filter, limit, offset, caller);
        long[] seen = {0};
        boolean[] more = {false};
        List<Company> rows = named.query(query.sql(), new MapSqlParameterSource(query.params()), (rs, i) -> {
            seen[0] = rs.getLong("seen");
            more[0] = rs.getBoolean("more");
            return map(rs, i);
        });
        return rows.isEmpty() ? Optional.empty() : Optional.of(new Containing(List.copyOf(rows), seen[0], more[0]));
    }

    /** A page of names that contain the searched text, and how many of them the branches' windows held. */
    record Containing(List<Company> rows, long seen, boolean more) {}

    /** The newest rows each branch reads at least, when deciding whether a searched text is common. */
    static final int WINDOW = 250;

    /**
     * The newest rows each branch reads: {@link #WINDOW} at least, twice the rows the page needs, and the rows of the
     * total a page counts ({@link CompanyPage#countedUpTo}). Half a window of names
     * containing the text makes it common.
     */
    static int window(int limit, int offset) {
        return Math.max(WINDOW, Math.max(2 * (offset + limit + 1), CompanyPage.countedUpTo(limit, offset)));
    }

    /** The statement {@link #findContaining} runs, apart so that the plan tests can EXPLAIN it. */
    SqlQuery containingQuery(CompanyFilter filter, int limit, int offset, Caller caller) {
        Where where = where(filter, caller);
        int branchLimit = offset + limit + 1;
        where.params.put("limit", limit + 1);
        where.params.put("offset", offset);
        where.params.put("branch_limit", branchLimit);
        int window = window(limit, offset);
        where.params.put("window", window);
        where.params.put("containing", window / 2);
        List<String> branches = AccessSql.branches("c", caller);
        List<String> windows = new ArrayList<>();
        for (int part = 0; part < branches.size(); part++) {
            windows.add("SELECT " + part + " AS part, w.* FROM (SELECT c.id, c.name, c.created_at FROM companies c"
                    + " WHERE " + branches.get(part) + " AND " + where.sql()
                    + " ORDER BY c.created_at DESC, c.id DESC LIMIT :window) w");
        }
        return new SqlQuery(
                "WITH win AS MATERIALIZED (" + String.join(" UNION ALL ", windows) + "),"
                        + " hit AS MATERIALIZED (SELECT w.part, w.id, row_number() OVER (PARTITION BY w.part"
                        + " ORDER BY w.created_at DESC, w.id DESC) AS n FROM win w"
                        + " WHERE w.name ILIKE '%' || :name || '%'),"
                        + " full_part AS (SELECT part FROM win GROUP BY part HAVING count(*) = :window),"
                        + " verdict AS (SELECT (SELECT count(*) FROM hit) AS seen,"
                        + " EXISTS (SELECT 1 FROM full_part) AS more,"
                        + " EXISTS (SELECT 1 FROM full_part f WHERE (SELECT count(*) FROM hit h WHERE h.part = f.part)"
                        + " < :branch_limit) AS sparse)"
                        + " SELECT " + COLUMNS + ", v.seen, v.more FROM verdict v"
                        + " JOIN hit h ON h.n <= :branch_limit JOIN companies c ON c.id = h.id"
                        + " WHERE v.seen >= :containing AND NOT v.sparse AND c.deleted_at IS NULL AND "
                        + AccessSql.visible("c") + " ORDER BY c.created_at DESC, c.id DESC LIMIT :limit OFFSET :offset",
                where.params);
    }

    /**
     * How many companies match, counted up to {@code cap} (each branch of the access rule reads at most that many
     * entries of its created_at index), so that a page never counts every visible row.
     */
    long count(CompanyFilter filter, Caller caller, int cap) {
        SqlQuery query = countQuery(filter, caller, cap);
        Long count = named.queryForObject(query.sql(), new MapSqlParameterSource(query.params()), Long.class);
        return count == null ? 0 : count;
    }

    SqlQuery countQuery(CompanyFilter filter, Caller caller, int cap) {
        Where where = where(filter, caller);
        where.params.put("cap", cap);
        String sql;
        if (nameOnly(filter)) {
            // On its ranking path (a rare text) the function says on each row how many candidates the caller sees
            // (V83), on a row without an id when none: one row, read through the policy, carries the total, and the
            // candidates are not ranked again. On its KNN path the total is NULL (a page that walked it does not ask
            // for one), and the rows are counted as before.
            String visible = where.sql() + " AND " + AccessSql.visible("c");
            return new SqlQuery(
                    "SELECT least(coalesce((SELECT max(m.total) FROM covenant_nearest_companies(:name, 1) m"
                            + " LEFT JOIN companies c ON c.id = m.id AND " + visible
                            + " WHERE m.id IS NULL OR c.id IS NOT NULL),"
                            + " (SELECT count(*) FROM (SELECT 1 FROM covenant_nearest_companies(:name, :cap) m"
                            + " JOIN companies c ON c.id = m.id WHERE " + visible + ") matches)), :cap)",
                    where.params);
        } else if (searching(filter)) {
            sql = "SELECT 1" + SEARCH + " WHERE " + where.sql() + " AND " + AccessSql.visible("c") + " LIMIT :cap";
            if (searchOnly(filter)) {
                // The page before it in this transaction kept how many matches the function returned (V85): with no
                // other filter that is the total, and the matches are not read again.
                return new SqlQuery(
                        "SELECT least(coalesce(covenant_search_total(:name, :q), (SELECT count(*) FROM (" + sql
                                + ") matches)), :cap)",
                        where.params);
            }
        } else {
            sql = String.join(
                    " UNION ALL ",
                    AccessSql.branches("c", caller).stream()
                            .map(branch -> "(SELECT 1 FROM companies c WHERE " + branch + " AND " + where.sql()
                                    + " ORDER BY c.created_at, c.id LIMIT :cap)")
                            .toList());
        }
        return new SqlQuery("SELECT least(count(*), :cap) FROM (" + sql + ") matches", where.params);
    }

    /** The companies a name or text search finds through its index (V45 explains why through a function). */
    private static final String SEARCH = " FROM covenant_search_companies(:name, :q) m JOIN companies c ON c.id = m.id";

    /**
     * The companies nearest a name, most similar first, through the trigram KNN index (V70): a name-only search ranked
     * by similarity, where a common word would have the GIN path score every name sharing it.
     */
    private static final String NEAREST =
            " FROM covenant_nearest_companies(:name, :nearest) m" + " JOIN companies c ON c.id = m.id";

    private static boolean searching(CompanyFilter filter) {
        return filter.name() != null || filter.q() != null;
    }

    private static boolean searchOnly(CompanyFilter filter) {
        return filter.equals(new CompanyFilter(
                null, null, null, null, null, null, null, null, null, null, filter.q(), filter.name()));
    }

    private static boolean nameOnly(CompanyFilter filter) {
        return filter.name() != null
                && filter.equals(new CompanyFilter(
                        null, null, null, null, null, null, null, null, null, null, null, filter.name()));
    }

    /** Creates or refreshes system companies in one statement per batch, matched by symbol. */
    int bulkUpsertSystem(List<CompanyCommand> commands, UUID createdBy) {
        List<Map<String, Object>> batch = commands.stream()
                .map(c -> values(c, AccessLevel.SYSTEM, null, createdBy))
                .toList();
        int[] counts = named.batchUpdate(
                "INSERT INTO companies (" + WRITE_COLUMNS
                        + ", access_level, organization_id, created_by) VALUES (" + WRITE_VALUES
                        + ", :access_level, :organization_id, :created_by)"
                        + " ON CONFLICT (symbol) WHERE access_level = 'system' AND deleted_at IS NULL DO UPDATE SET"
                        + " cik = coalesce(EXCLUDED.cik, companies.cik), name = EXCLUDED.name,"
                        + " sector = EXCLUDED.sector, industry = coalesce(EXCLUDED.industry, companies.industry),"
                        + " category = coalesce(EXCLUDED.category, companies.category),"
                        + " exchange = coalesce(EXCLUDED.exchange, companies.exchange),"
                        + " sic_code = coalesce(EXCLUDED.sic_code, companies.sic_code)",
                batch.stream().map(MapSqlParameterSource::new).toArray(MapSqlParameterSource[]::new));
        return Arrays.stream(counts).sum();
    }

    /**
     * The live companies with these symbols that an upload at this level writes to: the uploader's own (its
     * organisation's or its personal ones), else a system company.
     */
    Map<String, CompanyMatch> findForUpload(
            Collection<String> symbols, AccessLevel level, UUID organizationId, UUID userId) {
        if (symbols.isEmpty()) {
            return Map.of();
        }
        String own =
                switch (level) {
                    case ORGANIZATION -> "c.access_level = 'organization' AND c.organization_id = :org";
                    case PERSONAL -> "c.access_level = 'personal' AND c.created_by = :user";
                    case SYSTEM -> "FALSE";
                };
        Map<String, CompanyMatch> found = new HashMap<>();
        jdbc.sql("""
				SELECT DISTINCT ON (c.symbol) c.symbol, c.id, c.access_level FROM companies c
				WHERE c.symbol = ANY(:symbols) AND c.deleted_at IS NULL AND (c.access_level = 'system' OR %s)
				ORDER BY c.symbol, c.access_level = 'system'""".formatted(own))
                .param("symbols", symbols.toArray(String[]::new))
                .param("org", organizationId, Types.OTHER)
                .param("user", userId)
                .query((rs, i) -> new CompanyMatch(
                        rs.getObject("id", UUID.class),
                        rs.getString("symbol"),
                        AccessLevel.of(rs.getString("access_level")),
                        false))
                .list()
                .forEach(m -> found.put(m.symbol(), m));
        return found;
    }

    /**
     * Creates an upload's new companies: COPY into a staging table (COPY cannot write a table under row-level
     * security), then one INSERT that the policies check; a symbol taken meanwhile is left as it is.
     */
    void insertForUpload(List<CompanyCommand> commands, AccessLevel level, UUID organizationId, UUID userId) {
        if (commands.isEmpty()) {
            return;
        }
        jdbc.sql("""
				CREATE TEMP TABLE IF NOT EXISTS upload_companies (symbol text, name text, sector text, subsector text,
				  industry text, category text, country text, currency text, exchange text, market_cap bigint,
				  employee_count integer, founded_year integer, headquarters text, website text, description text)
				ON COMMIT DELETE ROWS""").update();
        CopyRows rows = new CopyRows();
        for (CompanyCommand c : commands) {
            rows.row()
                    .value(c.normalizedSymbol())
                    .value(c.name().trim())
                    .value(c.sector().trim())
                    .value(c.subsector())
                    .value(c.industry())
                    .value(c.category())
                    .value(c.country())
                    .value(c.currency())
                    .value(c.exchange())
                    .value(c.marketCap())
                    .value(c.employeeCount())
                    .value(c.foundedYear())
                    .value(c.headquarters())
                    .value(c.website())
                    .value(c.description());
        }
        rows.into(
                dataSource,
                "upload_companies (symbol, name, sector, subsector, industry, category, country, currency,"
                        + " exchange, market_cap, employee_count, founded_year, headquarters, website, description)");
        jdbc.sql("""
				INSERT INTO companies (symbol, name, sector, subsector, industry, category, country, currency, exchange,
				  market_cap, employee_count, founded_year, headquarters, website, description, access_level,
				  organization_id, created_by)
				SELECT symbol, name, sector, subsector, industry, category, coalesce(country, 'USA'),
				  coalesce(currency, 'USD'), exchange, market_cap, employee_count, founded_year, headquarters, website,
				  description, :level, :org, :user
				FROM upload_companies
				ON CONFLICT DO NOTHING""")
                .param("level", level.value())
                .param("org", organizationId, Types.OTHER)
                .param("user", userId)
                .update();
    }

    /** Applies many updates in one batch; returns how many rows changed. */
    int bulkUpdate(Map<UUID, CompanyCommand> updates, Caller caller) {
        MapSqlParameterSource[] batch = updates.entrySet().stream()
                .map(e -> {
                    Map<String, Object> values = values(e.getValue(), null, null, null);
                    values.put("id", e.getKey());
                    return new MapSqlParameterSource(values);
                })
                .toArray(MapSqlParameterSource[]::new);
        int[] counts = named.batchUpdate(
                "UPDATE companies SET (" + WRITE_COLUMNS + ") = (" + WRITE_VALUES
                        + ") WHERE id = :id AND deleted_at IS NULL",
                batch);
        return Arrays.stream(counts).sum();
    }

    private Where where(CompanyFilter f, Caller caller) {
        Where where = new Where();
        where.params.putAll(Rows.params(f));
        where.params.put("caller_id", caller.userId());
        where.params.put("caller_org", new SqlParameterValue(Types.OTHER, caller.organizationId()));
        where.params.put("caller_super", caller.isSuperAdmin());
        where.add("c.deleted_at IS NULL" + Filters.and(where.params, FILTERS));
        return where;
    }

    private Map<String, Object> values(CompanyCommand c, AccessLevel level, UUID organizationId, UUID createdBy) {
        Map<String, Object> values = new HashMap<>();
        values.put("symbol", c.normalizedSymbol());
        values.put("cik", c.normalizedCik());
        values.put("name", c.name().trim());
        values.put("legal_name", c.legalName());
        values.put("category", c.category());
        values.put("sector", c.sector().trim());
        values.put("subsector", c.subsector());
        values.put("industry", c.industry());
        values.put("subcategory", json.writeValueAsString(c.subcategory() == null ? List.of() : c.subcategory()));
        values.put(
                "monetization_strategy",
                json.writeValueAsString(c.monetizationStrategy() == null ? List.of() : c.monetizationStrategy()));
        values.put("sic_code", c.sicCode());
        values.put("founded_year", c.foundedYear());
        values.put("headquarters", c.headquarters());
        values.put("employee_count", c.employeeCount());
        values.put("market_cap", c.marketCap());
        values.put("country", c.country());
        values.put("currency", c.currency());
        values.put("exchange", c.exchange());
        values.put("website", c.website());
        values.put("description", c.description());
        values.put("fiscal_year_end", c.fiscalYearEnd());
        values.put("access_level", level == null ? null : level.value());
        values.put("organization_id", new SqlParameterValue(Types.OTHER, organizationId));
        values.put("created_by", createdBy);
        return values;
    }

    Company map(ResultSet rs, int row) throws SQLException {
        return new Company(
                rs.getObject("id", UUID.class),
                rs.getString("symbol"),
                rs.getString("cik"),
                rs.getString("name"),
                rs.getString("legal_name"),
                rs.getString("category"),
                rs.getString("sector"),
                rs.getString("subsector"),
                rs.getString("industry"),
                json.readValue(rs.getString("subcategory"), STRINGS),
                json.readValue(rs.getString("monetization_strategy"), STRINGS),
                rs.getString("sic_code"),
                (Integer) rs.getObject("founded_year"),
                rs.getString("headquarters"),
                (Integer) rs.getObject("employee_count"),
                (Long) rs.getObject("market_cap"),
                rs.getString("country"),
                rs.getString("currency"),
                rs.getString("exchange"),
                rs.getString("website"),
                rs.getString("description"),
                rs.getString("fiscal_year_end"),
                rs.getObject("organization_id", UUID.class),
                AccessLevel.of(rs.getString("access_level")),
                rs.getObject("created_by", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    /** A conjunction of conditions with their named parameters. */
    private static final class Where {

        final List<String> conditions = new ArrayList<>();

        final Map<String, Object> params = new HashMap<>();

        void add(String condition) {
            conditions.add(condition);
        }

        String sql() {
            return String.join(" AND ", conditions);
        }
    }
}
