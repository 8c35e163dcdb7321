package io.covenant.intelligence;

import io.covenant.company.Companies;
import io.covenant.shared.audit.Audited;
import io.covenant.shared.error.NotFound;
import io.covenant.shared.paging.Cursor;
import io.covenant.shared.paging.CursorPage;
import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.AccessSql;
import io.covenant.shared.security.Caller;
import io.covenant.shared.security.Permission;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Analysis reports under the access rule, filtered by company, type, status and period. */
@Service
public class AnalysisReports {

    private static final String COLUMNS = """
			r.id, r.report_type, r.title, r.executive_summary, r.key_findings::text AS key_findings,
			r.recommendations::text AS recommendations, r.company_ids, r.period_start, r.period_end,
			r.confidence_score, r.status, r.organization_id, r.access_level, r.created_by, r.created_at, r.updated_at""";

    private final JdbcClient jdbc;

    private final Companies companies;

    private final ApplicationEventPublisher events;

    private final JsonMapper json;

    AnalysisReports(JdbcClient jdbc, Companies companies, ApplicationEventPublisher events, JsonMapper json) {
        this.jdbc = jdbc;
        this.companies = companies;
        this.events = events;
        this.json = json;
    }

    @Transactional
    public AnalysisReport create(Caller caller, ReportCommand command) {
        caller.require(Permission.INTELLIGENCE_WRITE);
        AccessLevel level = caller.levelForNewRow(command.accessLevel());
        checkCompanies(caller, command.companyIds());
        UUID id = bind(jdbc.sql("""
				INSERT INTO analysis_reports (report_type, title, executive_summary, key_findings, recommendations,
				  company_ids, period_start, period_end, confidence_score, status, access_level, organization_id, created_by)
				VALUES (:type, :title, :summary, CAST(:findings AS jsonb), CAST(:recommendations AS jsonb), :companies,
				  :start, :end, :confidence, coalesce(:status, 'draft'), :level, :org, :by) RETURNING id"""), command)
                .param("level", level.value())
                .param("org", level == AccessLevel.ORGANIZATION ? caller.organizationId() : null, Types.OTHER)
                .param("by", caller.userId())
                .query(UUID.class)
                .single();
        AnalysisReport created = find(caller, id);
        events.publishEvent(Audited.created("analysis_report", id, created, created.organizationId()));
        return created;
    }

    @Transactional(readOnly = true)
    public AnalysisReport get(Caller caller, UUID id) {
        caller.require(Permission.INTELLIGENCE_READ);
        return find(caller, id);
    }

    @Transactional(readOnly = true)
    public CursorPage<AnalysisReport> list(
            Caller caller,
            UUID companyId,
            String type,
            String status,
            LocalDate from,
            LocalDate to,
            String cursor,
            int limit) {
        caller.require(Permission.INTELLIGENCE_READ);
        Cursor after = Cursor.decode(cursor);
        List<AnalysisReport> rows = Cursor.bind(
                        AccessSql.bind(
                                jdbc.sql("SELECT " + COLUMNS
                                        + " FROM analysis_reports r WHERE r.deleted_at IS NULL AND "
                                        + AccessSql.visible("r") + """

				  AND (CAST(:company AS uuid) IS NULL OR :company = ANY(r.company_ids))
				  AND (CAST(:type AS text) IS NULL OR r.report_type = :type)
				  AND (CAST(:status AS text) IS NULL OR r.status = :status)
				  AND (CAST(:from AS date) IS NULL OR r.period_end >= :from)
				  AND (CAST(:to AS date) IS NULL OR r.period_start <= :to)
				  AND (CAST(:after_at AS timestamptz) IS NULL OR (r.created_at, r.id) < (:after_at, :after_id))
				ORDER BY r.created_at DESC, r.id DESC LIMIT :limit"""),
                                caller),
                        after)
                .param("company", companyId, Types.OTHER)
                .param("type", type, Types.VARCHAR)
                .param("status", status, Types.VARCHAR)
                .param("from", from, Types.DATE)
                .param("to", to, Types.DATE)
                .param("limit", limit + 1)
                .query(AnalysisReports::map)
                .list();
        return CursorPage.of(rows, limit, r -> Cursor.of(r.createdAt(), r.id()));
    }

    @Transactional
    public AnalysisReport update(Caller caller, UUID id, ReportCommand command) {
        caller.require(Permission.INTELLIGENCE_WRITE);
        AnalysisReport before = changeable(caller, id);
        checkCompanies(caller, command.companyIds());
        bind(jdbc.sql("""
				UPDATE analysis_reports SET report_type = :type, title = :title, executive_summary = :summary,
				  key_findings = CAST(:findings AS jsonb), recommendations = CAST(:recommendations AS jsonb),
				  company_ids = :companies, period_start = :start, period_end = :end, confidence_score = :confidence,
				  status = coalesce(:status, status) WHERE id = :id"""), command).param("id", id).update();
        AnalysisReport after = find(caller, id);
        events.publishEvent(Audited.updated("analysis_report", id, before, after, after.organizationId()));
        return after;
    }

    @Transactional
    public void delete(Caller caller, UUID id) {
        caller.require(Permission.INTELLIGENCE_WRITE);
        AnalysisReport before = changeable(caller, id);
        jdbc.sql("UPDATE analysis_reports SET deleted_at = now() WHERE id = :id")
                .param("id", id)
                .update();
        events.publishEvent(Audited.deleted("analysis_report", id, before, before.organizationId()));
    }

    private AnalysisReport changeable(Caller caller, UUID id) {
        AnalysisReport report = find(caller, id);
        Access.requireChangeable(caller, report.accessLevel(), report.organizationId(), report.createdBy(), "report");
        return report;
    }

    private AnalysisReport find(Caller caller, UUID id) {
        return AccessSql.bind(
                        jdbc.sql("SELECT " + COLUMNS
                                + " FROM analysis_reports r WHERE r.id = :id AND r.deleted_at IS NULL AND "
                                + AccessSql.visible("r")),
                        caller)
                .param("id", id)
                .query(AnalysisReports::map)
                .optional()
                .orElseThrow(() -> new NotFound("Analysis report", id));
    }

    private void checkCompanies(Caller caller, List<UUID> ids) {
        Access.requireVisibleCompanies(companies, caller, ids == null ? List.of() : ids, "company_ids");
    }

    private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, ReportCommand c) {
        return spec.param("type", c.reportType())
                .param("title", c.title())
                .param("summary", c.executiveSummary())
                .param("findings", json.writeValueAsString(c.keyFindings() == null ? List.of() : c.keyFindings()))
                .param(
                        "recommendations",
                        json.writeValueAsString(c.recommendations() == null ? List.of() : c.recommendations()))
                .param("companies", (c.companyIds() == null ? List.<UUID>of() : c.companyIds()).toArray(UUID[]::new))
                .param("start", c.periodStart(), Types.DATE)
                .param("end", c.periodEnd(), Types.DATE)
                .param("confidence", c.confidenceScore(), Types.NUMERIC)
                .param("status", c.status(), Types.VARCHAR);
    }

    static AnalysisReport map(ResultSet rs, int row) throws SQLException {
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
