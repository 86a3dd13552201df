package io.roamdesk.api;

import io.roamdesk.app.App;
import io.roamdesk.audit.Actor;

/** The authenticated caller of an API request: the app in the path and the client behind the token. */
record ApiCaller(App app, String clientId) {

    Actor actor() {
        return Actor.apiClient(clientId);
    }
}
