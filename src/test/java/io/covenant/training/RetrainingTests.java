package io.covenant.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.covenant.prediction.ModelArtifact.ModelMetrics;
import io.covenant.prediction.RiskModels;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Training from the data file gives back the committed models the service loads. */
class RetrainingTests {

    static final RiskModels models = new RiskModels();

    @Test
    void retrainingFromTheDataReproducesTheCommittedModels() throws Exception {
        TrainingCommand.Result retrained =
                TrainingCommand.train(Path.of("..", "shared", "data", "polish_bankruptcy", "1year.arff"));
        // Deterministic for the seed: the same data gives the same parameters, hence the same version.
        assertThat(retrained.annual().version())
                .isEqualTo(models.annualArtifact().version());
        assertThat(retrained.quarterly().version())
                .isEqualTo(models.quarterlyArtifact().version());
        compare(
                retrained.annual().metrics().get("ensemble"),
                models.annualArtifact().metrics().get("ensemble"));
        compare(
                retrained.quarterly().metrics().get("ensemble"),
                models.quarterlyArtifact().metrics().get("ensemble"));
        assertThat(retrained.reference().rocAuc()).isGreaterThanOrEqualTo(0.95);
    }

    private static void compare(ModelMetrics actual, ModelMetrics committed) {
        assertThat(actual.rocAuc()).isCloseTo(committed.rocAuc(), within(0.005));
        assertThat(actual.prAuc()).isCloseTo(committed.prAuc(), within(0.01));
        assertThat(actual.brier()).isCloseTo(committed.brier(), within(0.001));
    }
}
