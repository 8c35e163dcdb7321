package io.covenant.ops.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.covenant.DatabaseTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every CHECK constraint in the schema rejects a row that breaks it, and the rejection names that constraint. The
 * list of cases is compared with the catalogue, so a new CHECK without a case fails this test.
 */
@DatabaseTest
class CheckConstraintTests {

    /** A valid row per table; {@code :org}, {@code :user}, {@code :company}, {@code :document} name fixture rows. */
    static final Map<String, Map<String, String>> VALID = Map.ofEntries(
            Map.entry("tenants", row("name", "'T' || gen_random_uuid()")),
            Map.entry("organizations", row("name", "'Acme'", "size_category", "'small'")),
            Map.entry(
                    "users",
                    row(
                            "email",
                            "'x' || gen_random_uuid() || '@example.com'",
                            "password_hash",
                            "'h'",
                            "role",
                            "'user'")),
            Map.entry("permissions", row("name", "'a:b'", "resource", "'a'", "action", "'b'")),
            Map.entry(
                    "api_keys",
                    row(
                            "user_id",
                            ":user",
                            "name",
                            "'k'",
                            "key_prefix",
                            "'cov_'",
                            "key_hash",
                            "gen_random_uuid()::text",
                            "expires_at",
                            "now() + interval '1 day'")),
            Map.entry(
                    "user_sessions",
                    row(
                            "user_id",
                            ":user",
                            "family_id",
                            "gen_random_uuid()",
                            "refresh_token_hash",
                            "gen_random_uuid()::text",
                            "expires_at",
                            "now() + interval '1 day'")),
            Map.entry(
                    "companies",
                    row(
                            "symbol",
                            "'CHK'",
                            "name",
                            "'Check Inc'",
                            "sector",
                            "'Tech'",
                            "cik",
                            "'0000000042'",
                            "access_level",
                            "'system'",
                            "created_by",
                            ":user")),
            Map.entry(
                    "sec_filings",
                    row(
                            "company_id",
                            ":company",
                            "filing_type",
                            "'10-K'",
                            "filing_date",
                            "'2024-01-01'",
                            "accession_number",
                            "'0000000000-24-000001'")),
            Map.entry(
                    "financial_metrics",
                    row(
                            "company_id",
                            ":company",
                            "metric_date",
                            "'2024-01-01'",
                            "metric_type",
                            "'revenue'",
                            "value",
                            "1",
                            "period_type",
                            "'annual'")),
            Map.entry(
                    "documents",
                    row(
                            "title",
                            "'t'",
                            "document_type",
                            "'news'",
                            "content",
                            "'c'",
                            "content_hash",
                            "'h'",
                            "access_level",
                            "'system'",
                            "created_by",
                            ":user")),
            Map.entry("document_chunks", row("document_id", ":document", "chunk_index", "0", "content", "'c'")),
            Map.entry(
                    "market_intelligence",
                    row(
                            "event_type",
                            "'funding'",
                            "title",
                            "'t'",
                            "event_date",
                            "'2024-01-01'",
                            "access_level",
                            "'system'",
                            "created_by",
                            ":user")),
            Map.entry(
                    "analysis_reports",
                    row("report_type", "'custom'", "title", "'t'", "access_level", "'system'", "created_by", ":user")),
            Map.entry(
                    "bulk_upload_jobs",
                    row(
                            "filename",
                            "'f'",
                            "original_filename",
                            "'f.csv'",
                            "file_size",
                            "1",
                            "job_type",
                            "'annual'",
                            "created_by",
                            ":user",
                            "file_hash",
                            "repeat('a', 64)")),
            Map.entry(
                    "annual_predictions",
                    row(
                            "company_id",
                            ":company",
                            "reporting_year",
                            "'2024'",
                            "probability",
                            "0.1",
                            "risk_level",
                            "'Low'",
                            "confidence",
                            "0.5",
                            "predicted_at",
                            "now()",
                            "access_level",
                            "'system'",
                            "created_by",
                            ":user")),
            Map.entry(
                    "quarterly_predictions",
                    row(
                            "company_id",
                            ":company",
                            "reporting_year",
                            "'2024'",
                            "reporting_quarter",
                            "'Q1'",
                            "logistic_probability",
                            "0.1",
                            "gbm_probability",
                            "0.1",
                            "ensemble_probability",
                            "0.1",
                            "risk_level",
                            "'Low'",
                            "confidence",
                            "0.5",
                            "predicted_at",
                            "now()",
                            "access_level",
                            "'system'",
                            "created_by",
                            ":user")),
            Map.entry("audit_logs", row("event_type", "'x'", "entity_type", "'y'", "action", "'CREATE'")),
            Map.entry("search_index_outbox", row("document_id", ":document", "operation", "'index'")),
            Map.entry(
                    "maintenance_runs",
                    row(
                            "job",
                            "'j'",
                            "node",
                            "'n'",
                            "started_at",
                            "now()",
                            "duration_ms",
                            "1",
                            "outcome",
                            "'succeeded'")));

    /** constraint -> table and the columns that break it. */
    static final Map<String, Case> CASES = new LinkedHashMap<>();

    static {
        add("organizations", "chk_organizations_size_category", "size_category", "'huge'");
        add("organizations", "chk_organizations_name_not_blank", "name", "'  '");
        add("tenants", "chk_tenants_name_not_blank", "name", "''");
        add("organizations", "chk_organizations_default_role", "default_role", "'org_admin'");
        add("organizations", "chk_organizations_max_users", "max_users", "0");
        add("users", "chk_users_role", "role", "'god'");
        add("users", "chk_users_tenant_admin_has_tenant", "role", "'tenant_admin'");
        add("users", "chk_email_format", "email", "'not-an-email'");
        add("permissions", "chk_permissions_name_format", "name", "'x:y'");
        add("api_keys", "chk_api_keys_expiry", "expires_at", "now() - interval '1 day'");
        add("user_sessions", "chk_user_sessions_expiry", "expires_at", "now() - interval '1 day'");
        add("companies", "chk_companies_access_level", "access_level", "'public'");
        add("companies", "chk_companies_access_scope", "access_level", "'organization'");
        add("companies", "chk_companies_symbol_format", "symbol", "'bad sym'");
        add("companies", "chk_companies_cik_format", "cik", "'12'");
        add("companies", "chk_companies_market_cap", "market_cap", "0");
        add("companies", "chk_founded_year", "founded_year", "1700");
        add("companies", "chk_employee_count", "employee_count", "0");
        add("companies", "chk_companies_subcategory_array", "subcategory", "'{}'::jsonb");
        add("companies", "chk_companies_monetization_array", "monetization_strategy", "'\"x\"'::jsonb");
        add("sec_filings", "chk_accession_number_format", "accession_number", "'abc'");
        add("sec_filings", "chk_filing_type", "filing_type", "'13F'");
        add("sec_filings", "chk_fiscal_period", "fiscal_period", "'Q5'");
        add("sec_filings", "chk_sec_filings_processing_status", "processing_status", "'done'");
        add("financial_metrics", "chk_metric_type", "metric_type", "'foo'");
        add("financial_metrics", "chk_metric_category", "metric_category", "'x'");
        add("financial_metrics", "chk_period_type", "period_type", "'hourly'");
        add("financial_metrics", "chk_metric_fiscal_quarter", "fiscal_quarter", "'Q5'");
        add("financial_metrics", "chk_confidence_score", "confidence_score", "1.5");
        add("financial_metrics", "chk_metric_value_finite", "value", "'NaN'");
        add("documents", "chk_documents_access_level", "access_level", "'x'");
        add("documents", "chk_documents_access_scope", "access_level", "'organization'");
        add("documents", "chk_document_type", "document_type", "'x'");
        add("documents", "chk_documents_embedding_dimensions", "embedding", "'{}'::real[]");
        add("document_chunks", "chk_document_chunks_index", "chunk_index", "-1");
        CASES.put(
                "chk_document_chunks_offsets",
                new Case("document_chunks", Map.of("start_offset", "5", "end_offset", "1")));
        add("document_chunks", "chk_document_chunks_embedding_dimensions", "embedding", "'{}'::real[]");
        add("market_intelligence", "chk_market_intelligence_access_level", "access_level", "'x'");
        add("market_intelligence", "chk_market_intelligence_access_scope", "access_level", "'organization'");
        add("market_intelligence", "chk_market_intelligence_event_type", "event_type", "'x'");
        add("market_intelligence", "chk_sentiment_score", "sentiment_score", "-1.5");
        add("market_intelligence", "chk_market_intelligence_confidence", "confidence_score", "2");
        add("analysis_reports", "chk_analysis_reports_access_level", "access_level", "'x'");
        add("analysis_reports", "chk_analysis_reports_access_scope", "access_level", "'organization'");
        add("analysis_reports", "chk_analysis_reports_type", "report_type", "'x'");
        add("analysis_reports", "chk_analysis_reports_status", "status", "'x'");
        add("analysis_reports", "chk_analysis_reports_confidence", "confidence_score", "2");
        CASES.put(
                "chk_analysis_reports_period",
                new Case("analysis_reports", Map.of("period_start", "'2024-02-01'", "period_end", "'2024-01-01'")));
        add("bulk_upload_jobs", "chk_bulk_jobs_status", "status", "'x'");
        add("bulk_upload_jobs", "chk_bulk_jobs_job_type", "job_type", "'x'");
        add("bulk_upload_jobs", "chk_bulk_jobs_file_size", "file_size", "-1");
        add("bulk_upload_jobs", "chk_bulk_jobs_file_hash", "file_hash", "'xyz'");
        CASES.put(
                "chk_bulk_jobs_counts",
                new Case("bulk_upload_jobs", Map.of("processed_rows", "1", "success_count", "2")));
        add("bulk_upload_jobs", "chk_bulk_jobs_logs_array", "processing_logs", "'{}'::jsonb");
        add("bulk_upload_jobs", "chk_bulk_jobs_access_level", "access_level", "'public'");
        add("bulk_upload_jobs", "chk_bulk_jobs_file_format", "file_format", "'pdf'");
        add("annual_predictions", "chk_annual_reporting_year", "reporting_year", "'24'");
        add("annual_predictions", "chk_annual_probability", "probability", "1.5");
        add("annual_predictions", "chk_annual_logistic_probability", "logistic_probability", "1.5");
        add("annual_predictions", "chk_annual_gbm_probability", "gbm_probability", "-0.5");
        add("annual_predictions", "chk_annual_risk_level", "risk_level", "'Severe'");
        add("annual_predictions", "chk_annual_confidence", "confidence", "-0.1");
        add("annual_predictions", "chk_annual_ltd_to_total_capital", "long_term_debt_to_total_capital", "2.5");
        add("annual_predictions", "chk_annual_total_debt_to_ebitda", "total_debt_to_ebitda", "51");
        add("annual_predictions", "chk_annual_net_income_margin", "net_income_margin", "-1.5");
        add("annual_predictions", "chk_annual_ebit_to_interest", "ebit_to_interest_expense", "101");
        add("annual_predictions", "chk_annual_return_on_assets", "return_on_assets", "1.5");
        add("annual_predictions", "chk_annual_access_level", "access_level", "'x'");
        add("annual_predictions", "chk_annual_access_scope", "access_level", "'organization'");
        add("quarterly_predictions", "chk_quarterly_reporting_year", "reporting_year", "'2O24'");
        add("quarterly_predictions", "chk_quarterly_reporting_quarter", "reporting_quarter", "'Q5'");
        add("quarterly_predictions", "chk_quarterly_logistic_probability", "logistic_probability", "1.5");
        add("quarterly_predictions", "chk_quarterly_gbm_probability", "gbm_probability", "-0.5");
        add("quarterly_predictions", "chk_quarterly_ensemble_probability", "ensemble_probability", "1.01");
        add("quarterly_predictions", "chk_quarterly_risk_level", "risk_level", "'low'");
        add("quarterly_predictions", "chk_quarterly_confidence", "confidence", "1.5");
        add("quarterly_predictions", "chk_quarterly_current_ratio", "current_ratio", "10.5");
        add("quarterly_predictions", "chk_quarterly_quick_ratio", "quick_ratio", "-0.1");
        add("quarterly_predictions", "chk_quarterly_debt_to_equity", "debt_to_equity", "5.5");
        add("quarterly_predictions", "chk_quarterly_inventory_turnover", "inventory_turnover", "51");
        add("quarterly_predictions", "chk_quarterly_receivables_turnover", "receivables_turnover", "50.5");
        add("quarterly_predictions", "chk_quarterly_wc_to_total_assets", "working_capital_to_total_assets", "-1.2");
        add("quarterly_predictions", "chk_quarterly_access_level", "access_level", "'x'");
        add("quarterly_predictions", "chk_quarterly_access_scope", "access_level", "'organization'");
        add("audit_logs", "chk_audit_logs_action", "action", "'HACK'");
        add("search_index_outbox", "chk_search_outbox_operation", "operation", "'reindex'");
        add("maintenance_runs", "chk_maintenance_runs_outcome", "outcome", "'maybe'");
        add("maintenance_runs", "chk_maintenance_runs_duration", "duration_ms", "-1");
    }

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyCheckConstraintOfTheSchemaHasACase() {
        Set<String> inCatalogue =
                new TreeSet<>(jdbc.sql("""
				SELECT c.conname FROM pg_constraint c
				JOIN pg_class t ON t.oid = c.conrelid
				JOIN pg_namespace n ON n.oid = t.relnamespace
				WHERE c.contype = 'c' AND n.nspname = 'public' AND NOT t.relispartition
				""").query(String.class).list());
        assertThat(CASES.keySet()).containsExactlyInAnyOrderElementsOf(inCatalogue);
    }

    @Test
    void everyCheckConstraintRejectsARowThatBreaksIt() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                Map<String, String> fixtures = fixtures(statement);
                for (var entry : CASES.entrySet()) {
                    assertValidRowIsAccepted(
                            connection, statement, entry.getValue().table(), fixtures);
                    Savepoint savepoint = connection.setSavepoint();
                    try {
                        statement.execute(insert(
                                entry.getValue().table(), entry.getValue().bad(), fixtures));
                        fail("%s accepted a row that breaks it", entry.getKey());
                    } catch (PSQLException ex) {
                        assertThat(ex.getSQLState()).as(entry.getKey()).isEqualTo("23514");
                        assertThat(ex.getServerErrorMessage().getConstraint()).isEqualTo(entry.getKey());
                    }
                    connection.rollback(savepoint);
                }
            } finally {
                connection.rollback();
            }
        }
    }

    private void assertValidRowIsAccepted(
            Connection connection, Statement statement, String table, Map<String, String> fixtures)
            throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        statement.execute(insert(table, Map.of(), fixtures));
        connection.rollback(savepoint);
    }

    private static Map<String, String> fixtures(Statement statement) throws SQLException {
        String org = UUID.randomUUID().toString();
        String user = UUID.randomUUID().toString();
        String company = UUID.randomUUID().toString();
        String document = UUID.randomUUID().toString();
        statement.execute("INSERT INTO organizations (id, name) VALUES ('" + org + "', 'Fixture')");
        statement.execute("INSERT INTO users (id, email, password_hash) VALUES ('" + user + "', 'f" + user
                + "@example.com', 'h')");
        statement.execute("INSERT INTO companies (id, symbol, name, sector, access_level, created_by) VALUES ('"
                + company + "', 'FIX', 'Fixture', 'Tech', 'personal', '" + user + "')");
        statement.execute(
                "INSERT INTO documents (id, title, document_type, content, content_hash, created_by) VALUES ('"
                        + document + "', 't', 'news', 'c', 'h', '" + user + "')");
        return Map.of(
                ":org",
                "'" + org + "'",
                ":user",
                "'" + user + "'",
                ":company",
                "'" + company + "'",
                ":document",
                "'" + document + "'");
    }

    private static String insert(String table, Map<String, String> overrides, Map<String, String> fixtures) {
        Map<String, String> row = new LinkedHashMap<>(VALID.get(table));
        row.putAll(overrides);
        String values = String.join(
                ", ",
                row.values().stream().map(v -> fixtures.getOrDefault(v, v)).toList());
        return "INSERT INTO " + table + " (" + String.join(", ", row.keySet()) + ") VALUES (" + values + ")";
    }

    private static void add(String table, String constraint, String column, String value) {
        CASES.put(constraint, new Case(table, Map.of(column, value)));
    }

    private static Map<String, String> row(String... columnsAndValues) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            row.put(columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return row;
    }

    record Case(String table, Map<String, String> bad) {}
}
