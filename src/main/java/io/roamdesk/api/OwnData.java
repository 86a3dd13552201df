package io.roamdesk.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint a user token may call, on its own data only: the path variable named here
 * must be the token's user. Every endpoint without it answers 403 to a user token (sends, user
 * management, anything about another user); app tokens reach everything.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface OwnData {

    /** The path variable holding the owner of the data. */
    String value();
}
