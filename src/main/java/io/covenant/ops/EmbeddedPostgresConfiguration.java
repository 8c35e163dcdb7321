package io.covenant.ops;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Ties the embedded server's lifetime to the contexts that use it. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "covenant.database.embedded.active", havingValue = "true")
class EmbeddedPostgresConfiguration {

    @Bean
    EmbeddedPostgresLifecycle embeddedPostgresLifecycle() {
        return new EmbeddedPostgresLifecycle();
    }

    @Bean
    static DataSourceDependsOnEmbeddedPostgres dataSourceDependsOnEmbeddedPostgres() {
        return new DataSourceDependsOnEmbeddedPostgres();
    }

    static class DataSourceDependsOnEmbeddedPostgres extends AbstractDependsOnBeanFactoryPostProcessor {

        DataSourceDependsOnEmbeddedPostgres() {
            super(DataSource.class, EmbeddedPostgresLifecycle.class);
        }
    }
}
