/** SEC filings per company: recorded by imports, listed by company, form type and date range. */
@ApplicationModule
@NullMarked
package io.covenant.filing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
