package io.covenant.intelligence;

import io.covenant.shared.jdbc.OwnedTable;
import io.covenant.shared.jdbc.Rows;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** SQL for {@code analysis_reports}: every read under the access rule; findings and recommendations as jsonb. */
@Repository
class ReportRepository extends RecordStore<AnalysisReport, ReportCommand, ReportFilter> {

    private static final String COLUMNS = """
			r.id, r.report_type, r.title, r.executive_summary, r.key_findings::text AS key_findings,
			r.recommendations::text AS recommendations, r.company_ids, r.period_start, r.period_end,
			r.confidence_score, r.status, r.organization_id, r.access_level, r.created_by, r.created_at,
			r.updated_at""";

    private static final String INSERT = """
			INSERT INTO analysis_reports (report_type, title, executive_summary, key_findings, recommendations,
			  company_ids, period_start, period_end, confidence_score, status, access_level, organization_id, created_by)
			VALUES (:reportType, :title, :executiveSummary, CAST(:keyFindings AS jsonb), CAST(:recommendations AS jsonb),
			  :companyIds, :periodStart, :periodEnd, :confidenceScore, coalesce(:status, 'draft'), :level, :org, :by)
			RETURNING id""";

    private static final String UPDATE = """
			UPDATE analysis_reports SET report_type = :reportType, title = :title, executive_summary = :executiveSummary,
			  key_findings = CAST(:keyFindings AS jsonb), recommendations = CAST(:recommendations AS jsonb),
			  company_ids = :companyIds, period_start = :periodStart, period_end = :periodEnd,
			  confidence_score = :confidenceScore, status = coalesce(:status, status) WHERE id = :id""";

    private static final List<String> FILTERS = List.of(
            ":companyId = ANY(r.company_ids)",
            "r.report_type = :reportType",
            "r.status = :status",
            "r.period_end >= :from",
            "r.period_start <= :to");

    private final JsonMapper json;

    ReportRepository(JdbcClient jdbc, JsonMapper json) {
        super(
                jdbc,
                new OwnedTable<>(jdbc, "analysis_reports", "r", COLUMNS, Rows.mapper(AnalysisReport.class)),
                INSERT,
                UPDATE,
                FILTERS);
        this.json = json;
    }

    /** Absent lists are none; findings and recommendations are JSON arrays. */
    @Override
    StatementSpec bind(StatementSpec spec, ReportCommand c) {
        return spec.params(Rows.params(c))
                .param("keyFindings", json.writeValueAsString(c.keyFindings() == null ? List.of() : c.keyFindings()))
                .param(
                        "recommendations",
                        json.writeValueAsString(c.recommendations() == null ? List.of() : c.recommendations()))
                .param("companyIds", c.linkedCompanyIds().toArray(UUID[]::new));
    }
}
