/** Read models that compose several modules, such as the company page. */
@ApplicationModule
@NullMarked
package io.covenant.overview;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
