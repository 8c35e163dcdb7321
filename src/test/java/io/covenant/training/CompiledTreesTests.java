package io.covenant.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.covenant.prediction.CompiledTrees;
import io.covenant.prediction.ModelArtifact;
import io.covenant.prediction.NativePredictor;
import io.covenant.prediction.Ratio;
import io.covenant.prediction.RiskModels;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The trees compiled into flat arrays give LightGBM's own raw scores on every training row, by the block path that
 * batches take (one and two threads) and by the exact walk a single row takes, bit for bit the same.
 */
class CompiledTreesTests {

    static final Path DATA = Path.of("..", "shared", "data", "polish_bankruptcy", "1year.arff");

    @Test
    void theShippedModelsScoreTheTrainingRowsAsLightGbmDoes() throws Exception {
        RiskModels models = new RiskModels();
        Arff data = Arff.read(DATA);
        compare(models.annualArtifact(), Trainer.matrix(Ratio.ANNUAL, data, false));
        compare(models.quarterlyArtifact(), Trainer.matrix(Ratio.QUARTERLY, data, false));
    }

    @Test
    void aModelOnAllSixtyFourAttributesWithMissingValuesScoresAsLightGbmDoes() throws Exception {
        Arff data = Arff.read(DATA);
        String text = GbmTrainer.fit(data.attributes(), data.labels(), GbmTrainer.REFERENCE, 60);
        assertSame(text, data.attributes());
    }

    @Test
    void rowsWithMissingZeroAndInfiniteValuesScoreAsLightGbmDoes() throws Exception {
        RiskModels models = new RiskModels();
        Arff data = Arff.read(DATA);
        assertSame(models.annualArtifact().gbm(), awkward(Trainer.matrix(Ratio.ANNUAL, data, false)));
        assertSame(models.quarterlyArtifact().gbm(), awkward(Trainer.matrix(Ratio.QUARTERLY, data, false)));
        String text = GbmTrainer.fit(data.attributes(), data.labels(), GbmTrainer.REFERENCE, 60);
        assertSame(text, awkward(data.attributes()));
    }

    /** The rows with, in turn, a value made NaN, 0, -0, a value inside LightGBM's zero range, or an infinity. */
    private static double[][] awkward(double[][] rows) {
        double[] values = {Double.NaN, 0.0, -0.0, 1e-36, -1e-36, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i].clone();
            if (i % 3 != 0) {
                out[i][(i / 3) % out[i].length] = values[i % values.length];
            }
        }
        return out;
    }

    private static void compare(ModelArtifact artifact, double[][] rows) {
        assertSame(artifact.gbm(), rows);
    }

    private static void assertSame(String text, double[][] rows) {
        int d = rows[0].length;
        double[] flat = Arrays.stream(rows).flatMapToDouble(Arrays::stream).toArray();
        CompiledTrees compiled = CompiledTrees.of(text, d);
        double[] batch = compiled.raw(flat, rows.length);
        assertThat(compiled.rawParallel(flat, rows.length)).isEqualTo(batch);
        try (NativePredictor lightGbm = new NativePredictor(text, d)) {
            double[] expected = lightGbm.raw(flat, rows.length);
            for (int i = 0; i < rows.length; i++) {
                assertThat(Math.abs(batch[i] - expected[i])).as("row %d", i).isLessThanOrEqualTo(1e-12);
                assertThat(compiled.raw(rows[i])).as("row %d", i).isEqualTo(batch[i]);
            }
        }
    }
}
