package io.covenant.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.covenant.ApiTest;
import io.covenant.Fixtures;
import io.covenant.Fixtures.Person;
import io.covenant.prediction.ModelArtifact.ModelMetrics;
import io.covenant.prediction.RiskModels;
import io.covenant.shared.security.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The year-5 companies uploaded through the API and scored by the shipped models give the out-of-sample figures the
 * training report states for every model (the report and the artifact are written from the same numbers).
 */
@ApiTest
class OutOfSampleUploadTests {

    @Autowired
    Fixtures fixtures;

    @Autowired
    RiskModels models;

    @Test
    void theYearFiveUploadReproducesTheReportedOutOfSampleFigures() throws Exception {
        Person analyst = fixtures.person(Role.ORG_MEMBER, fixtures.organization(null));
        PolishUploads.Upload upload = PolishUploads.annual("5year.arff", r -> r);
        Map<String, Object> job = PolishUploads.upload(fixtures, analyst, upload, "5year.csv");
        assertThat(job)
                .containsEntry("status", "completed")
                .containsEntry("error_count", 0)
                .containsEntry("success_count", upload.labels().size());

        List<double[]> scored = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        fixtures.jdbc().sql("""
				SELECT c.symbol, p.logistic_probability, p.gbm_probability, p.probability, p.model_version
				FROM annual_predictions p JOIN companies c ON c.id = p.company_id
				WHERE p.organization_id = :org""").param("org", analyst.organizationId()).query(rs -> {
            assertThat(rs.getString("model_version"))
                    .isEqualTo(models.annualArtifact().version());
            scored.add(new double[] {rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)});
            labels.add(upload.labels().get(rs.getString(1)));
        });
        assertThat(scored).hasSize(upload.labels().size());
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        Map<String, ModelMetrics> reported =
                models.annualArtifact().outOfSample().metrics();
        String[] names = {"logistic", "gbm", "ensemble"};
        for (int m = 0; m < names.length; m++) {
            final int model = m;
            double[] p = scored.stream().mapToDouble(s -> s[model]).toArray();
            ModelMetrics expected = reported.get(names[m]);
            assertThat(Evaluation.rocAuc(p, y)).as(names[m] + " ROC-AUC").isCloseTo(expected.rocAuc(), within(0.005));
            assertThat(Evaluation.averagePrecision(p, y))
                    .as(names[m] + " PR-AUC")
                    .isCloseTo(expected.prAuc(), within(0.005));
            assertThat(Evaluation.brier(p, y)).as(names[m] + " Brier").isCloseTo(expected.brier(), within(0.005));
        }
        assertThat(reported.get("ensemble").rocAuc()).isGreaterThanOrEqualTo(0.82);
    }
}
