package io.covenant.prediction;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.covenant.prediction.ModelArtifact.ModelMetrics;
import io.covenant.prediction.training.TrainingCommand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The committed models: known predictions, additive reasons, and a retraining that reproduces their metrics. */
class RiskModelsTests {

	static final RiskModels models = new RiskModels();

	// long_term_debt_to_total_capital, total_debt_to_ebitda, net_income_margin, ebit_to_interest_expense, return_on_assets
	static final double[] HEALTHY_ANNUAL = { 0.2, 1.5, 0.12, 25, 0.10 };

	static final double[] DISTRESSED_ANNUAL = { 1.5, 45, -0.6, 0, -0.5 };

	// current, quick, debt_to_equity, inventory_turnover, receivables_turnover, working_capital_to_total_assets
	static final double[] HEALTHY_QUARTERLY = { 2.5, 1.8, 0.5, 8, 9, 0.35 };

	static final double[] DISTRESSED_QUARTERLY = { 0.3, 0.1, 4.8, 1, 2, -0.8 };

	@Test
	void theAnnualProbabilityIsTheCalibratedLogisticRegressionOfTheArtifact() {
		ModelArtifact artifact = models.annualArtifact();
		LogisticModel lr = artifact.logistic();
		double logit = lr.intercept();
		for (int i = 0; i < HEALTHY_ANNUAL.length; i++) {
			logit += lr.coefficients()[i] * (HEALTHY_ANNUAL[i] - lr.means()[i]) / lr.scales()[i];
		}
		double expected = 1 / (1 + Math.exp(-(artifact.logisticCalibration().slope() * logit
				+ artifact.logisticCalibration().offset())));
		assertThat(models.scoreAnnual(HEALTHY_ANNUAL).probability()).isCloseTo(expected, within(1e-12));
	}

	@Test
	void aDistressedCompanyScoresRiskierThanAHealthyOne() {
		Scores.Annual healthy = models.scoreAnnual(HEALTHY_ANNUAL);
		Scores.Annual distressed = models.scoreAnnual(DISTRESSED_ANNUAL);
		assertThat(distressed.probability()).isGreaterThan(healthy.probability());
		assertThat(healthy.riskLevel()).isEqualTo("Low");
		assertThat(distressed.riskLevel()).isIn("Medium", "High");
		Scores.Quarterly q1 = models.scoreQuarterly(HEALTHY_QUARTERLY);
		Scores.Quarterly q2 = models.scoreQuarterly(DISTRESSED_QUARTERLY);
		assertThat(q2.ensembleProbability()).isGreaterThan(q1.ensembleProbability());
		assertThat(q1.ensembleProbability()).isCloseTo((q1.logisticProbability() + q1.gbmProbability()) / 2, within(1e-12));
		assertThat(q1.confidence()).isBetween(0.0, 1.0);
	}

	@Test
	void theReasonsSumWithTheInterceptToTheScore() {
		for (Reasons reasons : java.util.List.of(models.scoreAnnual(DISTRESSED_ANNUAL).reasons(),
				models.scoreQuarterly(HEALTHY_QUARTERLY).reasons().get(0),
				models.scoreQuarterly(HEALTHY_QUARTERLY).reasons().get(1),
				models.scoreQuarterly(DISTRESSED_QUARTERLY).reasons().get(1))) {
			double sum = reasons.intercept() + reasons.contributions().values().stream().mapToDouble(Double::doubleValue).sum();
			assertThat(sum).as(reasons.model()).isCloseTo(reasons.score(), within(1e-9));
		}
		Scores.Quarterly q = models.scoreQuarterly(DISTRESSED_QUARTERLY);
		assertThat(Calibration.sigmoid(q.reasons().get(1).score())).isCloseTo(q.gbmProbability(), within(1e-12));
		assertThat(q.reasons().get(1).contributions()).containsOnlyKeys("current_ratio", "quick_ratio",
				"debt_to_equity", "inventory_turnover", "receivables_turnover", "working_capital_to_total_assets");
	}

	@Test
	void missingRatiosAreImputedNotRefused() {
		double[] partial = { 1.2, Double.NaN, 1.0, Double.NaN, 6, 0.1 };
		assertThat(models.scoreQuarterly(partial).ensembleProbability()).isBetween(0.0, 1.0);
	}

	@Test
	void bulkScoringMatchesSingleScoring() {
		double[] rows = new double[12];
		System.arraycopy(HEALTHY_QUARTERLY, 0, rows, 0, 6);
		System.arraycopy(DISTRESSED_QUARTERLY, 0, rows, 6, 6);
		double[] bulk = models.ensembleProbabilities(rows, 2);
		assertThat(bulk[0]).isCloseTo(models.scoreQuarterly(HEALTHY_QUARTERLY).ensembleProbability(), within(1e-12));
		assertThat(bulk[1]).isCloseTo(models.scoreQuarterly(DISTRESSED_QUARTERLY).ensembleProbability(), within(1e-12));
	}

	@Test
	void retrainingFromTheDataReproducesTheCommittedMetrics() throws Exception {
		TrainingCommand.Result retrained = TrainingCommand.train(Path.of("..", "shared", "data", "polish_bankruptcy", "1year.arff"));
		assertThat(retrained.annual().dataSha256()).isEqualTo(models.annualArtifact().dataSha256());
		compare(retrained.annual().metrics().get("logistic"), models.annualArtifact().metrics().get("logistic"));
		compare(retrained.quarterly().metrics().get("gbm"), models.quarterlyArtifact().metrics().get("gbm"));
		compare(retrained.quarterly().metrics().get("ensemble"), models.quarterlyArtifact().metrics().get("ensemble"));
		assertThat(retrained.reference().rocAuc()).isGreaterThanOrEqualTo(0.93);
	}

	private static void compare(ModelMetrics actual, ModelMetrics committed) {
		assertThat(actual.rocAuc()).isCloseTo(committed.rocAuc(), within(0.005));
		assertThat(actual.prAuc()).isCloseTo(committed.prAuc(), within(0.01));
		assertThat(actual.brier()).isCloseTo(committed.brier(), within(0.001));
	}

}
