/** SEC filings per company: recorded by imports, listed by company, form type and date range. */
@org.springframework.modulith.ApplicationModule
package io.covenant.filing;
