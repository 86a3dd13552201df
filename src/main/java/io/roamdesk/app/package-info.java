/** Apps (tenants) and their value-added settings with change history. */
@NullMarked
package io.roamdesk.app;

import org.jspecify.annotations.NullMarked;
