package io.covenant.prediction;

import java.util.List;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/**
 * A trained model as committed under {@code src/main/resources/models}: what it was trained on (file and SHA-256),
 * the feature mapping, the fitted parameters (a scorecard, a LightGBM model, each calibrated, and their ensemble),
 * the training distribution of each ratio that drift is measured against, and the metrics the training report
 * states: cross-validated on the training file, and out of sample on the hold-out file.
 */
@NamedInterface("model")
public record ModelArtifact(
        String name,
        String version,
        String trainedOn,
        String dataSha256,
        int rows,
        int positives,
        List<String> features,
        Map<String, String> featureMapping,
        ScorecardModel logistic,
        Calibration logisticCalibration,
        String gbm,
        Calibration gbmCalibration,
        Ensemble ensemble,
        RiskThresholds thresholds,
        List<Distribution> distributions,
        Map<String, ModelMetrics> metrics,
        OutOfSample outOfSample) {

    /** Quality of one model. */
    public record ModelMetrics(double rocAuc, double prAuc, double brier, List<CalibrationBin> calibration) {}

    /**
     * The final models scoring the hold-out file as an upload scores it (ratios clipped and kept to four decimals),
     * with the mean prediction and the Brier score each would have with its intercept moved to the hold-out's base rate.
     */
    public record OutOfSample(
            String file,
            int rows,
            int positives,
            Map<String, ModelMetrics> metrics,
            Map<String, Double> meanPredicted,
            Map<String, Double> priorShiftedBrier) {}

    /** One row of a calibration table: predictions in [from, to], their mean and the observed bankruptcy rate. */
    public record CalibrationBin(double from, double to, int count, double meanPredicted, double observedRate) {}

    /**
     * The served probability: the calibrated log-odds of the two members blended with the weight that gave the best
     * out-of-fold ROC-AUC (0 and 1 included, so never below the better member), then calibrated once more.
     */
    public record Ensemble(double logisticWeight, Calibration calibration) {

        public double logit(double logisticLogit, double gbmLogit) {
            return calibration.logit(logisticWeight * logisticLogit + (1 - logisticWeight) * gbmLogit);
        }
    }

    /**
     * A ratio's training distribution in ten bins: bin {@code b} holds values with {@code b} edges at or below them
     * (PostgreSQL's {@code width_bucket}), {@code shares} has one share per bin and then the missing share.
     */
    public record Distribution(String ratio, double[] edges, double[] shares, double min, double max) {}
}
