package io.roamdesk.core;

import java.lang.reflect.UndeclaredThrowableException;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Advisor;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Applies {@link RetriedOnDeadlock}: outside the transaction advice (each attempt is a transaction
 * of its own) and only where no transaction is open yet.
 */
@Configuration(proxyBeanMethods = false)
class DeadlockRetryConfig {

    /** An infrastructure advisor: without AspectJ, Spring's auto-proxying applies only those. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor deadlockRetryAdvisor() {
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
                AnnotationMatchingPointcut.forMethodAnnotation(RetriedOnDeadlock.class), retrying());
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return advisor;
    }

    private static MethodInterceptor retrying() {
        return invocation -> {
            if (TransactionSynchronizationManager.isActualTransactionActive()
                    || !(invocation instanceof ProxyMethodInvocation proxied)) {
                return invocation.proceed();
            }
            // each attempt proceeds on a fresh copy: an invocation runs its remaining advice once
            return TransientRetry.run(() -> {
                try {
                    return proxied.invocableClone().proceed();
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new UndeclaredThrowableException(e);
                }
            });
        };
    }
}
