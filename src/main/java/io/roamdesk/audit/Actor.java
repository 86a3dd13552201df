package io.roamdesk.audit;

/** Who did something: a console account with its role, an API client of an app, or an end user. */
public record Actor(String name, String role) {

    public static final String API_CLIENT = "API_CLIENT";

    public static final String END_USER = "END_USER";

    /** An end user acting on its own data with its user token. */
    public static Actor endUser(String username) {
        return new Actor(username, END_USER);
    }

    public static Actor apiClient(String clientId) {
        return new Actor(clientId, API_CLIENT);
    }
}
