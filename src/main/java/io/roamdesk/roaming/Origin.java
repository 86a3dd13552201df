package io.roamdesk.roaming;

/** Where a message entered: the long-connection gateway (SDK) or the REST send API. */
public enum Origin {
    SDK, REST
}
