package io.covenant.training;

import io.covenant.prediction.ModelArtifact;
import io.covenant.prediction.ModelArtifact.ModelMetrics;
import io.covenant.prediction.Ratio;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --data <file.arff> [--holdout <file.arff>] [--out <dir>] [--report <file>]}: trains the annual and quarterly
 * models and the 64-attribute reference on the data file only, scores the hold-out file (by default {@code 5year.arff}
 * beside it) with them, writes the model artifacts (JSON) and a Markdown evaluation report with each artifact's
 * checksum. A main class of its own, run beside the service and never by it: {@code ./mvnw -q spring-boot:run
 * -Dspring-boot.run.main-class=io.covenant.training.TrainingCommand -Dspring-boot.run.optimizedLaunch=false
 * -Dspring-boot.run.arguments="--data <file.arff>"} (README, "Retrain").
 */
public final class TrainingCommand {

    private TrainingCommand() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(option(args, "--data", "../shared/data/polish_bankruptcy/1year.arff"));
        Path holdout = Path.of(
                option(args, "--holdout", data.resolveSibling("5year.arff").toString()));
        Path out = Path.of(option(args, "--out", "src/main/resources/models"));
        Path report = Path.of(option(args, "--report", "docs/model-report.md"));
        Result result = train(data, holdout);
        Files.createDirectories(out);
        Map<String, String> checksums = new LinkedHashMap<>();
        for (ModelArtifact artifact : List.of(result.annual(), result.quarterly())) {
            Path file = out.resolve(artifact.name() + ".json");
            Files.write(file, json(artifact));
            checksums.put(artifact.name() + ".json", sha256(file));
        }
        if (report.getParent() != null) {
            Files.createDirectories(report.getParent());
        }
        Files.writeString(report, Report.markdown(result, checksums));
        LoggerFactory.getLogger(TrainingCommand.class)
                .info(
                        "Wrote {} in {} and {}; reference AUC {}",
                        checksums.keySet(),
                        out,
                        report,
                        result.reference().rocAuc());
    }

    /** The whole training from one data file, checked out of sample on the year-5 file beside it. */
    public static Result train(Path data) throws IOException {
        return train(data, data.resolveSibling("5year.arff"));
    }

    /** Both ratio model families and the reference, trained on {@code data} only and scored on {@code holdout}. */
    public static Result train(Path data, Path holdout) throws IOException {
        Arff arff = Arff.read(data);
        Arff year5 = Arff.read(holdout);
        String sha = sha256(data);
        String file = data.getFileName().toString();
        ModelArtifact annual = versioned(Trainer.ratios("annual", Ratio.ANNUAL, arff, year5, file, sha));
        ModelArtifact quarterly = versioned(Trainer.ratios("quarterly", Ratio.QUARTERLY, arff, year5, file, sha));
        return new Result(annual, quarterly, Trainer.reference(arff));
    }

    /**
     * The version names the fitted parameters: {@code 2.} and the first twelve hex digits of the SHA-256 of the
     * artifact without its version. Training is deterministic, so the same data and seed give the same version, and
     * any change of data, settings or code that changes a model gives a new one.
     */
    private static ModelArtifact versioned(ModelArtifact a) {
        String version = "2." + HexFormat.of().formatHex(digest(json(a))).substring(0, 12);
        return new ModelArtifact(
                a.name(),
                version,
                a.trainedOn(),
                a.dataSha256(),
                a.rows(),
                a.positives(),
                a.features(),
                a.featureMapping(),
                a.logistic(),
                a.logisticCalibration(),
                a.gbm(),
                a.gbmCalibration(),
                a.ensemble(),
                a.thresholds(),
                a.distributions(),
                a.metrics(),
                a.outOfSample());
    }

    static byte[] json(ModelArtifact artifact) {
        return JsonMapper.builder()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build()
                .writeValueAsBytes(artifact);
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** What one training run produced. */
    public record Result(ModelArtifact annual, ModelArtifact quarterly, ModelMetrics reference) {}

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            MessageDigest digest = ((DigestInputStream) in).getMessageDigest();
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String option(String[] args, String name, String fallback) {
        List<String> list = List.of(args);
        int i = list.indexOf(name);
        if (i >= 0 && i + 1 < list.size()) {
            return list.get(i + 1);
        }
        return list.stream()
                .filter(a -> a.startsWith(name + "="))
                .map(a -> a.substring(name.length() + 1))
                .findFirst()
                .orElse(fallback);
    }
}
