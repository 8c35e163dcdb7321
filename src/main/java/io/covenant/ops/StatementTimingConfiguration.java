package io.covenant.ops;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Times the statements of the application's data source, on any PostgreSQL. */
@Configuration(proxyBeanMethods = false)
class StatementTimingConfiguration {

    @Bean
    SlowStatements slowStatements(OpsProperties properties, MeterRegistry registry) {
        return new SlowStatements(properties, registry);
    }

    /**
     * Static, and without dependencies: the data source exists (and Flyway runs) before the meter registry, so
     * statements are timed from the moment the {@link SlowStatements} bean exists.
     */
    @Bean
    static BeanPostProcessor statementTimingPostProcessor() {
        AtomicReference<SlowStatements> statements = new AtomicReference<>();
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof SlowStatements created) {
                    statements.set(created);
                }
                return bean instanceof DataSource dataSource
                                && beanName.equals("dataSource")
                                && !(bean instanceof StatementTimingDataSource)
                        ? new StatementTimingDataSource(dataSource, statements::get)
                        : bean;
            }
        };
    }
}
