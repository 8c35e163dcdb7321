/**
 * SEC EDGAR ingestion: the ticker map, submissions and XBRL company facts, fetched politely online or read from
 * local files, imported as system companies with their filings, financial metrics and derived ratios.
 */
@org.springframework.modulith.ApplicationModule
package io.covenant.edgar;
