package io.covenant.shared.jdbc;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wraps the application's data source so that every request's SQL runs under row-level security. */
@Configuration(proxyBeanMethods = false)
class CallerAwareDataSourceConfiguration {

	@Bean
	static BeanPostProcessor callerAwareDataSourcePostProcessor() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof DataSource dataSource && !(bean instanceof CallerAwareDataSource)
						&& beanName.equals("dataSource") ? new CallerAwareDataSource(dataSource) : bean;
			}
		};
	}

}
