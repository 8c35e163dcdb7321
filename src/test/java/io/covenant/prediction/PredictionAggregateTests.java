package io.covenant.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import io.covenant.DatabaseFixtures;
import io.covenant.DatabaseTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.security.Role;
import java.math.BigDecimal;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboards' aggregates, kept by triggers, hold what a full recount of the predictions finds after inserts,
 * upserts, updates, deletes, a company changing sector and a company deleted for good; the recount function
 * rebuilds them.
 */
@DatabaseTest
class PredictionAggregateTests {

    @Autowired
    DatabaseFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aggregatesEqualAFullRecountAfterEveryKindOfWrite() {
        UUID org = fixtures.organization(null);
        Person admin = fixtures.person(Role.ORG_ADMIN, org);
        Person user = fixtures.person(Role.USER, null);
        String tag = "G" + Fixtures.unique(4);
        companies(tag + "O", 300, "organization", org, admin.id());
        companies(tag + "S", 100, "system", null, UUID.fromString("00000000-0000-0000-0000-000000000001"));
        companies(tag + "P", 50, "personal", null, user.id());

        jdbc.sql("""
				INSERT INTO annual_predictions (company_id, reporting_year, probability, risk_level, confidence,
				  predicted_at, access_level, organization_id, created_by, created_at)
				SELECT c.id, y::text, round((random() * 0.99)::numeric, 4), (ARRAY['Low', 'Medium', 'High'])[1 + (y + length(c.name)) % 3],
				       0.8, now(), CASE WHEN c.access_level = 'system' THEN 'organization' ELSE c.access_level END,
				       CASE WHEN c.access_level = 'system' THEN :org ELSE c.organization_id END,
				       CASE WHEN c.access_level = 'system' THEN :admin ELSE c.created_by END,
				       now() - (y - 2019) * interval '1 day' - random() * interval '1 hour'
				FROM companies c CROSS JOIN generate_series(2020, 2022) y WHERE c.symbol LIKE :tag || '%'""")
                .param("org", org)
                .param("admin", admin.id())
                .param("tag", tag)
                .update();
        jdbc.sql("""
				INSERT INTO quarterly_predictions (company_id, reporting_year, reporting_quarter, logistic_probability,
				  gbm_probability, ensemble_probability, risk_level, confidence, predicted_at, access_level,
				  organization_id, created_by)
				SELECT c.id, '2024', 'Q' || q, round(random()::numeric, 4), round(random()::numeric, 4),
				       round(random()::numeric, 4), (ARRAY['Low', 'Medium', 'High'])[1 + q % 3], 0.25 * q, now(),
				       c.access_level, c.organization_id, c.created_by
				FROM companies c CROSS JOIN generate_series(1, 4) q WHERE c.symbol LIKE :tag || '%'
				  AND c.access_level <> 'system'""").param("tag", tag).update();
        assertMatchesRecount(org, admin.id(), user.id());

        // A rescore, as PUT and uploads do: risk, probability and confidence change, the key stays.
        jdbc.sql("""
				UPDATE annual_predictions SET risk_level = CASE risk_level WHEN 'Low' THEN 'High' ELSE 'Low' END,
				  probability = round((probability / 2)::numeric, 4)
				WHERE organization_id = :org AND reporting_year = '2021'""").param("org", org).update();
        jdbc.sql("""
				UPDATE quarterly_predictions SET ensemble_probability = 0.5, confidence = 0.1
				WHERE created_by = :user AND reporting_quarter IN ('Q1', 'Q2')""").param("user", user.id()).update();
        // An upload's upsert: some rows replace existing ones, some are new.
        jdbc.sql("""
				INSERT INTO annual_predictions AS p (company_id, reporting_year, probability, risk_level, confidence,
				  predicted_at, access_level, organization_id, created_by)
				SELECT c.id, y::text, 0.9, 'High', 0.9, now(), 'organization', :org, :admin
				FROM companies c CROSS JOIN generate_series(2022, 2023) y
				WHERE c.symbol LIKE :tag || 'O%' AND length(c.name) % 2 = 0
				ON CONFLICT ON CONSTRAINT unique_annual_prediction DO UPDATE SET probability = EXCLUDED.probability,
				  risk_level = EXCLUDED.risk_level""")
                .param("org", org)
                .param("admin", admin.id())
                .param("tag", tag)
                .update();
        assertMatchesRecount(org, admin.id(), user.id());

        // Deletes, among them each owner's latest prediction.
        jdbc.sql("""
				DELETE FROM annual_predictions WHERE organization_id = :org AND reporting_year = '2020'
				  AND length(company_id::text || risk_level) % 3 = 0""").param("org", org).update();
        for (String table : List.of("annual_predictions", "quarterly_predictions")) {
            jdbc.sql("DELETE FROM " + table + " WHERE id = (SELECT id FROM " + table
                            + " WHERE created_by = :user ORDER BY created_at DESC, id DESC LIMIT 1)")
                    .param("user", user.id())
                    .update();
            jdbc.sql("DELETE FROM " + table + " WHERE id = (SELECT id FROM " + table
                            + " WHERE organization_id = :org ORDER BY created_at DESC, id DESC LIMIT 1)")
                    .param("org", org)
                    .update();
        }
        // Companies moving to another sector take their predictions with them.
        jdbc.sql("UPDATE companies SET sector = 'Moved' WHERE symbol LIKE :tag || '%' AND length(name) % 4 = 1")
                .param("tag", tag)
                .update();
        assertMatchesRecount(org, admin.id(), user.id());

        jdbc.sql("DELETE FROM quarterly_predictions WHERE organization_id = :org")
                .param("org", org)
                .update();
        assertMatchesRecount(org, admin.id(), user.id());
        assertThat(jdbc.sql("SELECT count(*) FROM prediction_quarter_deviation WHERE organization_id = :org")
                        .param("org", org)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void hardDeletingASharedCompanyTakesItsPredictionsOutOfEveryOrganisationsSectorCounts() {
        UUID system = UUID.fromString("00000000-0000-0000-0000-000000000001");
        String tag = "H" + Fixtures.unique(4);
        companies(tag + "S", 4, "system", null, system);
        UUID[] orgs = {fixtures.organization(null), fixtures.organization(null)};
        Person[] admins = {fixtures.person(Role.ORG_ADMIN, orgs[0]), fixtures.person(Role.ORG_ADMIN, orgs[1])};
        for (int i = 0; i < 2; i++) {
            jdbc.sql("""
					INSERT INTO annual_predictions (company_id, reporting_year, probability, risk_level, confidence,
					  predicted_at, access_level, organization_id, created_by)
					SELECT c.id, '2025', 0.5, 'Medium', 0.8, now(), 'organization', :org, :admin
					FROM companies c WHERE c.symbol LIKE :tag || '%'""")
                    .param("org", orgs[i])
                    .param("admin", admins[i].id())
                    .param("tag", tag)
                    .update();
        }
        // Each in a sector of its own: the rows of the deleted companies' sectors go, the others stay.
        jdbc.sql("DELETE FROM companies WHERE symbol IN (:a, :b)")
                .param("a", tag + "S1")
                .param("b", tag + "S2")
                .update();
        for (int i = 0; i < 2; i++) {
            assertMatchesRecount(orgs[i], admins[i].id());
        }
    }

    @Test
    void theRecountFindsWhatTheTriggersKeptAndRepairsAggregatesABulkLoadLeftBehind() {
        UUID org = fixtures.organization(null);
        Person admin = fixtures.person(Role.ORG_ADMIN, org);
        String tag = "R" + Fixtures.unique(4);
        companies(tag + "O", 40, "organization", org, admin.id());
        jdbc.sql("""
				INSERT INTO annual_predictions (company_id, reporting_year, probability, risk_level, confidence,
				  predicted_at, access_level, organization_id, created_by)
				SELECT c.id, y::text, 0.7, (ARRAY['Low', 'Medium', 'High'])[1 + length(c.name) % 3], 0.8, now(),
				       c.access_level, c.organization_id, c.created_by
				FROM companies c CROSS JOIN generate_series(2023, 2024) y WHERE c.symbol LIKE :tag || '%'""").param("tag", tag).update();
        String everything = """
				SELECT 'r', organization_id::text, reporting_year || sector || risk_level, predictions::text
				FROM prediction_sector_risk
				UNION ALL SELECT 'q', organization_id::text, reporting_year || reporting_quarter,
				       predictions || '/' || logistic_deviation || '/' || gbm_deviation || '/' || confidence
				FROM prediction_quarter_deviation
				UNION ALL SELECT 's', concat_ws('/', access_level, organization_id, created_by),
				       predictions || '/' || high_risk || '/' || probability, last_created_at::text
				FROM prediction_owner_summary ORDER BY 1, 2, 3, 4""";
        List<Map<String, Object>> kept = jdbc.sql(everything).query().listOfRows();
        assertThat(jdbc.sql("SELECT recount_prediction_aggregates()")
                        .query(Long.class)
                        .single())
                .isPositive();
        assertThat(jdbc.sql(everything).query().listOfRows()).isEqualTo(kept);

        // What a load with the triggers off would leave: counts too high, an owner missing.
        jdbc.sql("UPDATE prediction_sector_risk SET predictions = predictions + 5 WHERE organization_id = :org")
                .param("org", org)
                .update();
        jdbc.sql("DELETE FROM prediction_owner_summary WHERE organization_id = :org")
                .param("org", org)
                .update();
        jdbc.sql("SELECT recount_prediction_aggregates()").query(Long.class).single();
        assertMatchesRecount(org, admin.id());
        assertThat(jdbc.sql(everything).query().listOfRows()).isEqualTo(kept);
    }

    private void companies(String prefix, int count, String level, UUID org, UUID by) {
        jdbc.sql("""
				INSERT INTO companies (symbol, name, sector, access_level, organization_id, created_by)
				SELECT :prefix || n, 'Aggregate company ' || repeat('x', n % 7) || n, 'Sector ' || (n % 5), :level,
				       :org, :by
				FROM generate_series(1, :count) n""")
                .param("prefix", prefix)
                .param("level", level)
                .param("org", org, Types.OTHER)
                .param("by", by)
                .param("count", count)
                .update();
    }

    private void assertMatchesRecount(UUID org, UUID... users) {
        assertThat(rows("""
				SELECT reporting_year, sector, risk_level, predictions FROM prediction_sector_risk
				WHERE organization_id = :org ORDER BY 1, 2, 3""", org)).isEqualTo(rows("""
				SELECT p.reporting_year, c.sector, p.risk_level, count(*) FROM annual_predictions p
				JOIN companies c ON c.id = p.company_id WHERE p.organization_id = :org GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""", org)).isNotEmpty();
        assertThat(rows("""
				SELECT reporting_year, reporting_quarter, predictions, round(logistic_deviation / predictions, 10) AS l,
				       round(gbm_deviation / predictions, 10) AS g, round(confidence / predictions, 10) AS c
				FROM prediction_quarter_deviation WHERE organization_id = :org ORDER BY 1, 2""", org)).isEqualTo(rows("""
				SELECT reporting_year, reporting_quarter, count(*),
				       round(avg(abs(logistic_probability - ensemble_probability)), 10) AS l,
				       round(avg(abs(gbm_probability - ensemble_probability)), 10) AS g, round(avg(confidence), 10) AS c
				FROM quarterly_predictions WHERE organization_id = :org GROUP BY 1, 2 ORDER BY 1, 2""", org));
        for (UUID user : users) {
            String owners = "(organization_id = :org OR created_by = '" + user + "')";
            assertThat(rows("""
					SELECT access_level, organization_id, created_by, predictions, high_risk, probability, last_created_at
					FROM prediction_owner_summary WHERE %s ORDER BY 1, 2, 3""".formatted(owners), org)).isEqualTo(rows("""
						SELECT access_level, organization_id, created_by, count(*) AS n,
						       count(*) FILTER (WHERE risk_level = 'High') AS high, sum(p) AS p, max(created_at) AS at
						FROM (SELECT access_level, organization_id, created_by, risk_level, probability AS p, created_at
						      FROM annual_predictions
						      UNION ALL
						      SELECT access_level, organization_id, created_by, risk_level, ensemble_probability, created_at
						      FROM quarterly_predictions) all_predictions
						WHERE %s GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""".formatted(owners), org));
        }
    }

    private List<Map<String, Object>> rows(String sql, UUID org) {
        return jdbc.sql(sql).param("org", org).query().listOfRows().stream()
                .map(row -> {
                    Map<String, Object> normalized = new LinkedHashMap<>();
                    int i = 0;
                    for (Object value : row.values()) {
                        normalized.put(
                                "c" + i++,
                                value instanceof Number n ? new BigDecimal(n.toString()).stripTrailingZeros() : value);
                    }
                    return normalized;
                })
                .toList();
    }
}
