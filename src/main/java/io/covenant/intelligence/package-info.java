/**
 * Market intelligence events (funding, acquisitions, launches...) with sentiment, and analysis reports, both under
 * the access rule.
 */
@ApplicationModule
@NullMarked
package io.covenant.intelligence;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
