/**
 * Running the service: choosing and starting the database, checking configuration at start-up, pool settings,
 * schema maintenance jobs and operational endpoints.
 */
@org.springframework.modulith.ApplicationModule
package io.covenant.ops;
