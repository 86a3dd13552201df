package io.roamdesk.app;

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

    // a single consistent read per statement is enough here: no transaction round trips on the hot path
    public Optional<App> find(AppKey key) {
        return byKey.get(key);
    }

    /** An app by its internal id (background work that stored only the id). */
    @Transactional(readOnly = true)
    public Optional<App> byId(long appId) {
        return apps.find(appId);
    }

    /** The app, or a 404 {@code organization_application_not_found}. */
    // a single consistent read per statement is enough here: no transaction round trips on the hot path
    public App require(AppKey key) {
        return find(key).orElseThrow(() -> RoamdeskException.notFound(
                "organization_application_not_found", "Could not find application for " + key));
    }

    @Transactional
    public App createApp(AppKey key, AppSettings settings) {
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
        apps.insertChange(appId, ids.nextId(),
                new SettingChange(now, actor, setting, oldValue, setting.valueIn(changed), why));
        return apps.find(appId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<SettingChange> history(long appId, int limit) {
        return apps.changes(appId, limit);
    }
}
