package io.roamdesk.api;

import io.roamdesk.app.App;

/** The authenticated caller of an API request: the app in the path and the client behind the token. */
record ApiCaller(App app, String clientId) {
}
