/** The vendor-compatible REST API. Calls services only; never touches jOOQ. */
@NullMarked
package io.roamdesk.api;

import org.jspecify.annotations.NullMarked;
