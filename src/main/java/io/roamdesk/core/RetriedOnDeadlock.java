package io.roamdesk.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A service entry point whose whole transaction runs again ({@link TransientRetry}) when the
 * database rolled it back as a deadlock victim or after a lock wait: InnoDB picks victims among
 * ordinary concurrent requests (a read marker racing a one-way deletion on the same row), and the
 * caller should not see that. Called inside a transaction it runs once: the transaction's owner
 * decides about retries.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RetriedOnDeadlock {
}
