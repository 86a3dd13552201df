package io.roamdesk.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the gateway's internal endpoints: they need {@code X-Gateway-Secret}, not an app token. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface RequiresGatewaySecret {
}
