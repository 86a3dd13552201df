package io.roamdesk.roaming;

/** A deletion's consequence for one user's list: this conversation, listed now, would leave it, for this reason. */
public record ListChange(String owner, String convId, ChatType chatType, Listing after) {
}
