package io.covenant.filing;

import io.covenant.shared.jdbc.Filters;
import io.covenant.shared.jdbc.Rows;
import io.covenant.shared.jdbc.SqlQuery;
import io.covenant.shared.security.AccessSql;
import io.covenant.shared.security.Caller;
import java.sql.Types;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for {@code sec_filings}: idempotent recording by accession number and lists under the companies' access rule. */
@Repository
@RequiredArgsConstructor
class FilingRepository {

    private static final String COLUMNS = """
			f.id, f.company_id, f.filing_type, f.filing_date, f.period_of_report, f.accession_number, f.fiscal_year,
			f.fiscal_period, f.filing_url, f.document_url, f.primary_document, f.description, f.is_xbrl,
			f.processing_status, f.created_at""";

    private static final RowMapper<Filing> FILINGS = Rows.mapper(Filing.class);

    private final JdbcClient jdbc;

    private final NamedParameterJdbcTemplate named;

    /** Inserts these filings of a company or updates those known by accession number; returns the rows written. */
    int record(UUID companyId, List<FilingCommand> filings) {
        MapSqlParameterSource[] batch = filings.stream()
                .map(f -> new MapSqlParameterSource(Rows.params(f)).addValue("company", companyId))
                .toArray(MapSqlParameterSource[]::new);
        int[] written = named.batchUpdate("""
				INSERT INTO sec_filings (company_id, accession_number, filing_type, filing_date, period_of_report,
				  fiscal_year, fiscal_period, filing_url, document_url, primary_document, description, is_xbrl,
				  processing_status)
				VALUES (:company, :accessionNumber, :filingType, :filingDate, :periodOfReport, :fiscalYear, :fiscalPeriod,
				  :filingUrl, :documentUrl, :primaryDocument, :description, :isXbrl, 'completed')
				ON CONFLICT (accession_number) DO UPDATE SET filing_type = EXCLUDED.filing_type,
				  filing_date = EXCLUDED.filing_date, period_of_report = coalesce(EXCLUDED.period_of_report, sec_filings.period_of_report),
				  fiscal_year = coalesce(EXCLUDED.fiscal_year, sec_filings.fiscal_year),
				  fiscal_period = coalesce(EXCLUDED.fiscal_period, sec_filings.fiscal_period),
				  filing_url = EXCLUDED.filing_url, document_url = EXCLUDED.document_url,
				  primary_document = EXCLUDED.primary_document, description = EXCLUDED.description,
				  is_xbrl = EXCLUDED.is_xbrl
				WHERE sec_filings.company_id = EXCLUDED.company_id""", batch);
        return Arrays.stream(written).sum();
    }

    List<Filing> page(Caller caller, FilingQuery query, FilingCursor after, int limit) {
        SqlQuery sql = listQuery(caller, query, after, limit);
        return named.query(sql.sql(), new MapSqlParameterSource(sql.params()), FILINGS);
    }

    /** A filing list's optional filters, and its keyset on (filing date, id). */
    private static final List<String> FILTERS = List.of(
            "f.filing_type = ANY(:forms)",
            "f.filing_date >= :from",
            "f.filing_date <= :to",
            "(f.filing_date, f.id) < (:after_date, :after_id)");

    /**
     * A page of filings newest first ({@code limit + 1} rows, to detect a next page), apart so that the plan tests can
     * EXPLAIN it. One company's filings read {@code idx_filing_company}; filings across companies walk
     * {@code idx_filing_date} in (filing date, id) order and keep those of a company the caller sees, so a page
     * reads about a page whatever the table's size (V73).
     */
    static SqlQuery listQuery(Caller caller, FilingQuery query, FilingCursor after, int limit) {
        Map<String, Object> params = new HashMap<>(AccessSql.params(caller));
        params.put("company", new SqlParameterValue(Types.OTHER, query.companyId()));
        params.put(
                "forms",
                new SqlParameterValue(
                        Types.ARRAY,
                        query.formTypes() == null || query.formTypes().isEmpty()
                                ? null
                                : query.formTypes().toArray(String[]::new)));
        params.put("from", new SqlParameterValue(Types.DATE, query.from()));
        params.put("to", new SqlParameterValue(Types.DATE, query.to()));
        params.put("after_date", new SqlParameterValue(Types.DATE, after == null ? null : after.date()));
        params.put("after_id", new SqlParameterValue(Types.OTHER, after == null ? null : after.id()));
        params.put("limit", limit + 1);
        String visibility = query.companyId() != null
                ? "f.company_id = :company"
                : "f.company_id IN (SELECT c.id FROM companies c WHERE c.deleted_at IS NULL AND "
                        + AccessSql.visible("c") + ")";
        return new SqlQuery("""
				SELECT %s
				FROM sec_filings f
				WHERE %s AND f.deleted_at IS NULL%s
				ORDER BY f.filing_date DESC, f.id DESC
				LIMIT :limit""".formatted(COLUMNS, visibility, Filters.and(params, FILTERS)), params);
    }

    /** A live filing, whoever's company it is: the service checks that the caller sees the company. */
    Optional<Filing> findLive(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM sec_filings f WHERE f.id = :id AND f.deleted_at IS NULL")
                .param("id", id)
                .query(FILINGS)
                .optional();
    }

    List<Filing> latestOf(Collection<UUID> companyIds, int perCompany) {
        return jdbc.sql("""
				SELECT l.* FROM unnest(CAST(:ids AS uuid[])) AS ids(company_id)
				CROSS JOIN LATERAL (
				  SELECT\s""" + COLUMNS + """
				   FROM sec_filings f WHERE f.company_id = ids.company_id AND f.deleted_at IS NULL
				  ORDER BY f.filing_date DESC, f.id DESC LIMIT :n) l""")
                .param("ids", companyIds.toArray(UUID[]::new))
                .param("n", perCompany)
                .query(FILINGS)
                .list();
    }

    Map<String, UUID> idsByAccession(UUID companyId) {
        return jdbc
                .sql("SELECT accession_number, id FROM sec_filings WHERE company_id = :c")
                .param("c", companyId)
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getObject(2, UUID.class)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
