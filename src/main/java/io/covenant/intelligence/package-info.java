/**
 * Market intelligence events (funding, acquisitions, launches...) with sentiment, and analysis reports, both under
 * the access rule.
 */
@ApplicationModule
package io.covenant.intelligence;

import org.springframework.modulith.ApplicationModule;
