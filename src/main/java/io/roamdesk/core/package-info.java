/** Cross-cutting infrastructure: clock, ids, errors. Depends on no feature. */
@NullMarked
package io.roamdesk.core;

import org.jspecify.annotations.NullMarked;
