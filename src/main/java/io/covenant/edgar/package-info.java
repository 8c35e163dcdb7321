/**
 * SEC EDGAR ingestion: the ticker map, submissions and XBRL company facts, fetched politely online or read from
 * local files, imported as system companies with their filings, financial metrics and derived ratios.
 */
@ApplicationModule
package io.covenant.edgar;

import org.springframework.modulith.ApplicationModule;
