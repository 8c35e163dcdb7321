/**
 * Training of the default-risk models: a command-line tool beside the service, never part of it (no bean, and nothing
 * in the service depends on it). It reads the UCI Polish bankruptcy data and writes the model artifacts the
 * prediction module loads, with their evaluation report. It reaches the prediction module only through its
 * {@code model} named interface: the artifact format, the ratios, the compiled trees that score out-of-fold rows as
 * the service does, and the one safe way to load LightGBM's native libraries.
 */
@ApplicationModule(allowedDependencies = "prediction :: model")
@NullMarked
package io.covenant.training;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
