/** The tamper-evident audit trail and the audited form of every administrative action. */
@NullMarked
package io.roamdesk.audit;

import org.jspecify.annotations.NullMarked;
