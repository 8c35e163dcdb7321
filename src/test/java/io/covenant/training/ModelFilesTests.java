package io.covenant.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.covenant.prediction.ModelArtifact;
import io.covenant.prediction.RiskModels;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The shipped model files are the ones the report was written with: their checksums, versions and figures. */
class ModelFilesTests {

    static final RiskModels models = new RiskModels();

    @Test
    void theReportNamesTheShippedFilesByChecksumAndVersion() throws Exception {
        String report = Files.readString(Path.of("docs", "model-report.md"));
        for (ModelArtifact artifact : new ModelArtifact[] {models.annualArtifact(), models.quarterlyArtifact()}) {
            Path file = Path.of("src", "main", "resources", "models", artifact.name() + ".json");
            assertThat(report)
                    .contains("| `" + artifact.name() + ".json` | `" + artifact.version() + "` | `"
                            + TrainingCommand.sha256(file) + "` |");
            // The version is the artifact's own digest, so an edited file no longer matches its version.
            assertThat(Files.readAllBytes(file)).isEqualTo(TrainingCommand.json(artifact));
        }
    }

    @Test
    void theReportStatesTheShippedModelsFiguresAndTheyMeetTheTargets() throws Exception {
        String report = Files.readString(Path.of("docs", "model-report.md"));
        ModelArtifact annual = models.annualArtifact();
        ModelArtifact quarterly = models.quarterlyArtifact();
        assertThat(report)
                .contains(String.format(
                        "| annual ensemble (served) | 5 ratios | %.4f |",
                        annual.metrics().get("ensemble").rocAuc()));
        assertThat(report)
                .contains(String.format(
                        "| annual ensemble (served) | %.4f |",
                        annual.outOfSample().metrics().get("ensemble").rocAuc()));
        assertThat(annual.metrics().get("ensemble").rocAuc()).isGreaterThanOrEqualTo(0.85);
        assertThat(annual.metrics().get("logistic").rocAuc()).isGreaterThanOrEqualTo(0.84);
        assertThat(annual.outOfSample().metrics().get("ensemble").rocAuc()).isGreaterThanOrEqualTo(0.82);
        assertThat(quarterly.outOfSample().metrics().get("ensemble").rocAuc()).isGreaterThanOrEqualTo(0.77);
    }
}
