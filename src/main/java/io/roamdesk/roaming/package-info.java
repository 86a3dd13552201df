/** The roaming domain: messages, each user's conversation index, history and deletions. */
@NullMarked
package io.roamdesk.roaming;

import org.jspecify.annotations.NullMarked;
