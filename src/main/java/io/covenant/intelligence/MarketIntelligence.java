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

/** Market intelligence events under the access rule; linked companies must be ones the caller sees. */
@Service
public class MarketIntelligence {

    private static final String COLUMNS = """
			m.id, m.event_type, m.title, m.summary, m.content, m.source, m.source_url, m.event_date,
			m.primary_company_id, m.related_companies, m.sentiment_score, m.confidence_score, m.impact_assessment,
			m.organization_id, m.access_level, m.created_by, m.created_at, m.updated_at""";

    private final JdbcClient jdbc;

    private final Companies companies;

    private final ApplicationEventPublisher events;

    MarketIntelligence(JdbcClient jdbc, Companies companies, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.companies = companies;
        this.events = events;
    }

    @Transactional
    public IntelligenceEvent create(Caller caller, IntelligenceCommand command) {
        caller.require(Permission.INTELLIGENCE_WRITE);
        AccessLevel level = caller.levelForNewRow(command.accessLevel());
        checkCompanies(caller, command);
        UUID id = bind(jdbc.sql("""
				INSERT INTO market_intelligence (event_type, title, summary, content, source, source_url, event_date,
				  primary_company_id, related_companies, sentiment_score, confidence_score, impact_assessment,
				  access_level, organization_id, created_by)
				VALUES (:type, :title, :summary, :content, :source, :url, :date, :company, :related, :sentiment,
				  :confidence, :impact, :level, :org, :by) RETURNING id"""), command)
                .param("level", level.value())
                .param("org", level == AccessLevel.ORGANIZATION ? caller.organizationId() : null, Types.OTHER)
                .param("by", caller.userId())
                .query(UUID.class)
                .single();
        IntelligenceEvent created = find(caller, id);
        events.publishEvent(Audited.created("market_intelligence", id, created, created.organizationId()));
        return created;
    }

    @Transactional(readOnly = true)
    public IntelligenceEvent get(Caller caller, UUID id) {
        caller.require(Permission.INTELLIGENCE_READ);
        return find(caller, id);
    }

    @Transactional(readOnly = true)
    public CursorPage<IntelligenceEvent> list(Caller caller, IntelligenceFilter f, String cursor, int limit) {
        caller.require(Permission.INTELLIGENCE_READ);
        Cursor after = Cursor.decode(cursor);
        List<IntelligenceEvent> rows = Cursor.bind(
                        AccessSql.bind(
                                jdbc.sql("SELECT " + COLUMNS
                                        + " FROM market_intelligence m WHERE m.deleted_at IS NULL AND "
                                        + AccessSql.visible("m") + """

				  AND (CAST(:company AS uuid) IS NULL OR m.primary_company_id = :company OR :company = ANY(m.related_companies))
				  AND (CAST(:type AS text) IS NULL OR m.event_type = :type)
				  AND (CAST(:from AS date) IS NULL OR m.event_date >= :from)
				  AND (CAST(:to AS date) IS NULL OR m.event_date <= :to)
				  AND (CAST(:smin AS numeric) IS NULL OR m.sentiment_score >= :smin)
				  AND (CAST(:smax AS numeric) IS NULL OR m.sentiment_score <= :smax)
				  AND (CAST(:after_at AS timestamptz) IS NULL OR (m.created_at, m.id) < (:after_at, :after_id))
				ORDER BY m.created_at DESC, m.id DESC LIMIT :limit"""),
                                caller),
                        after)
                .param("company", f.companyId(), Types.OTHER)
                .param("type", f.eventType(), Types.VARCHAR)
                .param("from", f.from(), Types.DATE)
                .param("to", f.to(), Types.DATE)
                .param("smin", f.sentimentMin(), Types.NUMERIC)
                .param("smax", f.sentimentMax(), Types.NUMERIC)
                .param("limit", limit + 1)
                .query(MarketIntelligence::map)
                .list();
        return CursorPage.of(rows, limit, e -> Cursor.of(e.createdAt(), e.id()));
    }

    @Transactional
    public IntelligenceEvent update(Caller caller, UUID id, IntelligenceCommand command) {
        caller.require(Permission.INTELLIGENCE_WRITE);
        IntelligenceEvent before = changeable(caller, id);
        checkCompanies(caller, command);
        bind(jdbc.sql("""
				UPDATE market_intelligence SET event_type = :type, title = :title, summary = :summary, content = :content,
				  source = :source, source_url = :url, event_date = :date, primary_company_id = :company,
				  related_companies = :related, sentiment_score = :sentiment, confidence_score = :confidence,
				  impact_assessment = :impact WHERE id = :id"""), command).param("id", id).update();
        IntelligenceEvent after = find(caller, id);
        events.publishEvent(Audited.updated("market_intelligence", id, before, after, after.organizationId()));
        return after;
    }

    @Transactional
    public void delete(Caller caller, UUID id) {
        caller.require(Permission.INTELLIGENCE_WRITE);
        IntelligenceEvent before = changeable(caller, id);
        jdbc.sql("UPDATE market_intelligence SET deleted_at = now() WHERE id = :id")
                .param("id", id)
                .update();
        events.publishEvent(Audited.deleted("market_intelligence", id, before, before.organizationId()));
    }

    private IntelligenceEvent changeable(Caller caller, UUID id) {
        IntelligenceEvent event = find(caller, id);
        Access.requireChangeable(caller, event.accessLevel(), event.organizationId(), event.createdBy(), "event");
        return event;
    }

    private IntelligenceEvent find(Caller caller, UUID id) {
        return AccessSql.bind(
                        jdbc.sql("SELECT " + COLUMNS
                                + " FROM market_intelligence m WHERE m.id = :id AND m.deleted_at IS NULL AND "
                                + AccessSql.visible("m")),
                        caller)
                .param("id", id)
                .query(MarketIntelligence::map)
                .optional()
                .orElseThrow(() -> new NotFound("Market intelligence event", id));
    }

    private void checkCompanies(Caller caller, IntelligenceCommand command) {
        if (command.primaryCompanyId() != null) {
            Access.requireVisibleCompanies(
                    companies, caller, List.of(command.primaryCompanyId()), "primary_company_id");
        }
        Access.requireVisibleCompanies(
                companies,
                caller,
                command.relatedCompanies() == null ? List.of() : command.relatedCompanies(),
                "related_companies");
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, IntelligenceCommand c) {
        return spec.param("type", c.eventType())
                .param("title", c.title())
                .param("summary", c.summary())
                .param("content", c.content())
                .param("source", c.source())
                .param("url", c.sourceUrl())
                .param("date", c.eventDate())
                .param("company", c.primaryCompanyId(), Types.OTHER)
                .param(
                        "related",
                        (c.relatedCompanies() == null ? List.<UUID>of() : c.relatedCompanies()).toArray(UUID[]::new))
                .param("sentiment", c.sentimentScore(), Types.NUMERIC)
                .param("confidence", c.confidenceScore(), Types.NUMERIC)
                .param("impact", c.impactAssessment());
    }

    static IntelligenceEvent map(ResultSet rs, int row) throws SQLException {
        return new IntelligenceEvent(
                rs.getObject("id", UUID.class),
                rs.getString("event_type"),
                rs.getString("title"),
                rs.getString("summary"),
                rs.getString("content"),
                rs.getString("source"),
                rs.getString("source_url"),
                rs.getObject("event_date", LocalDate.class),
                rs.getObject("primary_company_id", UUID.class),
                Arrays.asList((UUID[]) rs.getArray("related_companies").getArray()),
                rs.getBigDecimal("sentiment_score"),
                rs.getBigDecimal("confidence_score"),
                rs.getString("impact_assessment"),
                rs.getObject("organization_id", UUID.class),
                AccessLevel.of(rs.getString("access_level")),
                rs.getObject("created_by", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}
