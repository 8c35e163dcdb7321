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

/** SQL for {@code market_intelligence}: every read under the access rule. */
@Repository
class IntelligenceRepository implements OwnedStore<IntelligenceEvent, IntelligenceCommand, IntelligenceFilter> {

    private final JdbcClient jdbc;

    private final OwnedTable<IntelligenceEvent> table;

    IntelligenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.table = new OwnedTable<>(jdbc, "market_intelligence", "m", """
				m.id, m.event_type, m.title, m.summary, m.content, m.source, m.source_url, m.event_date,
				m.primary_company_id, m.related_companies, m.sentiment_score, m.confidence_score, m.impact_assessment,
				m.organization_id, m.access_level, m.created_by, m.created_at, m.updated_at""", IntelligenceRepository::map);
    }

    @Override
    public UUID insert(IntelligenceCommand command, AccessLevel level, @Nullable UUID organizationId, UUID createdBy) {
        return table.insert(bind(jdbc.sql("""
				INSERT INTO market_intelligence (event_type, title, summary, content, source, source_url, event_date,
				  primary_company_id, related_companies, sentiment_score, confidence_score, impact_assessment,
				  access_level, organization_id, created_by)
				VALUES (:type, :title, :summary, :content, :source, :url, :date, :company, :related, :sentiment,
				  :confidence, :impact, :level, :org, :by) RETURNING id"""), command), level, organizationId, createdBy);
    }

    @Override
    public OwnedTable<IntelligenceEvent> table() {
        return table;
    }

    @Override
    public List<IntelligenceEvent> page(Caller caller, IntelligenceFilter f, Cursor after, int limit) {
        return table.page(
                caller,
                """
				  AND (CAST(:company AS uuid) IS NULL OR m.primary_company_id = :company OR :company = ANY(m.related_companies))
				  AND (CAST(:type AS text) IS NULL OR m.event_type = :type)
				  AND (CAST(:from AS date) IS NULL OR m.event_date >= :from)
				  AND (CAST(:to AS date) IS NULL OR m.event_date <= :to)
				  AND (CAST(:smin AS numeric) IS NULL OR m.sentiment_score >= :smin)
				  AND (CAST(:smax AS numeric) IS NULL OR m.sentiment_score <= :smax)""",
                spec -> spec.param("company", f.companyId(), Types.OTHER)
                        .param("type", f.eventType(), Types.VARCHAR)
                        .param("from", f.from(), Types.DATE)
                        .param("to", f.to(), Types.DATE)
                        .param("smin", f.sentimentMin(), Types.NUMERIC)
                        .param("smax", f.sentimentMax(), Types.NUMERIC),
                after,
                limit);
    }

    @Override
    public void update(UUID id, IntelligenceCommand command) {
        bind(jdbc.sql("""
				UPDATE market_intelligence SET event_type = :type, title = :title, summary = :summary, content = :content,
				  source = :source, source_url = :url, event_date = :date, primary_company_id = :company,
				  related_companies = :related, sentiment_score = :sentiment, confidence_score = :confidence,
				  impact_assessment = :impact WHERE id = :id"""), command).param("id", id).update();
    }

    private static StatementSpec bind(StatementSpec spec, IntelligenceCommand c) {
        return spec.param("type", c.eventType())
                .param("title", c.title())
                .param("summary", c.summary())
                .param("content", c.content())
                .param("source", c.source())
                .param("url", c.sourceUrl())
                .param("date", c.eventDate())
                .param("company", c.primaryCompanyId(), Types.OTHER)
                .param("related", c.relatedCompanyIds().toArray(UUID[]::new))
                .param("sentiment", c.sentimentScore(), Types.NUMERIC)
                .param("confidence", c.confidenceScore(), Types.NUMERIC)
                .param("impact", c.impactAssessment());
    }

    private static IntelligenceEvent map(ResultSet rs, int row) throws SQLException {
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
