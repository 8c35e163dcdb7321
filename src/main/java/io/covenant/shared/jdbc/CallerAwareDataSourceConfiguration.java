package io.covenant.shared.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Wraps the application's data source so that every request's SQL runs under row-level security, and, when read
 * replicas are configured ({@code DATABASE_REPLICA_URL}), routes read-only transactions to them, each replica's
 * connections bound to the caller in the same way.
 */
@Configuration(proxyBeanMethods = false)
class CallerAwareDataSourceConfiguration {

    @Bean
    static BeanPostProcessor callerAwareDataSourcePostProcessor(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof DataSource dataSource)
                        || bean instanceof CallerAwareDataSource
                        || bean instanceof ReplicaRoutingDataSource
                        || !beanName.equals("dataSource")) {
                    return bean;
                }
                DataSource primary = new CallerAwareDataSource(dataSource);
                List<Replica> replicas = replicas(environment, dataSource);
                return replicas.isEmpty()
                        ? primary
                        : new ReplicaRoutingDataSource(
                                primary,
                                replicas,
                                environment.getProperty(
                                        "covenant.database.replica-max-lag", Duration.class, Duration.ofSeconds(5)));
            }
        };
    }

    /** A pool per replica, sized as the primary's, that never fails start-up: a replica may be down then. */
    static List<Replica> replicas(Environment environment, DataSource primary) {
        List<Replica> replicas = new ArrayList<>();
        if (!environment.containsProperty("covenant.database.replicas[0].url")) {
            return replicas;
        }
        HikariDataSource primaryPool;
        try {
            primaryPool = primary.unwrap(HikariDataSource.class);
        } catch (SQLException ex) {
            throw new IllegalStateException("Read replicas need the primary's HikariCP pool", ex);
        }
        for (int i = 0; environment.containsProperty("covenant.database.replicas[" + i + "].url"); i++) {
            String prefix = "covenant.database.replicas[" + i + "].";
            HikariConfig config = new HikariConfig();
            config.setPoolName("covenant-replica-" + i);
            config.setJdbcUrl(environment.getProperty(prefix + "url"));
            config.setUsername(environment.getProperty(prefix + "username", primaryPool.getUsername()));
            config.setPassword(environment.getProperty(prefix + "password", primaryPool.getPassword()));
            config.setDataSourceProperties(primaryPool.getDataSourceProperties());
            config.setMaximumPoolSize(primaryPool.getMaximumPoolSize());
            config.setMinimumIdle(Math.min(2, primaryPool.getMaximumPoolSize()));
            config.setMaxLifetime(primaryPool.getMaxLifetime());
            // Short: a read waiting for an unreachable replica goes to the primary instead.
            config.setConnectionTimeout(1000);
            config.setValidationTimeout(500);
            config.setInitializationFailTimeout(-1);
            config.setReadOnly(true);
            replicas.add(new Replica("replica-" + i, new HikariDataSource(config)));
        }
        return replicas;
    }
}
