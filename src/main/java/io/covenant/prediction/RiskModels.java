package io.covenant.prediction;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed models, loaded once: for annual and for quarterly ratios a scorecard, a LightGBM model and their
 * ensemble, which is the served probability. Scoring returns calibrated probabilities, a risk level, a confidence and
 * the reasons. Ratios must already be within the allowed ranges (the API refuses others); missing ones have their own
 * bin in the scorecard and LightGBM's default direction in the trees.
 */
@Component
@Lazy
public class RiskModels {

    private final Family annual;

    private final Family quarterly;

    public RiskModels() {
        JsonMapper json = JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        this.annual = new Family(load(json, "annual"));
        this.quarterly = new Family(load(json, "quarterly"));
    }

    public ModelArtifact annualArtifact() {
        return annual.artifact;
    }

    public ModelArtifact quarterlyArtifact() {
        return quarterly.artifact;
    }

    /** Ratios in {@link Ratio#ANNUAL} order; NaN for a missing one. */
    public Scores.Scored scoreAnnual(double[] ratios) {
        return annual.score(ratios);
    }

    /** Ratios in {@link Ratio#QUARTERLY} order; NaN for a missing one. */
    public Scores.Scored scoreQuarterly(double[] ratios) {
        return quarterly.score(ratios);
    }

    /**
     * Many annual rows at once (row-major, in {@link Ratio#ANNUAL} order), as an upload scores them. The
     * probabilities, risk level and confidence are those of {@link #scoreAnnual(double[])}; the reasons are the
     * scorecard's only, as the tree model's (TreeSHAP, about 0.3 ms a row) are a function of the ratios that
     * {@link #gbmReasons(String, double[])} gives when a prediction is read.
     */
    public List<Scores.Scored> scoreAnnual(double[] rows, int count) {
        return annual.score(rows, count);
    }

    /** Many quarterly rows at once, as {@link #scoreAnnual(double[], int)} scores annual ones. */
    public List<Scores.Scored> scoreQuarterly(double[] rows, int count) {
        return quarterly.score(rows, count);
    }

    /** The tree model's reasons for the ratios of a kind ({@code annual} or {@code quarterly}, NaN where missing). */
    public Reasons gbmReasons(String kind, double[] ratios) {
        return ("annual".equals(kind) ? annual : quarterly).gbmReasons(ratios);
    }

    /** The model version of a kind ({@code annual} or {@code quarterly}). */
    public String version(String kind) {
        return ("annual".equals(kind) ? annual : quarterly).artifact.version();
    }

    /** The quarterly ensemble probability of many rows at once (row-major), for bulk scoring. */
    public double[] ensembleProbabilities(double[] rows, int count) {
        return quarterly.ensemble(rows, count);
    }

    @PreDestroy
    void close() {
        annual.gbm.close();
        quarterly.gbm.close();
    }

    /** One kind's artifact with its trees compiled for scoring and loaded natively for TreeSHAP reasons. */
    private static final class Family {

        final ModelArtifact artifact;

        final CompiledTrees trees;

        final GbmModel gbm;

        final int d;

        Family(ModelArtifact artifact) {
            this.artifact = artifact;
            this.d = artifact.features().size();
            this.trees = CompiledTrees.of(artifact.gbm(), d);
            this.gbm = new GbmModel(artifact.gbm(), d);
        }

        Scores.Scored score(double[] ratios) {
            Reasons logistic = logistic(ratios);
            Reasons tree = gbmReasons(ratios);
            return scored(logistic.score(), tree.score(), List.of(logistic, tree));
        }

        List<Scores.Scored> score(double[] rows, int count) {
            double[] raw = trees.raw(rows, count);
            List<Scores.Scored> scores = new ArrayList<>(count);
            double[] row = new double[d];
            Calibration calibration = artifact.gbmCalibration();
            for (int i = 0; i < count; i++) {
                System.arraycopy(rows, i * d, row, 0, d);
                Reasons logistic = logistic(row);
                scores.add(scored(logistic.score(), calibration.logit(raw[i]), List.of(logistic)));
            }
            return scores;
        }

        /** The ensemble over a batch: the trees, then the scorecard's points, each as one loop over the rows. */
        double[] ensemble(double[] rows, int count) {
            double[] gbmLogit = trees.raw(rows, count);
            ScorecardModel scorecard = artifact.logistic();
            double[] logit = new double[count];
            Arrays.fill(logit, scorecard.intercept());
            for (int j = 0; j < d; j++) {
                double[] edges = scorecard.edges()[j];
                double[] points = scorecard.points()[j];
                double missing = scorecard.missingPoints()[j];
                for (int i = 0; i < count; i++) {
                    double v = rows[i * d + j];
                    logit[i] += Double.isNaN(v) ? missing : points[ScorecardModel.bin(edges, v)];
                }
            }
            Calibration lc = artifact.logisticCalibration();
            Calibration gc = artifact.gbmCalibration();
            ModelArtifact.Ensemble e = artifact.ensemble();
            double[] result = new double[count];
            for (int i = 0; i < count; i++) {
                result[i] = Calibration.sigmoid(e.logit(lc.logit(logit[i]), gc.logit(gbmLogit[i])));
            }
            return result;
        }

        private Scores.Scored scored(double logisticLogit, double gbmLogit, List<Reasons> reasons) {
            double pLogistic = Calibration.sigmoid(logisticLogit);
            double pGbm = Calibration.sigmoid(gbmLogit);
            double ensemble = Calibration.sigmoid(artifact.ensemble().logit(logisticLogit, gbmLogit));
            RiskThresholds thresholds = artifact.thresholds();
            double agreement = Math.max(0, 1 - Math.abs(pLogistic - pGbm) / 0.25);
            double confidence = round((thresholds.margin(ensemble) + agreement) / 2);
            return new Scores.Scored(
                    pLogistic, pGbm, ensemble, thresholds.levelOf(ensemble), confidence, artifact.version(), reasons);
        }

        /** The scorecard's points per ratio, on the calibrated log-odds scale. */
        Reasons logistic(double[] ratios) {
            ScorecardModel model = artifact.logistic();
            Calibration calibration = artifact.logisticCalibration();
            double[] contributions = model.contributions(ratios);
            Map<String, Double> named = new LinkedHashMap<>();
            double intercept = calibration.logit(model.intercept());
            double score = intercept;
            for (int i = 0; i < contributions.length; i++) {
                double c = calibration.slope() * contributions[i];
                named.put(model.features().get(i), c);
                score += c;
            }
            return new Reasons("logistic", intercept, named, score);
        }

        /** The GBM's reasons from its raw contributions (one per feature, then the bias). */
        Reasons gbmReasons(double[] ratios) {
            double[] contributions = gbm.contributions(ratios);
            Calibration calibration = artifact.gbmCalibration();
            Map<String, Double> named = new LinkedHashMap<>();
            double intercept = calibration.logit(contributions[d]);
            double score = intercept;
            for (int i = 0; i < d; i++) {
                double c = calibration.slope() * contributions[i];
                named.put(artifact.features().get(i), c);
                score += c;
            }
            return new Reasons("gbm", intercept, named, score);
        }
    }

    private static ModelArtifact load(JsonMapper json, String name) {
        try (InputStream in = RiskModels.class.getResourceAsStream("/models/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException(
                        "Model models/" + name + ".json is missing; train the models (README, Retrain)");
            }
            return json.readValue(in, ModelArtifact.class);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
