/** Read models that compose several modules, such as the company page. */
@ApplicationModule
package io.covenant.overview;

import org.springframework.modulith.ApplicationModule;
