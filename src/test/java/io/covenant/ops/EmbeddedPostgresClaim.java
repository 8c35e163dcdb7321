package io.covenant.ops;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The service's claim on the JVM's one embedded PostgreSQL, for test slices, which do not scan the service's
 * configuration: the slice's data source then waits for the server started by {@link DatabaseEnvironmentPostProcessor}
 * and the server stops only after the last context of the JVM has closed its pool.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(EmbeddedPostgresConfiguration.class)
public class EmbeddedPostgresClaim {}
