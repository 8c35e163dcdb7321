package io.covenant.prediction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The committed models, loaded once: the annual logistic regression, and the quarterly logistic regression and
 * LightGBM model with their ensemble. Scoring returns calibrated probabilities, a risk level, a confidence and the
 * reasons. Ratios must already be within the allowed ranges (the API refuses others); missing ones are imputed.
 */
@Component
@org.springframework.context.annotation.Lazy
public class RiskModels {

	private final ModelArtifact annual;

	private final ModelArtifact quarterly;

	private final GbmModel quarterlyGbm;

	public RiskModels() {
		JsonMapper json = JsonMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
		this.annual = load(json, "annual");
		this.quarterly = load(json, "quarterly");
		this.quarterlyGbm = new GbmModel(quarterly.gbm(), quarterly.features().size());
	}

	public ModelArtifact annualArtifact() {
		return annual;
	}

	public ModelArtifact quarterlyArtifact() {
		return quarterly;
	}

	/** Ratios in {@link Ratio#ANNUAL} order; NaN for a missing one. */
	public Scores.Annual scoreAnnual(double[] ratios) {
		Reasons reasons = logistic(annual, ratios);
		double p = Calibration.sigmoid(reasons.score());
		RiskThresholds thresholds = annual.thresholds();
		return new Scores.Annual(p, thresholds.levelOf(p), round(thresholds.margin(p)), annual.version(), reasons);
	}

	/** Ratios in {@link Ratio#QUARTERLY} order; NaN for a missing one. */
	public Scores.Quarterly scoreQuarterly(double[] ratios) {
		Reasons logistic = logistic(quarterly, ratios);
		Reasons gbm = gbmReasons(ratios);
		return quarterly(logistic, Calibration.sigmoid(gbm.score()), List.of(logistic, gbm));
	}

	private Scores.Quarterly quarterly(Reasons logistic, double pGbm, List<Reasons> reasons) {
		double pLogistic = Calibration.sigmoid(logistic.score());
		double ensemble = (pLogistic + pGbm) / 2;
		RiskThresholds thresholds = quarterly.thresholds();
		double agreement = Math.max(0, 1 - Math.abs(pLogistic - pGbm) / 0.25);
		double confidence = round((thresholds.margin(ensemble) + agreement) / 2);
		return new Scores.Quarterly(pLogistic, pGbm, ensemble, thresholds.levelOf(ensemble), confidence,
				quarterly.version(), reasons);
	}

	/**
	 * Many rows at once (row-major, in {@link Ratio#QUARTERLY} order), as an upload scores them. The probabilities,
	 * risk level and confidence are those of {@link #scoreQuarterly(double[])}; the reasons are the logistic model's
	 * only, as the tree model's (TreeSHAP, about 0.3 ms a row) are a function of the ratios that
	 * {@link #gbmReasons(double[])} gives when a prediction is read.
	 */
	public List<Scores.Quarterly> scoreQuarterly(double[] rows, int count) {
		int d = quarterly.features().size();
		double[] raw = count == 0 ? new double[0] : quarterlyGbm.raw(rows, count);
		List<Scores.Quarterly> scores = new java.util.ArrayList<>(count);
		double[] row = new double[d];
		Calibration calibration = quarterly.gbmCalibration();
		for (int i = 0; i < count; i++) {
			System.arraycopy(rows, i * d, row, 0, d);
			Reasons logistic = logistic(quarterly, row);
			double pGbm = Calibration.sigmoid(calibration.logit(raw[i]));
			scores.add(quarterly(logistic, pGbm, List.of(logistic)));
		}
		return scores;
	}

	/** The tree model's reasons for quarterly ratios (in {@link Ratio#QUARTERLY} order, NaN where missing). */
	public Reasons gbmReasons(double[] ratios) {
		return gbm(quarterlyGbm.contributions(ratios));
	}

	/** The quarterly ensemble probability of many rows at once (row-major), for bulk scoring. */
	public double[] ensembleProbabilities(double[] rows, int count) {
		int d = quarterly.features().size();
		double[] raw = quarterlyGbm.raw(rows, count);
		double[] result = new double[count];
		double[] row = new double[d];
		for (int i = 0; i < count; i++) {
			System.arraycopy(rows, i * d, row, 0, d);
			double pLogistic = Calibration.sigmoid(quarterly.logisticCalibration().logit(quarterly.logistic().logit(row)));
			double pGbm = Calibration.sigmoid(quarterly.gbmCalibration().logit(raw[i]));
			result[i] = (pLogistic + pGbm) / 2;
		}
		return result;
	}

	private static Reasons logistic(ModelArtifact artifact, double[] ratios) {
		LogisticModel model = artifact.logistic();
		Calibration calibration = artifact.logisticCalibration();
		double[] contributions = model.contributions(ratios);
		Map<String, Double> named = new LinkedHashMap<>();
		double score = calibration.logit(model.intercept());
		for (int i = 0; i < contributions.length; i++) {
			double c = calibration.slope() * contributions[i];
			named.put(model.features().get(i), c);
			score += c;
		}
		return new Reasons("logistic", calibration.logit(model.intercept()), named, score);
	}

	/** The GBM's reasons from its raw contributions (one per feature, then the bias). */
	private Reasons gbm(double[] contributions) {
		Calibration calibration = quarterly.gbmCalibration();
		int d = quarterly.features().size();
		Map<String, Double> named = new LinkedHashMap<>();
		double intercept = calibration.logit(contributions[d]);
		double score = intercept;
		for (int i = 0; i < d; i++) {
			double c = calibration.slope() * contributions[i];
			named.put(quarterly.features().get(i), c);
			score += c;
		}
		return new Reasons("gbm", intercept, named, score);
	}

	private static ModelArtifact load(JsonMapper json, String name) {
		try (InputStream in = RiskModels.class.getResourceAsStream("/models/" + name + ".json")) {
			if (in == null) {
				throw new IllegalStateException("Model models/" + name + ".json is missing; run --train");
			}
			return json.readValue(in, ModelArtifact.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static double round(double v) {
		return Math.round(v * 10_000) / 10_000.0;
	}

	@PreDestroy
	void close() {
		quarterlyGbm.close();
	}

}
