package io.covenant.prediction.training;

import java.util.Map;

import io.covenant.prediction.ModelArtifact;
import io.covenant.prediction.ModelArtifact.CalibrationBin;
import io.covenant.prediction.ModelArtifact.ModelMetrics;
import io.covenant.prediction.training.TrainingCommand.Result;

/** The evaluation report in Markdown. */
final class Report {

	private Report() {
	}

	static String markdown(Result r) {
		StringBuilder md = new StringBuilder();
		md.append("# Model evaluation report\n\n");
		md.append("Written by `--train --data ").append(r.annual().trainedOn()).append("`. Data SHA-256 `")
			.append(r.annual().dataSha256()).append("`, ").append(r.annual().rows()).append(" companies, ")
			.append(r.annual().positives()).append(" bankrupt.\n\n");
		md.append("Stratified 5-fold cross-validation (seed 42). Probabilities are Platt-calibrated; the calibration is ")
			.append("cross-fitted (each fold calibrated on the other folds' out-of-fold scores), so Brier scores and the ")
			.append("calibration tables are out-of-sample. ROC-AUC and PR-AUC do not depend on the calibration.\n\n");
		md.append("| model | features | ROC-AUC | PR-AUC | Brier |\n|---|---|---|---|---|\n");
		row(md, "LightGBM reference", "all 64 attributes", r.reference());
		for (ModelArtifact a : new ModelArtifact[] { r.annual(), r.quarterly() }) {
			for (Map.Entry<String, ModelMetrics> e : a.metrics().entrySet()) {
				row(md, a.name() + " " + e.getKey(), a.features().size() + " ratios", e.getValue());
			}
		}
		md.append("\nBase rate (always predicting the prevalence): Brier ")
			.append(String.format("%.4f", baseBrier(r.annual()))).append(", PR-AUC ")
			.append(String.format("%.4f", (double) r.annual().positives() / r.annual().rows())).append(".\n\n");
		md.append("What the restricted ratio sets reach is stated as measured: they keep a fraction of the reference's ")
			.append("discrimination because the five or six ratios AccuNode stores leave out most of the 64 attributes ")
			.append("(turnover, cost structure, size and cash-flow measures among them).\n\n");
		md.append("## Feature mapping\n\n");
		for (ModelArtifact a : new ModelArtifact[] { r.annual(), r.quarterly() }) {
			md.append("### ").append(a.name()).append("\n\n");
			a.featureMapping().forEach((k, v) -> md.append("- `").append(k).append("` = ").append(v).append("\n"));
			md.append("\n");
		}
		md.append("Missing values: the logistic model imputes the training median (after clipping); LightGBM routes ")
			.append("missing values natively. Extreme values: every ratio is clipped to the range AccuNode's CHECK ")
			.append("constraints allow, which is also the range the API accepts.\n\n");
		md.append("## Calibration tables (out-of-fold, ten equal-count bins)\n\n");
		for (ModelArtifact a : new ModelArtifact[] { r.annual(), r.quarterly() }) {
			for (Map.Entry<String, ModelMetrics> e : a.metrics().entrySet()) {
				md.append("### ").append(a.name()).append(" ").append(e.getKey()).append("\n\n");
				md.append("| predicted from | to | count | mean predicted | observed rate |\n|---|---|---|---|---|\n");
				for (CalibrationBin b : e.getValue().calibration()) {
					md.append(String.format("| %.4f | %.4f | %d | %.4f | %.4f |%n", b.from(), b.to(), b.count(),
							b.meanPredicted(), b.observedRate()));
				}
				md.append("\n");
			}
		}
		md.append("## Risk levels and confidence\n\n")
			.append("Low below ").append(r.annual().thresholds().medium()).append(", High from ")
			.append(r.annual().thresholds().high()).append(", Medium between. Confidence = the margin (distance of the ")
			.append("probability from the nearest threshold in log-odds, 0 at a threshold, 1 at 2 units or more); for ")
			.append("quarterly predictions averaged with the agreement of the two models (1 - |logistic - gbm| / 0.25, ")
			.append("floored at 0).\n");
		return md.toString();
	}

	private static void row(StringBuilder md, String model, String features, ModelMetrics m) {
		md.append(String.format("| %s | %s | %.4f | %.4f | %.4f |%n", model, features, m.rocAuc(), m.prAuc(), m.brier()));
	}

	private static double baseBrier(ModelArtifact a) {
		double p = (double) a.positives() / a.rows();
		return p * (1 - p);
	}

}
