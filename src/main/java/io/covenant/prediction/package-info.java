/**
 * Default-risk predictions: the annual and quarterly models (trained on the UCI Polish bankruptcy data), scoring with
 * reasons, and the prediction records of AccuNode's tables.
 *
 * <p>The types marked {@code @NamedInterface("model")} (the model artifact and its parts, the ratios, the compiled
 * trees and the native-library loader) are the {@code model} interface: all that the training tool
 * ({@code io.covenant.training}) may use. The rest of the public API serves scoring and the prediction records (the
 * web layer, uploads).
 */
@ApplicationModule
@NullMarked
package io.covenant.prediction;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
