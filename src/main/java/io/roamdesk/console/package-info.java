/** The Vaadin admin console. Views call services only; none touches jOOQ. */
@NullMarked
package io.roamdesk.console;

import org.jspecify.annotations.NullMarked;
