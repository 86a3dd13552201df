/**
 * End users of an app in the vendor's sense: registration with a password, the user tokens of the
 * password and inherit grants, and what a user token may reach. Rows keyed by app + user.
 */
@NullMarked
package io.roamdesk.users;

import org.jspecify.annotations.NullMarked;
