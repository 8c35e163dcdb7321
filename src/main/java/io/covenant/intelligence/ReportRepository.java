package io.covenant.intelligence;

import io.covenant.shared.jdbc.OwnedStore;
import io.covenant.shared.jdbc.OwnedTable;
import io.covenant.shared.paging.Cursor;
import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.Caller;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** SQL for {@code analysis_reports}: every read under the access rule; findings and recommendations as jsonb. */
@Repository
class ReportRepository implements OwnedStore<AnalysisReport, ReportCommand, ReportFilter> {

    private final JdbcClient jdbc;

    private final JsonMapper json;

    private final OwnedTable<AnalysisReport> table;

    ReportRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.table = new OwnedTable<>(jdbc, "analysis_reports", "r", """
				r.id, r.report_type, r.title, r.executive_summary, r.key_findings::text AS key_findings,
				r.recommendations::text AS recommendations, r.company_ids, r.period_start, r.period_end,
				r.confidence_score, r.status, r.organization_id, r.access_level, r.created_by, r.created_at,
				r.updated_at""", ReportRepository::map);
    }

    @Override
    public UUID insert(ReportCommand command, AccessLevel level, @Nullable UUID organizationId, UUID createdBy) {
        return table.insert(bind(jdbc.sql("""
				INSERT INTO analysis_reports (report_type, title, executive_summary, key_findings, recommendations,
				  company_ids, period_start, period_end, confidence_score, status, access_level, organization_id, created_by)
				VALUES (:type, :title, :summary, CAST(:findings AS jsonb), CAST(:recommendations AS jsonb), :companies,
				  :start, :end, :confidence, coalesce(:status, 'draft'), :level, :org, :by) RETURNING id"""), command), level, organizationId, createdBy);
    }

    @Override
    public OwnedTable<AnalysisReport> table() {
        return table;
    }

    @Override
    public List<AnalysisReport> page(Caller caller, ReportFilter f, Cursor after, int limit) {
        return table.page(
                caller,
                """
				  AND (CAST(:company AS uuid) IS NULL OR :company = ANY(r.company_ids))
				  AND (CAST(:type AS text) IS NULL OR r.report_type = :type)
				  AND (CAST(:status AS text) IS NULL OR r.status = :status)
				  AND (CAST(:from AS date) IS NULL OR r.period_end >= :from)
				  AND (CAST(:to AS date) IS NULL OR r.period_start <= :to)""",
                spec -> spec.param("company", f.companyId(), Types.OTHER)
                        .param("type", f.reportType(), Types.VARCHAR)
                        .param("status", f.status(), Types.VARCHAR)
                        .param("from", f.from(), Types.DATE)
                        .param("to", f.to(), Types.DATE),
                after,
                limit);
    }

    @Override
    public void update(UUID id, ReportCommand command) {
        bind(jdbc.sql("""
				UPDATE analysis_reports SET report_type = :type, title = :title, executive_summary = :summary,
				  key_findings = CAST(:findings AS jsonb), recommendations = CAST(:recommendations AS jsonb),
				  company_ids = :companies, period_start = :start, period_end = :end, confidence_score = :confidence,
				  status = coalesce(:status, status) WHERE id = :id"""), command).param("id", id).update();
    }

    private StatementSpec bind(StatementSpec spec, ReportCommand c) {
        return spec.param("type", c.reportType())
                .param("title", c.title())
                .param("summary", c.executiveSummary())
                .param("findings", json.writeValueAsString(c.keyFindings() == null ? List.of() : c.keyFindings()))
                .param(
                        "recommendations",
                        json.writeValueAsString(c.recommendations() == null ? List.of() : c.recommendations()))
                .param("companies", c.linkedCompanyIds().toArray(UUID[]::new))
                .param("start", c.periodStart(), Types.DATE)
                .param("end", c.periodEnd(), Types.DATE)
                .param("confidence", c.confidenceScore(), Types.NUMERIC)
                .param("status", c.status(), Types.VARCHAR);
    }

    private static AnalysisReport map(ResultSet rs, int row) throws SQLException {
        return new AnalysisReport(
                rs.getObject("id", UUID.class),
                rs.getString("report_type"),
                rs.getString("title"),
                rs.getString("executive_summary"),
                rs.getString("key_findings"),
                rs.getString("recommendations"),
                Arrays.asList((UUID[]) rs.getArray("company_ids").getArray()),
                rs.getObject("period_start", LocalDate.class),
                rs.getObject("period_end", LocalDate.class),
                rs.getBigDecimal("confidence_score"),
                rs.getString("status"),
                rs.getObject("organization_id", UUID.class),
                AccessLevel.of(rs.getString("access_level")),
                rs.getObject("created_by", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}
