package io.covenant.intelligence;

import io.covenant.shared.jdbc.OwnedStore;
import io.covenant.shared.jdbc.OwnedTable;
import io.covenant.shared.jdbc.Rows;
import io.covenant.shared.paging.Cursor;
import io.covenant.shared.security.AccessLevel;
import io.covenant.shared.security.Caller;
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
				m.organization_id, m.access_level, m.created_by, m.created_at, m.updated_at""", Rows.mapper(IntelligenceEvent.class));
    }

    @Override
    public UUID insert(IntelligenceCommand command, AccessLevel level, @Nullable UUID organizationId, UUID createdBy) {
        return table.insert(bind(jdbc.sql("""
				INSERT INTO market_intelligence (event_type, title, summary, content, source, source_url, event_date,
				  primary_company_id, related_companies, sentiment_score, confidence_score, impact_assessment,
				  access_level, organization_id, created_by)
				VALUES (:eventType, :title, :summary, :content, :source, :sourceUrl, :eventDate, :primaryCompanyId,
				  :relatedCompanies, :sentimentScore, :confidenceScore, :impactAssessment, :level, :org, :by)
				RETURNING id"""), command), level, organizationId, createdBy);
    }

    @Override
    public OwnedTable<IntelligenceEvent> table() {
        return table;
    }

    @Override
    public List<IntelligenceEvent> page(Caller caller, IntelligenceFilter f, Cursor after, int limit) {
        return table.page(caller, """
				  AND (CAST(:companyId AS uuid) IS NULL OR m.primary_company_id = :companyId
				       OR :companyId = ANY(m.related_companies))
				  AND (CAST(:eventType AS text) IS NULL OR m.event_type = :eventType)
				  AND (CAST(:from AS date) IS NULL OR m.event_date >= :from)
				  AND (CAST(:to AS date) IS NULL OR m.event_date <= :to)
				  AND (CAST(:sentimentMin AS numeric) IS NULL OR m.sentiment_score >= :sentimentMin)
				  AND (CAST(:sentimentMax AS numeric) IS NULL OR m.sentiment_score <= :sentimentMax)""", spec -> spec.params(Rows.params(f)), after, limit);
    }

    @Override
    public void update(UUID id, IntelligenceCommand command) {
        bind(jdbc.sql("""
				UPDATE market_intelligence SET event_type = :eventType, title = :title, summary = :summary,
				  content = :content, source = :source, source_url = :sourceUrl, event_date = :eventDate,
				  primary_company_id = :primaryCompanyId, related_companies = :relatedCompanies,
				  sentiment_score = :sentimentScore, confidence_score = :confidenceScore,
				  impact_assessment = :impactAssessment WHERE id = :id"""), command).param("id", id).update();
    }

    /** The command's fields by name; no related companies when the list is absent. */
    private static StatementSpec bind(StatementSpec spec, IntelligenceCommand c) {
        return spec.params(Rows.params(c))
                .param("relatedCompanies", c.relatedCompanyIds().toArray(UUID[]::new));
    }
}
