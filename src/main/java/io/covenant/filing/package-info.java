/** SEC filings per company: recorded by imports, listed by company, form type and date range. */
@ApplicationModule
package io.covenant.filing;

import org.springframework.modulith.ApplicationModule;
