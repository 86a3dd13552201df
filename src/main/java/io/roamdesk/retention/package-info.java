/** Per-app retention: the scheduled purge of messages older than the app keeps them. */
@NullMarked
package io.roamdesk.retention;

import org.jspecify.annotations.NullMarked;
