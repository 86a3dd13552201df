package io.roamdesk.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A service method that runs without a transaction on purpose, each statement committing on its
 * own: a read whose every statement is a consistent read by itself (the hot path saves the round
 * trips a transaction costs), or a bulk load whose chunks commit as they go. Every other service
 * method that runs SQL is {@code @Transactional} or runs its transactions through a
 * {@code TransactionTemplate} (docs/reliability.md, "Transactions"; ArchitectureTest checks it).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface AutoCommit {
}
