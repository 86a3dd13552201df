/** Operations: the actuator endpoints' access rules (health probes open, metrics behind a secret). */
@NullMarked
package io.roamdesk.ops;

import org.jspecify.annotations.NullMarked;
