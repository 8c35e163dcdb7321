package io.covenant.prediction.training;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.covenant.prediction.ModelArtifact;
import io.covenant.prediction.ModelArtifact.ModelMetrics;
import io.covenant.prediction.Ratio;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.PropertyNamingStrategies;

/**
 * {@code --train --data <file.arff> [--out <dir>] [--report <file>]}: trains the annual and quarterly models and the
 * 64-attribute reference, writes the model artifacts (JSON) and a Markdown evaluation report, without starting the
 * service.
 */
public final class TrainingCommand {

	private TrainingCommand() {
	}

	public static void main(String[] args) throws Exception {
		Path data = Path.of(option(args, "--data", "../shared/data/polish_bankruptcy/1year.arff"));
		Path out = Path.of(option(args, "--out", "src/main/resources/models"));
		Path report = Path.of(option(args, "--report", "docs/model-report.md"));
		Result result = train(data);
		Files.createDirectories(out);
		JsonMapper json = JsonMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.enable(SerializationFeature.INDENT_OUTPUT)
			.build();
		json.writeValue(out.resolve("annual.json").toFile(), result.annual());
		json.writeValue(out.resolve("quarterly.json").toFile(), result.quarterly());
		if (report.getParent() != null) {
			Files.createDirectories(report.getParent());
		}
		Files.writeString(report, Report.markdown(result));
		org.slf4j.LoggerFactory.getLogger(TrainingCommand.class)
			.info("Wrote {} and {}; reference AUC {}", out.resolve("annual.json"), out.resolve("quarterly.json"),
					result.reference().rocAuc());
	}

	/** The whole training: both ratio models and the reference, from one data file. */
	public static Result train(Path data) throws IOException {
		Arff arff = Arff.read(data);
		String sha = sha256(data);
		String file = data.getFileName().toString();
		ModelArtifact annual = Trainer.ratios("annual", Ratio.ANNUAL, arff, file, sha, true);
		ModelArtifact quarterly = Trainer.ratios("quarterly", Ratio.QUARTERLY, arff, file, sha, true);
		return new Result(annual, quarterly, Trainer.reference(arff));
	}

	/** What one training run produced. */
	public record Result(ModelArtifact annual, ModelArtifact quarterly, ModelMetrics reference) {
	}

	static String sha256(Path file) throws IOException {
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
			MessageDigest digest = ((DigestInputStream) in).getMessageDigest();
			in.transferTo(java.io.OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String option(String[] args, String name, String fallback) {
		List<String> list = List.of(args);
		int i = list.indexOf(name);
		if (i >= 0 && i + 1 < list.size()) {
			return list.get(i + 1);
		}
		return list.stream().filter(a -> a.startsWith(name + "=")).map(a -> a.substring(name.length() + 1))
			.findFirst().orElse(fallback);
	}

}
