package io.covenant.training;

import io.covenant.prediction.ModelArtifact;
import io.covenant.prediction.ModelArtifact.CalibrationBin;
import io.covenant.prediction.ModelArtifact.ModelMetrics;
import io.covenant.prediction.ModelArtifact.OutOfSample;
import io.covenant.training.TrainingCommand.Result;
import java.util.List;
import java.util.Map;

/** The evaluation report in Markdown: every figure comes from the training run that writes it. */
final class Report {

    private Report() {}

    static String markdown(Result r, Map<String, String> checksums) {
        List<ModelArtifact> artifacts = List.of(r.annual(), r.quarterly());
        OutOfSample year5 = r.annual().outOfSample();
        StringBuilder md = new StringBuilder();
        md.append("# Model evaluation report\n\n");
        md.append("Written by `TrainingCommand --data ")
                .append(r.annual().trainedOn())
                .append("`. Data SHA-256 `")
                .append(r.annual().dataSha256())
                .append("`, ")
                .append(r.annual().rows())
                .append(" companies, ")
                .append(r.annual().positives())
                .append(" bankrupt. Out-of-sample file `")
                .append(year5.file())
                .append("` (")
                .append(year5.rows())
                .append(" companies, ")
                .append(year5.positives())
                .append(" bankrupt), never trained on.\n\n");
        md.append("## Model files\n\n| file | model_version | SHA-256 |\n|---|---|---|\n");
        for (ModelArtifact a : artifacts) {
            md.append("| `")
                    .append(a.name())
                    .append(".json` | `")
                    .append(a.version())
                    .append("` | `")
                    .append(checksums.get(a.name() + ".json"))
                    .append("` |\n");
        }
        md.append("\nThe version is `2.` and the first twelve hex digits of the SHA-256 of the artifact without its ")
                .append("version: the same data and seed give the same version, any change to a model a new one. Each ")
                .append(
                        "stored prediction keeps the `model_version` that scored it; a rescore records the current one.\n\n");
        md.append("## Which model serves which probability\n\n")
                .append("| prediction | served probability | members |\n|---|---|---|\n");
        for (ModelArtifact a : artifacts) {
            md.append("| ")
                    .append(a.name())
                    .append(" | ensemble: ")
                    .append(weights(a))
                    .append(
                            ", Platt-calibrated | scorecard (`logistic_probability`), LightGBM (`gbm_probability`) |\n");
        }
        md.append(
                        "\nThe ensemble's weight is the one (in steps of 0.05, 0 and 1 included) whose blend of the members' ")
                .append("calibrated out-of-fold log-odds ranks best, so it is never below its better member.\n\n");
        md.append("## Cross-validation on ")
                .append(r.annual().trainedOn())
                .append("\n\n")
                .append(
                        "Stratified 5-fold cross-validation (seed 42). Probabilities are Platt-calibrated; the calibration is ")
                .append(
                        "cross-fitted (each fold calibrated on the other folds' out-of-fold scores), so Brier scores and the ")
                .append(
                        "calibration tables are out-of-sample. ROC-AUC and PR-AUC do not depend on the calibration.\n\n");
        md.append("| model | features | ROC-AUC | PR-AUC | Brier |\n|---|---|---|---|---|\n");
        row(md, "LightGBM reference", "all 64 attributes", r.reference());
        for (ModelArtifact a : artifacts) {
            for (Map.Entry<String, ModelMetrics> e : a.metrics().entrySet()) {
                row(md, a.name() + " " + label(e.getKey()), a.features().size() + " ratios", e.getValue());
            }
        }
        md.append("\nBase rate (always predicting the prevalence): Brier ")
                .append(String.format(
                        "%.4f", baseBrier(r.annual().positives(), r.annual().rows())))
                .append(", PR-AUC ")
                .append(String.format(
                        "%.4f", (double) r.annual().positives() / r.annual().rows()))
                .append(".\n\n");
        md.append("## Out of sample: trained on ")
                .append(r.annual().trainedOn())
                .append(", scored on ")
                .append(year5.file())
                .append("\n\n")
                .append(
                        "The final models (fitted on every training row) score each hold-out company as an upload scores ")
                .append(
                        "it: ratios computed by the feature mapping, clipped, kept to four decimals. The hold-out's base ")
                .append(String.format(
                        "rate is %.4f against %.4f in training",
                        (double) year5.positives() / year5.rows(),
                        (double) r.annual().positives() / r.annual().rows()))
                .append(": the probabilities, calibrated to the training rate, run low there. The last column is the ")
                .append(
                        "Brier score after moving each model's intercept by the difference of the two base rates' log-odds ")
                .append("(a prior-shift correction, which changes no ranking).\n\n");
        md.append(
                        "| model | ROC-AUC | PR-AUC | Brier | mean predicted | observed rate | Brier, intercept moved to the hold-out rate |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (ModelArtifact a : artifacts) {
            OutOfSample o = a.outOfSample();
            for (Map.Entry<String, ModelMetrics> e : o.metrics().entrySet()) {
                ModelMetrics m = e.getValue();
                md.append(String.format(
                        "| %s %s | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f |%n",
                        a.name(),
                        label(e.getKey()),
                        m.rocAuc(),
                        m.prAuc(),
                        m.brier(),
                        o.meanPredicted().get(e.getKey()),
                        (double) o.positives() / o.rows(),
                        o.priorShiftedBrier().get(e.getKey())));
            }
        }
        md.append("\nBase rate of the hold-out: Brier ")
                .append(String.format("%.4f", baseBrier(year5.positives(), year5.rows())))
                .append(".\n\n");
        md.append("## Feature mapping\n\n");
        for (ModelArtifact a : artifacts) {
            md.append("### ").append(a.name()).append("\n\n");
            a.featureMapping()
                    .forEach((k, v) ->
                            md.append("- `").append(k).append("` = ").append(v).append("\n"));
            md.append("\n");
        }
        md.append(
                        "Extreme values: every ratio is clipped to the range AccuNode's CHECK constraints allow, which is also ")
                .append("the range the API accepts. The scorecard cuts each ratio into up to ")
                .append(ScorecardTrainer.BINS)
                .append(
                        " quantile bins of the training rows and gives a missing value a bin of its own; its points are ")
                .append("fitted as one penalised logistic regression (neighbouring bins held together with weight ")
                .append(ScorecardTrainer.SMOOTHNESS)
                .append(", a ridge of ")
                .append(ScorecardTrainer.RIDGE)
                .append(") and centred on the training mean, so a ratio's points say how far it moves a company from ")
                .append("typical; `reasons` shows them, times the calibration slope. LightGBM routes missing values ")
                .append("natively.\n\n");
        md.append("## Calibration tables (ten equal-count bins)\n\n");
        for (ModelArtifact a : artifacts) {
            for (Map.Entry<String, ModelMetrics> e : a.metrics().entrySet()) {
                table(md, a.name() + " " + label(e.getKey()) + ", out-of-fold on " + a.trainedOn(), e.getValue());
            }
            for (Map.Entry<String, ModelMetrics> e : a.outOfSample().metrics().entrySet()) {
                table(md, a.name() + " " + label(e.getKey()) + ", out of sample on " + year5.file(), e.getValue());
            }
        }
        md.append("## Risk levels and confidence\n\n")
                .append("Low below ")
                .append(r.annual().thresholds().medium())
                .append(", High from ")
                .append(r.annual().thresholds().high())
                .append(", Medium between, on the served (ensemble) probability. ")
                .append(
                        "Confidence = the margin (distance of the probability from the nearest threshold in log-odds, 0 at ")
                .append("a threshold, 1 at 2 units or more) averaged with the agreement of the two members ")
                .append("(1 - |logistic - gbm| / 0.25, floored at 0).\n");
        return md.toString();
    }

    private static String weights(ModelArtifact a) {
        double w = a.ensemble().logisticWeight();
        return String.format("%.2f x scorecard + %.2f x LightGBM log-odds", w, 1 - w);
    }

    private static String label(String model) {
        return switch (model) {
            case "logistic" -> "logistic (scorecard)";
            case "ensemble" -> "ensemble (served)";
            default -> model;
        };
    }

    private static void table(StringBuilder md, String title, ModelMetrics m) {
        md.append("### ").append(title).append("\n\n");
        md.append("| predicted from | to | count | mean predicted | observed rate |\n|---|---|---|---|---|\n");
        for (CalibrationBin b : m.calibration()) {
            md.append(String.format(
                    "| %.4f | %.4f | %d | %.4f | %.4f |%n",
                    b.from(), b.to(), b.count(), b.meanPredicted(), b.observedRate()));
        }
        md.append("\n");
    }

    private static void row(StringBuilder md, String model, String features, ModelMetrics m) {
        md.append(
                String.format("| %s | %s | %.4f | %.4f | %.4f |%n", model, features, m.rocAuc(), m.prAuc(), m.brier()));
    }

    private static double baseBrier(int positives, int rows) {
        double p = (double) positives / rows;
        return p * (1 - p);
    }
}
