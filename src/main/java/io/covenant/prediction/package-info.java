/**
 * Default-risk predictions: the annual and quarterly models (trained on the UCI Polish bankruptcy data), scoring with
 * reasons, and the prediction records of AccuNode's tables.
 */
@ApplicationModule
@NullMarked
package io.covenant.prediction;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
