package io.covenant.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.shared.security.Role;
import io.covenant.training.PolishUploads;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The training companies uploaded again with one ratio shifted: the drift dashboard and the Prometheus gauge show a
 * population stability index above 0.25 for that ratio and for no other.
 */
@ApiTest
class DriftTests {

    static final String SHIFTED = "return_on_assets";

    @Autowired
    Fixtures fixtures;

    @Autowired
    DriftGauges gauges;

    @Autowired
    MeterRegistry registry;

    @Test
    void aShiftedRatioRaisesItsStabilityIndexAndNoOther() throws Exception {
        OffsetDateTime started = OffsetDateTime.now(ZoneOffset.UTC);
        Person analyst = fixtures.person(Role.ORG_MEMBER, fixtures.organization(null));
        int roa = Ratio.ANNUAL.indexOf(Ratio.RETURN_ON_ASSETS);
        PolishUploads.Upload upload = PolishUploads.annual("1year.arff", r -> {
            // A recession: every company's return on assets 0.15 lower.
            r[roa] = Double.isNaN(r[roa]) ? r[roa] : Math.max(-1, Math.round((r[roa] - 0.15) * 10_000) / 10_000.0);
            return r;
        });
        assertThat(PolishUploads.upload(fixtures, analyst, upload, "shifted.csv"))
                .containsEntry("status", "completed");

        List<Map<String, Object>> ratios = fixtures.as(analyst)
                .queryParam("kind", "annual")
                .queryParam("from", started.minusMinutes(1).toString())
                .get("/api/v1/predictions/dashboard/drift")
                .then()
                .statusCode(200)
                .body("predictions", equalTo(upload.labels().size()))
                .extract()
                .path("ratios");
        assertThat(ratios).hasSize(5);
        for (Map<String, Object> r : ratios) {
            double psi = ((Number) r.get("psi")).doubleValue();
            if (SHIFTED.equals(r.get("ratio"))) {
                assertThat(psi).as(SHIFTED).isGreaterThan(0.25);
            } else {
                assertThat(psi).as(r.get("ratio").toString()).isLessThan(0.1);
            }
        }

        // The gauges cover every organisation: from the upload's start only, so earlier tests' predictions stay out.
        gauges.refresh(started);
        for (Ratio ratio : Ratio.ANNUAL) {
            double psi = registry.get("covenant.prediction.drift.psi")
                    .tags("kind", "annual", "ratio", ratio.key())
                    .gauge()
                    .value();
            assertThat(psi).as(ratio.key()).matches(v -> ratio == Ratio.RETURN_ON_ASSETS ? v > 0.25 : v < 0.1);
        }
    }

    @Test
    void anotherOrganizationsDriftIsForSuperAdminsAndABadPeriodIs422() {
        Person analyst = fixtures.person(Role.ORG_MEMBER, fixtures.organization(null));
        fixtures.as(analyst)
                .queryParam("organization_id", fixtures.organization(null).toString())
                .get("/api/v1/predictions/dashboard/drift")
                .then()
                .statusCode(403);
        fixtures.as(analyst)
                .queryParam("from", "2025-02-01T00:00:00Z")
                .queryParam("to", "2025-01-01T00:00:00Z")
                .get("/api/v1/predictions/dashboard/drift")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("from"));
        fixtures.as(analyst)
                .queryParam("kind", "weekly")
                .get("/api/v1/predictions/dashboard/drift")
                .then()
                .statusCode(404);
    }
}
