/** Read models that compose several modules, such as the company page. */
@org.springframework.modulith.ApplicationModule
package io.covenant.overview;
