package io.covenant.intelligence;

import io.covenant.shared.jdbc.OwnedTable;
import io.covenant.shared.jdbc.Rows;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

/** SQL for {@code market_intelligence}: every read under the access rule. */
@Repository
class IntelligenceRepository extends RecordStore<IntelligenceEvent, IntelligenceCommand, IntelligenceFilter> {

    private static final String COLUMNS = """
			m.id, m.event_type, m.title, m.summary, m.content, m.source, m.source_url, m.event_date,
			m.primary_company_id, m.related_companies, m.sentiment_score, m.confidence_score, m.impact_assessment,
			m.organization_id, m.access_level, m.created_by, m.created_at, m.updated_at""";

    private static final String INSERT = """
			INSERT INTO market_intelligence (event_type, title, summary, content, source, source_url, event_date,
			  primary_company_id, related_companies, sentiment_score, confidence_score, impact_assessment,
			  access_level, organization_id, created_by)
			VALUES (:eventType, :title, :summary, :content, :source, :sourceUrl, :eventDate, :primaryCompanyId,
			  :relatedCompanies, :sentimentScore, :confidenceScore, :impactAssessment, :level, :org, :by)
			RETURNING id""";

    private static final String UPDATE = """
			UPDATE market_intelligence SET event_type = :eventType, title = :title, summary = :summary,
			  content = :content, source = :source, source_url = :sourceUrl, event_date = :eventDate,
			  primary_company_id = :primaryCompanyId, related_companies = :relatedCompanies,
			  sentiment_score = :sentimentScore, confidence_score = :confidenceScore,
			  impact_assessment = :impactAssessment WHERE id = :id""";

    private static final List<String> FILTERS = List.of(
            "m.primary_company_id = :companyId OR :companyId = ANY(m.related_companies)",
            "m.event_type = :eventType",
            "m.event_date >= :from",
            "m.event_date <= :to",
            "m.sentiment_score >= :sentimentMin",
            "m.sentiment_score <= :sentimentMax");

    IntelligenceRepository(JdbcClient jdbc) {
        super(
                jdbc,
                new OwnedTable<>(jdbc, "market_intelligence", "m", COLUMNS, Rows.mapper(IntelligenceEvent.class)),
                INSERT,
                UPDATE,
                FILTERS);
    }

    /** No related companies when the list is absent. */
    @Override
    StatementSpec bind(StatementSpec spec, IntelligenceCommand c) {
        return spec.params(Rows.params(c))
                .param("relatedCompanies", c.relatedCompanyIds().toArray(UUID[]::new));
    }
}
