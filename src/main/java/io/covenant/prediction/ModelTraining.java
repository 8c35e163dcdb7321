package io.covenant.prediction;

import io.covenant.prediction.training.TrainingCommand;

/** The module's entry point for {@code --train}: trains the models and writes their artifacts and report. */
public final class ModelTraining {

    private ModelTraining() {}

    public static void main(String[] args) throws Exception {
        TrainingCommand.main(args);
    }
}
