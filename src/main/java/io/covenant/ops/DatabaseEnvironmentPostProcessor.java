package io.covenant.ops;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Chooses the database before any bean exists: {@code spring.datasource.url}, else {@code DATABASE_URL}, else an
 * embedded PostgreSQL whose data directory survives restarts. Also sets the environment's pool defaults.
 */
class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "covenantDatabase";

    private final Log log;

    DatabaseEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(DatabaseEnvironmentPostProcessor.class);
    }

    @Override
    public int getOrder() {
        // After configuration data and after the configuration check, which must fail before a database starts.
        return ConfigurationCheckEnvironmentPostProcessor.ORDER + 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> properties =
                new HashMap<>(PoolDefaults.forEnvironment(environment).asProperties());
        String configuredUrl = environment.getProperty("spring.datasource.url");
        String databaseUrl = environment.getProperty("DATABASE_URL");
        if (StringUtils.hasText(configuredUrl)) {
            log.info("Using the configured database (spring.datasource.url)");
        } else if (StringUtils.hasText(databaseUrl)) {
            properties.putAll(fromDatabaseUrl(databaseUrl));
            log.info("Using the database named by DATABASE_URL");
        } else if (environment.getProperty("covenant.database.embedded.enabled", Boolean.class, true)) {
            Path directory =
                    Path.of(environment.getProperty("covenant.database.embedded.data-directory", "data/postgres"));
            int port = environment.getProperty("covenant.database.embedded.port", Integer.class, 0);
            boolean clean = environment.getProperty("covenant.database.embedded.clean", Boolean.class, false);
            // Durable unless configured otherwise: the tests' throwaway server turns it off for speed.
            boolean durable = environment.getProperty("covenant.database.embedded.durable", Boolean.class, true);
            String url = EmbeddedPostgresServer.start(directory, port, clean, durable);
            properties.put("spring.datasource.url", url);
            properties.put("spring.datasource.username", "postgres");
            properties.put("spring.datasource.password", "");
            properties.put("covenant.database.embedded.active", "true");
            log.info("Starting the embedded PostgreSQL with its data in " + directory.toAbsolutePath());
        }
        properties.putAll(replicas(environment.getProperty(
                "DATABASE_REPLICA_URL", environment.getProperty("covenant.database.replica-url", ""))));
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, properties));
    }

    /**
     * {@code DATABASE_REPLICA_URL}: one or more read replicas, comma-separated, each written as {@code DATABASE_URL}
     * is; one without credentials uses the primary's. Becomes {@code covenant.database.replicas[i].url} etc.
     */
    static Map<String, Object> replicas(String urls) {
        Map<String, Object> properties = new HashMap<>();
        int index = 0;
        for (String url : urls.split(",")) {
            if (url.isBlank()) {
                continue;
            }
            String prefix = "covenant.database.replicas[" + index++ + "].";
            fromDatabaseUrl(url.trim())
                    .forEach((key, value) ->
                            properties.put(prefix + key.substring("spring.datasource.".length()), value));
        }
        return properties;
    }

    /** Accepts both {@code postgres://user:pass@host:port/db} (Heroku style) and a plain JDBC URL. */
    static Map<String, Object> fromDatabaseUrl(String databaseUrl) {
        Map<String, Object> properties = new HashMap<>();
        if (databaseUrl.startsWith("jdbc:")) {
            properties.put("spring.datasource.url", databaseUrl);
            return properties;
        }
        URI uri = URI.create(databaseUrl);
        if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
            throw new InvalidConfigurationException(
                    "DATABASE_URL",
                    "must be a postgres:// or jdbc:postgresql:// URL, not a " + uri.getScheme() + " URL");
        }
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        String query = uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "";
        properties.put(
                "spring.datasource.url", "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query);
        if (uri.getRawUserInfo() != null) {
            String[] credentials = uri.getUserInfo().split(":", 2);
            properties.put("spring.datasource.username", credentials[0]);
            if (credentials.length > 1) {
                properties.put("spring.datasource.password", credentials[1]);
            }
        }
        return properties;
    }
}
