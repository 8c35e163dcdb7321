package io.covenant.prediction;

import java.util.List;
import java.util.Map;

/**
 * A trained model as committed under {@code src/main/resources/models}: what it was trained on (file and SHA-256),
 * the feature mapping, the fitted parameters and the cross-validated metrics that the training report states.
 */
public record ModelArtifact(String name, String version, String trainedOn, String dataSha256, int rows, int positives,
		List<String> features, Map<String, String> featureMapping, LogisticModel logistic,
		Calibration logisticCalibration, String gbm, Calibration gbmCalibration, RiskThresholds thresholds,
		Map<String, ModelMetrics> metrics) {

	/** Cross-validated quality of one model. */
	public record ModelMetrics(double rocAuc, double prAuc, double brier, List<CalibrationBin> calibration) {
	}

	/** One row of a calibration table: predictions in [from, to], their mean and the observed bankruptcy rate. */
	public record CalibrationBin(double from, double to, int count, double meanPredicted, double observedRate) {
	}

}
