package io.covenant.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.covenant.prediction.ModelArtifact.ModelMetrics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The committed models: known predictions and additive reasons; {@code RetrainingTests} trains them again. */
class RiskModelsTests {

    static final RiskModels models = new RiskModels();

    // long_term_debt_to_total_capital, total_debt_to_ebitda, net_income_margin, ebit_to_interest_expense,
    // return_on_assets
    static final double[] HEALTHY_ANNUAL = {0.2, 1.5, 0.12, 25, 0.10};

    static final double[] DISTRESSED_ANNUAL = {1.5, 45, -0.6, 0, -0.5};

    // current, quick, debt_to_equity, inventory_turnover, receivables_turnover, working_capital_to_total_assets
    static final double[] HEALTHY_QUARTERLY = {2.5, 1.8, 0.5, 8, 9, 0.35};

    static final double[] DISTRESSED_QUARTERLY = {0.3, 0.1, 4.8, 1, 2, -0.8};

    @Test
    void theServedProbabilityIsTheEnsembleOfTheCalibratedScorecardAndTrees() {
        for (ModelArtifact artifact : List.of(models.annualArtifact(), models.quarterlyArtifact())) {
            double[] ratios = artifact.name().equals("annual") ? HEALTHY_ANNUAL : HEALTHY_QUARTERLY;
            ScorecardModel scorecard = artifact.logistic();
            double points = scorecard.intercept();
            for (int j = 0; j < ratios.length; j++) {
                points += scorecard.points()[j][ScorecardModel.bin(scorecard.edges()[j], ratios[j])];
            }
            double logistic = artifact.logisticCalibration().logit(points);
            double gbm = artifact.gbmCalibration()
                    .logit(CompiledTrees.of(artifact.gbm(), ratios.length).raw(ratios));
            Scores.Scored scored =
                    artifact.name().equals("annual") ? models.scoreAnnual(ratios) : models.scoreQuarterly(ratios);
            assertThat(scored.logisticProbability()).isCloseTo(Calibration.sigmoid(logistic), within(1e-12));
            assertThat(scored.gbmProbability()).isCloseTo(Calibration.sigmoid(gbm), within(1e-9));
            assertThat(scored.ensembleProbability())
                    .isCloseTo(Calibration.sigmoid(artifact.ensemble().logit(logistic, gbm)), within(1e-9));
        }
    }

    @Test
    void aDistressedCompanyScoresRiskierThanAHealthyOne() {
        Scores.Scored healthy = models.scoreAnnual(HEALTHY_ANNUAL);
        Scores.Scored distressed = models.scoreAnnual(DISTRESSED_ANNUAL);
        assertThat(distressed.ensembleProbability()).isGreaterThan(healthy.ensembleProbability());
        assertThat(healthy.riskLevel()).isEqualTo("Low");
        assertThat(distressed.riskLevel()).isIn("Medium", "High");
        Scores.Scored q1 = models.scoreQuarterly(HEALTHY_QUARTERLY);
        Scores.Scored q2 = models.scoreQuarterly(DISTRESSED_QUARTERLY);
        assertThat(q2.ensembleProbability()).isGreaterThan(q1.ensembleProbability());
        assertThat(q1.confidence()).isBetween(0.0, 1.0);
    }

    @Test
    void theReasonsSumWithTheInterceptToTheScore() {
        for (Reasons reasons : List.of(
                models.scoreAnnual(DISTRESSED_ANNUAL).reasons().get(0),
                models.scoreAnnual(DISTRESSED_ANNUAL).reasons().get(1),
                models.scoreQuarterly(HEALTHY_QUARTERLY).reasons().get(0),
                models.scoreQuarterly(HEALTHY_QUARTERLY).reasons().get(1),
                models.scoreQuarterly(DISTRESSED_QUARTERLY).reasons().get(1))) {
            double sum = reasons.intercept()
                    + reasons.contributions().values().stream()
                            .mapToDouble(Double::doubleValue)
                            .sum();
            assertThat(sum).as(reasons.model()).isCloseTo(reasons.score(), within(1e-9));
        }
        Scores.Scored q = models.scoreQuarterly(DISTRESSED_QUARTERLY);
        assertThat(Calibration.sigmoid(q.reasons().get(1).score())).isCloseTo(q.gbmProbability(), within(1e-12));
        assertThat(q.reasons().get(1).contributions())
                .containsOnlyKeys(
                        "current_ratio",
                        "quick_ratio",
                        "debt_to_equity",
                        "inventory_turnover",
                        "receivables_turnover",
                        "working_capital_to_total_assets");
    }

    @Test
    void missingRatiosAreImputedNotRefused() {
        double[] partial = {1.2, Double.NaN, 1.0, Double.NaN, 6, 0.1};
        assertThat(models.scoreQuarterly(partial).ensembleProbability()).isBetween(0.0, 1.0);
    }

    @Test
    void bulkScoringMatchesSingleScoring() {
        double[] rows = new double[12];
        System.arraycopy(HEALTHY_QUARTERLY, 0, rows, 0, 6);
        System.arraycopy(DISTRESSED_QUARTERLY, 0, rows, 6, 6);
        double[] bulk = models.ensembleProbabilities(rows, 2);
        // TreeSHAP's bias and contributions sum to the raw score only to rounding, hence 1e-9 against single scoring.
        assertThat(bulk[0]).isCloseTo(models.scoreQuarterly(HEALTHY_QUARTERLY).ensembleProbability(), within(1e-9));
        assertThat(bulk[1])
                .isCloseTo(models.scoreQuarterly(DISTRESSED_QUARTERLY).ensembleProbability(), within(1e-9));
        List<Scores.Scored> batch = models.scoreQuarterly(rows, 2);
        assertThat(batch.get(0).ensembleProbability()).isEqualTo(bulk[0]);
        double[] annual = new double[10];
        System.arraycopy(HEALTHY_ANNUAL, 0, annual, 0, 5);
        System.arraycopy(DISTRESSED_ANNUAL, 0, annual, 5, 5);
        assertThat(models.scoreAnnual(annual, 2).get(1).ensembleProbability())
                .isCloseTo(models.scoreAnnual(DISTRESSED_ANNUAL).ensembleProbability(), within(1e-9));
    }

    @Test
    void theEnsembleIsNeverBelowItsBetterMember() {
        for (ModelArtifact artifact : List.of(models.annualArtifact(), models.quarterlyArtifact())) {
            Map<String, ModelMetrics> m = artifact.metrics();
            assertThat(m.get("ensemble").rocAuc())
                    .as(artifact.name())
                    .isGreaterThanOrEqualTo(
                            Math.max(m.get("logistic").rocAuc(), m.get("gbm").rocAuc()));
        }
    }
}
