package io.roamdesk.audit;

/** Who did something: a console account with its role, or an API client of an app. */
public record Actor(String name, String role) {

    public static final String API_CLIENT = "API_CLIENT";

    public static Actor apiClient(String clientId) {
        return new Actor(clientId, API_CLIENT);
    }
}
