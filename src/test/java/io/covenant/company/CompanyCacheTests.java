package io.covenant.company;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.SecondNode;
import io.covenant.shared.security.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Two service instances on one database: this test's context and a second one started beside it. A company read on
 * one is cached there; a change made through the other, or straight in the database, reaches it through
 * LISTEN/NOTIFY.
 */
@ApiTest
class CompanyCacheTests {

	static SecondNode secondNode;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MeterRegistry registry;

	@BeforeAll
	static void startSecondNode() {
		secondNode = SecondNode.start("company-cache");
	}

	@AfterAll
	static void stopSecondNode() {
		secondNode.stop();
	}

	@Test
	void aChangeMadeOnAnotherNodeReachesThisNodesCache() {
		UUID org = fixtures.organization(null);
		Person member = fixtures.person(Role.ORG_MEMBER, org);
		UUID id = company(org, member, "organization");
		double hitsBefore = hits();
		fixtures.as(member).get("/api/v1/companies/" + id).then().statusCode(200).body("name", equalTo("Cached Co"));
		fixtures.as(member).get("/api/v1/companies/" + id).then().statusCode(200).body("name", equalTo("Cached Co"));
		assertThat(hits()).isGreaterThan(hitsBefore);

		onSecondNode(member).body(Map.of("symbol", "CACHED", "name", "Renamed Elsewhere", "sector", "Tech"))
			.put("/api/v1/companies/" + id)
			.then()
			.statusCode(200);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> fixtures.as(member)
				.get("/api/v1/companies/" + id)
				.then()
				.statusCode(200)
				.body("name", equalTo("Renamed Elsewhere")));

		// Written straight in the database, as an import or a cascade does.
		jdbc.sql("UPDATE companies SET name = 'Renamed In SQL' WHERE id = ?").param(id).update();
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> fixtures.as(member)
				.get("/api/v1/companies/" + id)
				.then()
				.body("name", equalTo("Renamed In SQL")));
	}

	@Test
	void aCachedRowIsNeverShownToACallerWhoMayNotSeeIt() {
		UUID org = fixtures.organization(null);
		Person owner = fixtures.person(Role.ORG_MEMBER, org);
		Person colleague = fixtures.person(Role.ORG_MEMBER, org);
		Person outsider = fixtures.person(Role.ORG_MEMBER, fixtures.organization(null));
		UUID shared = company(org, owner, "organization");
		UUID personal = company(null, owner, "personal");
		fixtures.as(owner).get("/api/v1/companies/" + shared).then().statusCode(200);
		fixtures.as(owner).get("/api/v1/companies/" + personal).then().statusCode(200);

		fixtures.as(colleague).get("/api/v1/companies/" + shared).then().statusCode(200);
		fixtures.as(outsider).get("/api/v1/companies/" + shared).then().statusCode(404);
		fixtures.as(colleague).get("/api/v1/companies/" + personal).then().statusCode(404);
		fixtures.as(outsider).get("/api/v1/companies/" + personal).then().statusCode(404);
	}

	@Test
	void aCompanyRemovedByAnOrganisationsCascadeLeavesEveryCache() {
		UUID org = fixtures.organization(null);
		Person member = fixtures.person(Role.ORG_MEMBER, org);
		UUID id = company(org, member, "organization");
		Person admin = fixtures.person(Role.SUPER_ADMIN, null);
		fixtures.as(admin).get("/api/v1/companies/" + id).then().statusCode(200);
		onSecondNode(admin).get("/api/v1/companies/" + id).then().statusCode(200);

		onSecondNode(admin).delete("/api/v1/organizations/" + org).then().statusCode(204);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> fixtures.as(admin).get("/api/v1/companies/" + id).then().statusCode(404));
		onSecondNode(admin).get("/api/v1/companies/" + id).then().statusCode(404);
	}

	private double hits() {
		return registry.get("cache.gets").tag("cache", "companies").tag("result", "hit").functionCounter().count();
	}

	private static RequestSpecification onSecondNode(Person person) {
		return secondNode.as(person);
	}

	private UUID company(UUID org, Person owner, String level) {
		return jdbc.sql("""
				INSERT INTO companies (symbol, name, sector, access_level, organization_id, created_by)
				VALUES ('CACHED', 'Cached Co', 'Tech', :level, :org, :owner) RETURNING id""")
			.param("level", level)
			.param("org", org)
			.param("owner", owner.id())
			.query(UUID.class)
			.single();
	}

}
