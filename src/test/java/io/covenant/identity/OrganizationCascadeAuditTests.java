package io.covenant.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.security.Role;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ApiTest
class OrganizationCascadeAuditTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void deletingAnOrganisationAuditsWhatTheCascadeRemovesTableByTable() {
        UUID org = fixtures.organization(null);
        Person member = fixtures.person(Role.ORG_MEMBER, org);
        UUID first = company(org, member);
        UUID second = company(org, member);
        for (String day : new String[] {"2024-01-02", "2024-01-03"}) {
            jdbc.sql("""
					INSERT INTO financial_metrics (company_id, metric_date, metric_type, value, period_type)
					VALUES (?, ?::timestamptz, 'revenue', 1, 'daily')""").params(first, day).update();
        }
        jdbc.sql("""
				INSERT INTO financial_metrics (company_id, metric_date, metric_type, value, period_type)
				VALUES (?, '2024-01-02', 'revenue', 1, 'daily')""").param(second).update();
        Person admin = fixtures.person(Role.SUPER_ADMIN, null);

        fixtures.as(admin).delete("/api/v1/organizations/" + org).then().statusCode(204);

        Map<String, Object> counts = jdbc.sql("""
				SELECT (metadata -> 'cascade' ->> 'companies')::int AS companies,
				       (metadata -> 'cascade' ->> 'financial_metrics')::int AS financial_metrics
				FROM audit_logs
				WHERE entity_type = 'organization' AND entity_id = ? AND action = 'DELETE'""").param(org).query().singleRow();
        assertThat(counts).containsEntry("companies", 2).containsEntry("financial_metrics", 3);
        assertThat(jdbc.sql("SELECT count(*) FROM companies WHERE id IN (?, ?)")
                        .params(first, second)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private UUID company(UUID org, Person owner) {
        return jdbc.sql("""
				INSERT INTO companies (symbol, name, sector, access_level, organization_id, created_by)
				VALUES (:symbol, 'Cascade Probe', 'Tech', 'organization', :org, :owner) RETURNING id""")
                .param(
                        "symbol",
                        "C" + UUID.randomUUID().toString().substring(0, 6).toUpperCase())
                .param("org", org)
                .param("owner", owner.id())
                .query(UUID.class)
                .single();
    }
}
