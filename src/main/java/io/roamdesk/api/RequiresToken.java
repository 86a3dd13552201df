package io.roamdesk.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a controller whose calls need {@code Authorization: Bearer <token>} of the app in the path. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface RequiresToken {
}
