/**
 * Financial and operating metrics as a time series on the partitioned {@code financial_metrics} table: idempotent
 * writes, series, buckets, latest values and sector comparisons.
 */
@ApplicationModule
@NullMarked
package io.covenant.metric;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
