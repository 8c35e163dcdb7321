/**
 * Financial and operating metrics as a time series on the partitioned {@code financial_metrics} table: idempotent
 * writes, series, buckets, latest values and sector comparisons.
 */
@org.springframework.modulith.ApplicationModule
package io.covenant.metric;
