/**
 * Running the service: choosing and starting the database, checking configuration at start-up, pool settings,
 * schema maintenance jobs and operational endpoints.
 */
@ApplicationModule
@NullMarked
package io.covenant.ops;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
