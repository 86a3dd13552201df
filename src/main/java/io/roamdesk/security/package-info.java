/** Console accounts, roles and the console's Spring Security chain. */
@NullMarked
package io.roamdesk.security;

import org.jspecify.annotations.NullMarked;
