/**
 * SEC EDGAR ingestion: the ticker map, submissions and XBRL company facts, fetched politely online or read from
 * local files, imported as system companies with their filings, financial metrics and derived ratios.
 */
@ApplicationModule
@NullMarked
package io.covenant.edgar;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
