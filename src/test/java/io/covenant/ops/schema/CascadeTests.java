package io.covenant.ops.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.covenant.DatabaseTest;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Deleting a parent removes what the documents say it owns and detaches what they say it only references. */
@DatabaseTest
// Committed: updated_at is only seen to change from one transaction to the next.
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class CascadeTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    UUID org = UUID.randomUUID();

    UUID user = UUID.randomUUID();

    UUID company = UUID.randomUUID();

    UUID filing = UUID.randomUUID();

    UUID document = UUID.randomUUID();

    UUID intelligence = UUID.randomUUID();

    @BeforeEach
    void createGraph() {
        jdbc.sql("INSERT INTO organizations (id, name) VALUES (?, 'Cascade Org')")
                .param(org)
                .update();
        jdbc.sql(
                        "INSERT INTO users (id, email, password_hash, organization_id, role) VALUES (?, ?, 'h', ?, 'org_admin')")
                .params(user, "c" + user + "@example.com", org)
                .update();
        jdbc.sql("""
				INSERT INTO companies (id, symbol, name, sector, access_level, organization_id, created_by)
				VALUES (?, 'CSC', 'Cascade', 'Tech', 'organization', ?, ?)""").params(company, org, user).update();
        jdbc.sql("""
				INSERT INTO sec_filings (id, company_id, filing_type, filing_date, accession_number)
				VALUES (?, ?, '10-K', '2024-02-01', ?)""")
                .params(
                        filing,
                        company,
                        "%010d-24-%06d"
                                .formatted(
                                        Math.abs(company.hashCode() % 1_000_000_000L),
                                        Math.abs(user.hashCode() % 1_000_000)))
                .update();
        jdbc.sql("""
				INSERT INTO financial_metrics (company_id, metric_date, metric_type, value, period_type, source_filing_id)
				VALUES (?, '2023-12-31', 'revenue', 10, 'annual', ?)""").params(company, filing).update();
        jdbc.sql("""
				INSERT INTO documents (id, company_id, filing_id, title, document_type, content, content_hash,
				                       access_level, organization_id, created_by)
				VALUES (?, ?, ?, '10-K', 'sec_filing', 'text', 'h', 'organization', ?, ?)""").params(document, company, filing, org, user).update();
        jdbc.sql("INSERT INTO document_chunks (document_id, chunk_index, content) VALUES (?, 0, 'a'), (?, 1, 'b')")
                .params(document, document)
                .update();
        jdbc.sql("""
				INSERT INTO market_intelligence (id, event_type, title, event_date, primary_company_id, access_level, created_by)
				VALUES (?, 'funding', 'Raise', '2024-01-01', ?, 'system', ?)""").params(intelligence, company, user).update();
        jdbc.sql("""
				INSERT INTO annual_predictions (company_id, reporting_year, probability, risk_level, confidence,
				  predicted_at, access_level, organization_id, created_by)
				VALUES (?, '2024', 0.2, 'Low', 0.8, now(), 'organization', ?, ?)""").params(company, org, user).update();
        jdbc.sql("""
				INSERT INTO quarterly_predictions (company_id, reporting_year, reporting_quarter, logistic_probability,
				  gbm_probability, ensemble_probability, risk_level, confidence, predicted_at, access_level,
				  organization_id, created_by)
				VALUES (?, '2024', 'Q1', 0.2, 0.3, 0.25, 'Low', 0.8, now(), 'organization', ?, ?)""").params(company, org, user).update();
        jdbc.sql(
                        "INSERT INTO audit_logs (event_type, entity_type, user_id, organization_id, action) VALUES ('x', 'y', ?, ?, 'LOGIN')")
                .params(user, org)
                .update();
    }

    @Test
    void deletingACompanyRemovesItsFilingsMetricsDocumentsAndPredictionsButKeepsIntelligence() {
        jdbc.sql("DELETE FROM companies WHERE id = ?").param(company).update();
        assertThat(countWhere("sec_filings", "company_id", company)).isZero();
        assertThat(countWhere("financial_metrics", "company_id", company)).isZero();
        assertThat(countWhere("documents", "company_id", company)).isZero();
        assertThat(countWhere("document_chunks", "document_id", document)).isZero();
        assertThat(countWhere("annual_predictions", "company_id", company)).isZero();
        assertThat(countWhere("quarterly_predictions", "company_id", company)).isZero();
        assertThat(jdbc.sql("SELECT primary_company_id IS NULL FROM market_intelligence WHERE id = ?")
                        .param(intelligence)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void deletingAFilingDetachesTheMetricsAndDocumentsItSourced() {
        jdbc.sql("DELETE FROM sec_filings WHERE id = ?").param(filing).update();
        assertThat(countWhere("financial_metrics", "company_id", company)).isEqualTo(1);
        assertThat(countWhere("financial_metrics", "source_filing_id", filing)).isZero();
        assertThat(countWhere("documents", "id", document)).isEqualTo(1);
    }

    @Test
    void deletingADocumentRemovesItsChunks() {
        jdbc.sql("DELETE FROM documents WHERE id = ?").param(document).update();
        assertThat(countWhere("document_chunks", "document_id", document)).isZero();
    }

    @Test
    void deletingAnOrganizationRemovesItsRowsAndDetachesItsPeopleAndAuditTrail() {
        jdbc.sql("DELETE FROM organizations WHERE id = ?").param(org).update();
        assertThat(countWhere("companies", "id", company)).isZero();
        assertThat(countWhere("annual_predictions", "organization_id", org)).isZero();
        assertThat(jdbc.sql("SELECT organization_id IS NULL FROM users WHERE id = ?")
                        .param(user)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(countWhere("audit_logs", "user_id", user)).isEqualTo(1);
        assertThat(countWhere("audit_logs", "organization_id", org)).isZero();
    }

    @Test
    void deletingAUserRemovesTheirKeysSessionsAndGrantsButNotWhatTheyCreated() {
        UUID other = UUID.randomUUID();
        jdbc.sql("INSERT INTO users (id, email, password_hash) VALUES (?, ?, 'h')")
                .params(other, "o" + other + "@example.com")
                .update();
        jdbc.sql("INSERT INTO api_keys (user_id, name, key_prefix, key_hash) VALUES (?, 'k', 'cov_', ?)")
                .params(other, other.toString())
                .update();
        jdbc.sql(
                        "INSERT INTO user_sessions (user_id, family_id, refresh_token_hash, expires_at) VALUES (?, gen_random_uuid(), ?, now() + interval '1 day')")
                .params(other, other.toString())
                .update();
        jdbc.sql("INSERT INTO user_permissions (user_id, permission_id) SELECT ?, id FROM permissions LIMIT 2")
                .param(other)
                .update();
        jdbc.sql("DELETE FROM users WHERE id = ?").param(other).update();
        assertThat(countWhere("api_keys", "user_id", other)).isZero();
        assertThat(countWhere("user_sessions", "user_id", other)).isZero();
        assertThat(countWhere("user_permissions", "user_id", other)).isZero();

        // A creator of business rows cannot be deleted (deactivate instead): AccuNode's created_by has no cascade.
        var translated = catchThrowableOfType(
                DataIntegrityViolationException.class,
                () -> jdbc.sql("DELETE FROM users WHERE id = ?").param(user).update());
        assertThat(translated).isNotNull();
    }

    @Test
    void predictionsMustUseACompanyOfTheirOrganizationOrASharedOne() {
        UUID otherOrg = UUID.randomUUID();
        jdbc.sql("INSERT INTO organizations (id, name) VALUES (?, 'Other')")
                .param(otherOrg)
                .update();
        var failure = catchThrowableOfType(
                DataIntegrityViolationException.class,
                () -> jdbc.sql("""
						INSERT INTO annual_predictions (company_id, reporting_year, probability, risk_level, confidence,
						  predicted_at, access_level, organization_id, created_by)
						VALUES (?, '2023', 0.2, 'Low', 0.8, now(), 'organization', ?, ?)""").params(company, otherOrg, user).update());
        assertThat(failure).hasMessageContaining("Company must belong to the same organization");
    }

    @Test
    void updatedAtIsMaintainedByTheDatabase() {
        var before = jdbc.sql("SELECT updated_at FROM companies WHERE id = ?")
                .param(company)
                .query(OffsetDateTime.class)
                .single();
        new TransactionTemplate(transactions)
                .executeWithoutResult(status -> jdbc.sql("UPDATE companies SET name = 'Renamed' WHERE id = ?")
                        .param(company)
                        .update());
        var after = jdbc.sql("SELECT updated_at FROM companies WHERE id = ?")
                .param(company)
                .query(OffsetDateTime.class)
                .single();
        assertThat(after).isAfter(before);
    }

    private long countWhere(String table, String column, UUID id) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + column + " = ?")
                .param(id)
                .query(Long.class)
                .single();
    }
}
