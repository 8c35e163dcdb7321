/**
 * Running the service: choosing and starting the database, checking configuration at start-up, pool settings,
 * schema maintenance jobs and operational endpoints.
 */
@ApplicationModule
package io.covenant.ops;

import org.springframework.modulith.ApplicationModule;
