/** Exports of message content: one conversation as its owner sees it, or all of one user's, streamed. */
@NullMarked
package io.roamdesk.export;

import org.jspecify.annotations.NullMarked;
