package io.roamdesk.api;

import io.roamdesk.app.App;
import io.roamdesk.audit.Actor;
import org.jspecify.annotations.Nullable;

/**
 * The authenticated caller of an API request: the app in the path and either the API client
 * behind an app token or the end user behind a user token ({@code user} set).
 */
record ApiCaller(App app, String clientId, @Nullable String user) {

    static ApiCaller client(App app, String clientId) {
        return new ApiCaller(app, clientId, null);
    }

    static ApiCaller endUser(App app, String username) {
        return new ApiCaller(app, "", username);
    }

    boolean isUser() {
        return user != null;
    }

    Actor actor() {
        return user != null ? Actor.endUser(user) : Actor.apiClient(clientId);
    }
}
