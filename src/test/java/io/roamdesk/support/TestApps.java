package io.roamdesk.support;

import io.roamdesk.app.ApiCredentials;
import io.roamdesk.app.App;
import io.roamdesk.app.AppKey;
import io.roamdesk.app.AppService;
import io.roamdesk.app.AppSettings;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh apps for tests, so that tests never see each other's data. */

public class TestApps {

    public static final String CLIENT_ID = "test-client";
    public static final String CLIENT_SECRET = "test-secret";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final AppService apps;
    private final ApiCredentials credentials;

    TestApps(AppService apps, ApiCredentials credentials) {
        this.apps = apps;
        this.credentials = credentials;
    }

    public App create(AppSettings settings) {
        AppKey key = new AppKey("test", "app" + System.nanoTime() % 1_000_000 + "-" + COUNTER.incrementAndGet());
        App app = apps.createApp(key, settings);
        credentials.createClient(app.appId(), CLIENT_ID, CLIENT_SECRET, "test client");
        return app;
    }

    public App createRoaming() {
        return create(AppSettings.defaults().withRoaming(true).withOneWayDelete(true));
    }
}
