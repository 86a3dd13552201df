package io.roamdesk.client;

/** The seed's {@code SearchDirection}: {@code UP} towards older messages (the default), {@code DOWN} towards newer. */
public enum SearchDirection {
    UP,
    DOWN
}
