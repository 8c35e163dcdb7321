/**
 * Market intelligence events (funding, acquisitions, launches...) with sentiment, and analysis reports, both under
 * the access rule.
 */
@org.springframework.modulith.ApplicationModule
package io.covenant.intelligence;
