package io.covenant.ops;

import java.util.Map;
import org.springframework.core.env.Environment;

/**
 * HikariCP sizing per environment, from the intelligence document (pool size + overflow becomes minimum idle + the
 * rest up to the maximum), with its lifetime, timeouts and session settings. Every value is a default that any
 * {@code spring.datasource.hikari.*} property overrides.
 */
record PoolDefaults(int minimumIdle, int maximumPoolSize) {

    static PoolDefaults forEnvironment(Environment environment) {
        return switch (environment.getProperty("covenant.environment", "development")) {
            case "production" -> new PoolDefaults(20, 30);
            case "staging" -> new PoolDefaults(10, 20);
            default -> new PoolDefaults(5, 15);
        };
    }

    Map<String, Object> asProperties() {
        String prefix = "spring.datasource.hikari.";
        return Map.of(
                prefix + "minimum-idle",
                minimumIdle,
                prefix + "maximum-pool-size",
                maximumPoolSize,
                prefix + "max-lifetime",
                "3600000",
                prefix + "connection-timeout",
                "3000",
                prefix + "validation-timeout",
                "5000",
                prefix + "pool-name",
                "covenant",
                // Longer than the statement timeout: a connection held this long is held outside any statement.
                prefix + "leak-detection-threshold",
                "90000",
                prefix + "data-source-properties.ApplicationName",
                "covenant",
                prefix + "data-source-properties.options",
                "-c jit=off -c statement_timeout=60000 -c random_page_cost=1.1");
    }
}
