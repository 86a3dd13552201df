package io.roamdesk.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint a user token may call although no path variable names its user: the service
 * itself checks that the token's user sent what the call is about (a recall), and answers 403
 * otherwise. See {@link OwnData} for the endpoints that name the user in the path.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface SenderChecked {
}
