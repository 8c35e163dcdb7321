/**
 * Bulk uploads: a CSV or XLSX file of companies and their ratios becomes a durable background job that creates or
 * matches the companies and scores and stores their predictions in batches, with progress, per-row errors and
 * cancellation, resuming from its last batch after a restart.
 */
@ApplicationModule
@NullMarked
package io.covenant.upload;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
