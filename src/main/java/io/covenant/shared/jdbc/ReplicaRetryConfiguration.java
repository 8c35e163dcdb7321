package io.covenant.shared.jdbc;

import java.sql.SQLException;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.Advisor;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What keeps replica reads safe when replicas are configured: a read that loses its replica mid-way is run again on
 * the primary (read-only work can be repeated), and a request that wrote reads its own writes from the primary.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("covenant.database.replicas[0].url")
class ReplicaRetryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReplicaRetryConfiguration.class);

    /**
     * Around the outermost {@code @Transactional} method of a call, outside its transaction: a replica that dies
     * between the monitor's checks fails the statement in flight, which this turns into a retry on the primary.
     */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor replicaRetryAdvisor() {
        ComposablePointcut transactional = new ComposablePointcut(
                        AnnotationMatchingPointcut.forClassAnnotation(Transactional.class))
                .union(AnnotationMatchingPointcut.forMethodAnnotation(Transactional.class));
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
                transactional, (MethodInterceptor) ReplicaRetryConfiguration::retryOnPrimary);
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return advisor;
    }

    private static Object retryOnPrimary(MethodInvocation invocation) throws Throwable {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                || !(invocation instanceof ProxyMethodInvocation proxied)) {
            return invocation.proceed();
        }
        MethodInvocation again = proxied.invocableClone();
        ReadRouting.takeUsed();
        try {
            return invocation.proceed();
        } catch (Throwable ex) {
            Replica replica = ReadRouting.takeUsed();
            if (replica == null || !connectionLost(ex)) {
                throw ex;
            }
            replica.down("a read lost its connection: " + ex.getMessage());
            log.warn("Replica {} failed a read ({}); retrying on the primary", replica.name, ex.toString());
            return ReadRouting.onPrimaryRethrowing(again::proceed);
        }
    }

    /** SQLSTATE class 08 (connection exception) or 57P0x (the server shut down or crashed). */
    static boolean connectionLost(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** A request that began a writing transaction keeps its later reads on the primary. */
    @Bean
    TransactionExecutionListener readYourOwnWrites() {
        return new TransactionExecutionListener() {
            @Override
            public void afterBegin(TransactionExecution transaction, Throwable beginFailure) {
                if (!transaction.isReadOnly()) {
                    ReadRouting.wrote();
                }
            }
        };
    }

    @Bean
    ReadRoutingFilter readRoutingFilter() {
        return new ReadRoutingFilter();
    }
}
