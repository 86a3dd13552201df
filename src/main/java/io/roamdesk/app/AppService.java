package io.roamdesk.app;

import io.roamdesk.core.AutoCommit;
import io.roamdesk.core.ErrorKind;
import io.roamdesk.core.IdGenerator;
import io.roamdesk.core.RoamdeskException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Apps and their value-added settings, with the history of every change. */
@Service
public class AppService {

    public static final String ROAMING_OFF = "this appKey not open message roaming";
    public static final int MAX_REASON = 500;

    /**
     * Every API call resolves its app: a cache saves that round trip. A change made here evicts it
     * at once; other instances see it within about {@link #CACHE_REFRESH}: an entry older than that
     * is still answered while one background reload fetches it again, so no request ever waits on
     * another's reload, and while the database is away the last known app is used (its own
     * statements then fail fast) for up to {@link #CACHE_TTL}.
     */
    static final java.time.Duration CACHE_REFRESH = java.time.Duration.ofSeconds(1);
    static final java.time.Duration CACHE_TTL = java.time.Duration.ofMinutes(5);

    private final AppRepository apps;
    private final IdGenerator ids;
    private final Clock clock;
    private final com.github.benmanes.caffeine.cache.LoadingCache<AppKey, Optional<App>> byKey;

    AppService(AppRepository apps, IdGenerator ids, Clock clock) {
        this.apps = apps;
        this.ids = ids;
        this.clock = clock;
        this.byKey = com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                .refreshAfterWrite(CACHE_REFRESH).expireAfterWrite(CACHE_TTL).maximumSize(10_000)
                .build(apps::find);
    }

    @Transactional(readOnly = true)
    public List<App> listApps() {
        return apps.findAll();
    }

    @AutoCommit
    public Optional<App> find(AppKey key) {
        return byKey.get(key);
    }

    /** An app by its internal id (background work that stored only the id). */
    @Transactional(readOnly = true)
    public Optional<App> byId(long appId) {
        return apps.find(appId);
    }

    /**
     * The app for a REST API call: a 404 {@code organization_application_not_found} when unknown, a 403
     * {@code forbidden_op} when an administrator disabled it (its data is kept; docs/api.md).
     */
    @AutoCommit
    public App require(AppKey key) {
        App app = find(key).orElseThrow(() -> RoamdeskException.notFound(
                "organization_application_not_found", "Could not find application for " + key));
        if (!app.enabled()) {
            throw new RoamdeskException(ErrorKind.FORBIDDEN, APP_DISABLED_CODE, APP_DISABLED);
        }
        return app;
    }

    public static final String APP_DISABLED_CODE = "forbidden_op";
    public static final String APP_DISABLED = "this application is disabled";

    /**
     * Disables or enables an app. Disabled, its REST API refuses every call (tokens included); nothing
     * is deleted, and enabling it again brings back the API with the same data, clients and tokens.
     */
    @Transactional
    public App setEnabled(long appId, boolean enabled) {
        App app = apps.find(appId).orElseThrow(() -> RoamdeskException.notFound(
                "organization_application_not_found", "Unknown application"));
        if (app.enabled() == enabled) {
            throw RoamdeskException.badRequest("the application is already " + (enabled ? "enabled" : "disabled"));
        }
        apps.setEnabled(appId, enabled);
        byKey.invalidate(app.key());
        return apps.find(appId).orElseThrow();
    }

    @Transactional
    public App createApp(AppKey key, AppSettings settings) {
        AppNames.check(key);
        if (apps.find(key).isPresent()) {
            throw new RoamdeskException(ErrorKind.CONFLICT, "duplicate_unique_property_exists",
                    "Application " + key + " already exists");
        }
        long id = ids.nextId();
        apps.insert(id, key, settings, clock.millis());
        byKey.invalidate(key);
        return apps.find(id).orElseThrow();
    }

    /**
     * Changes one setting and records who, when, old → new and why, in one transaction. Refuses a
     * blank reason, an invalid value, and a change that raced with another one.
     */
    @Transactional
    public App changeSetting(long appId, int expectedVersion, Setting setting, String newValue, String actor,
            String reason) {
        return changeSettingRecorded(appId, expectedVersion, setting, newValue, actor, reason).app();
    }

    /** The app after a change and the change as recorded (its old value is what the audit trail keeps). */
    public record ChangedSetting(App app, SettingChange change) {
    }

    /** {@link #changeSetting}, answering the recorded change too. */
    @Transactional
    public ChangedSetting changeSettingRecorded(long appId, int expectedVersion, Setting setting, String newValue,
            String actor, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw RoamdeskException.badRequest("a reason (1-" + MAX_REASON + " characters) is required");
        }
        App app = apps.find(appId).orElseThrow(() -> RoamdeskException.notFound(
                "organization_application_not_found", "Unknown application"));
        String oldValue = setting.valueIn(app.settings());
        AppSettings changed = setting.apply(app.settings(), newValue);
        if (oldValue.equals(setting.valueIn(changed))) {
            throw RoamdeskException.badRequest(setting.name().toLowerCase() + " is already " + oldValue);
        }
        long now = clock.millis();
        if (app.settingsVersion() != expectedVersion || !apps.update(appId, expectedVersion, changed, now)) {
            throw new RoamdeskException(ErrorKind.CONFLICT, "concurrent_modification",
                    "The settings were changed by someone else meanwhile; reload and try again");
        }
        byKey.invalidate(app.key());
        SettingChange change = new SettingChange(now, actor, setting, oldValue, setting.valueIn(changed), why);
        apps.insertChange(appId, ids.nextId(), change);
        return new ChangedSetting(apps.find(appId).orElseThrow(), change);
    }

    @Transactional(readOnly = true)
    public List<SettingChange> history(long appId, int limit) {
        return apps.changes(appId, limit);
    }
}
