package io.covenant;

import io.covenant.ops.EmbeddedPostgresClaim;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test of the schema alone (constraints, triggers, policies, migrations) through SQL: a JDBC slice with the data
 * source, Flyway and the transaction manager, on the JVM's one embedded PostgreSQL, without the service's beans or
 * web server. Every such test shares one application context, apart from the {@link ApiTest} one; each test runs in a
 * transaction rolled back at its end, unless its class says {@code @Transactional(propagation = NOT_SUPPORTED)}
 * because it needs committed rows or several connections.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@JdbcTest
// NONE: keep the embedded PostgreSQL chosen by the test profile instead of an in-memory replacement.
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ActiveProfiles("test")
@Import({EmbeddedPostgresClaim.class, DatabaseFixtures.class})
public @interface DatabaseTest {}
