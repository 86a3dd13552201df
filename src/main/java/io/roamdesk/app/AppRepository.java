package io.roamdesk.app;

import static io.roamdesk.jooq.Tables.APP;
import static io.roamdesk.jooq.Tables.APP_SETTING;
import static io.roamdesk.jooq.Tables.APP_SETTING_CHANGE;

import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

@Repository
class AppRepository {

    private final DSLContext db;

    AppRepository(DSLContext db) {
        this.db = db;
    }

    List<App> findAll() {
        return db.select().from(APP).join(APP_SETTING).on(APP_SETTING.APP_ID.eq(APP.APP_ID))
                .orderBy(APP.ORG_NAME, APP.APP_NAME)
                .fetch(AppRepository::toApp);
    }

    /** The apps of a listed scope, ordered like {@link #findAll()}; a scope of every app asks findAll. */
    List<App> findAll(java.util.Collection<Long> appIds) {
        return db.select().from(APP).join(APP_SETTING).on(APP_SETTING.APP_ID.eq(APP.APP_ID))
                .where(APP.APP_ID.in(appIds))
                .orderBy(APP.ORG_NAME, APP.APP_NAME)
                .fetch(AppRepository::toApp);
    }

    Optional<App> find(AppKey key) {
        return db.select().from(APP).join(APP_SETTING).on(APP_SETTING.APP_ID.eq(APP.APP_ID))
                .where(APP.ORG_NAME.eq(key.org())).and(APP.APP_NAME.eq(key.app()))
                .fetchOptional(AppRepository::toApp);
    }

    Optional<App> find(long appId) {
        return db.select().from(APP).join(APP_SETTING).on(APP_SETTING.APP_ID.eq(APP.APP_ID))
                .where(APP.APP_ID.eq(appId))
                .fetchOptional(AppRepository::toApp);
    }

    void insert(long appId, AppKey key, AppSettings s, long now) {
        db.insertInto(APP)
                .set(APP.APP_ID, appId)
                .set(APP.ORG_NAME, key.org())
                .set(APP.APP_NAME, key.app())
                .set(APP.CREATED_AT, now)
                .set(APP.ENABLED, true)
                .execute();
        db.insertInto(APP_SETTING)
                .set(APP_SETTING.APP_ID, appId)
                .set(APP_SETTING.ROAMING_ENABLED, s.roamingEnabled())
                .set(APP_SETTING.ONE_WAY_DELETE_ENABLED, s.oneWayDeleteEnabled())
                .set(APP_SETTING.REST_IN_LIST, s.restInList())
                .set(APP_SETTING.CONVERSATION_CAP, s.conversationCap())
                .set(APP_SETTING.LEGACY_DAYS, s.legacyDays())
                .set(APP_SETTING.LEGACY_COUNT, s.legacyCount())
                .set(APP_SETTING.RECALL_WINDOW_SECONDS, s.recallWindowSeconds())
                .set(APP_SETTING.UNDO_WINDOW_MINUTES, s.undoWindowMinutes())
                .set(APP_SETTING.DELETE_GRACE_HOURS, s.deleteGraceHours())
                .set(APP_SETTING.RETENTION_DAYS, s.retentionDays())
                .set(APP_SETTING.BIG_GROUP_MEMBERS, s.bigGroupMembers())
                .set(APP_SETTING.UPDATED_AT, now)
                .set(APP_SETTING.VERSION, 1)
                .execute();
    }

    boolean setEnabled(long appId, boolean enabled) {
        return db.update(APP).set(APP.ENABLED, enabled).where(APP.APP_ID.eq(appId)).execute() == 1;
    }

    /** Writes {@code s} only if nobody changed the settings since {@code version} was read. */
    boolean update(long appId, int version, AppSettings s, long now) {
        return db.update(APP_SETTING)
                .set(APP_SETTING.ROAMING_ENABLED, s.roamingEnabled())
                .set(APP_SETTING.ONE_WAY_DELETE_ENABLED, s.oneWayDeleteEnabled())
                .set(APP_SETTING.REST_IN_LIST, s.restInList())
                .set(APP_SETTING.CONVERSATION_CAP, s.conversationCap())
                .set(APP_SETTING.LEGACY_DAYS, s.legacyDays())
                .set(APP_SETTING.LEGACY_COUNT, s.legacyCount())
                .set(APP_SETTING.RECALL_WINDOW_SECONDS, s.recallWindowSeconds())
                .set(APP_SETTING.UNDO_WINDOW_MINUTES, s.undoWindowMinutes())
                .set(APP_SETTING.DELETE_GRACE_HOURS, s.deleteGraceHours())
                .set(APP_SETTING.RETENTION_DAYS, s.retentionDays())
                .set(APP_SETTING.BIG_GROUP_MEMBERS, s.bigGroupMembers())
                .set(APP_SETTING.UPDATED_AT, now)
                .set(APP_SETTING.VERSION, version + 1)
                .where(APP_SETTING.APP_ID.eq(appId)).and(APP_SETTING.VERSION.eq(version))
                .execute() == 1;
    }

    void insertChange(long appId, long changeId, SettingChange c) {
        db.insertInto(APP_SETTING_CHANGE)
                .set(APP_SETTING_CHANGE.APP_ID, appId)
                .set(APP_SETTING_CHANGE.CHANGE_ID, changeId)
                .set(APP_SETTING_CHANGE.CHANGED_AT, c.changedAt())
                .set(APP_SETTING_CHANGE.ACTOR, c.actor())
                .set(APP_SETTING_CHANGE.SETTING, c.setting().name())
                .set(APP_SETTING_CHANGE.OLD_VALUE, c.oldValue())
                .set(APP_SETTING_CHANGE.NEW_VALUE, c.newValue())
                .set(APP_SETTING_CHANGE.REASON, c.reason())
                .execute();
    }

    List<SettingChange> changes(long appId, int limit) {
        return db.selectFrom(APP_SETTING_CHANGE)
                .where(APP_SETTING_CHANGE.APP_ID.eq(appId))
                .orderBy(APP_SETTING_CHANGE.CHANGE_ID.desc())
                .limit(limit)
                .fetch(r -> new SettingChange(r.getChangedAt(), r.getActor(), Setting.valueOf(r.getSetting()),
                        r.getOldValue(), r.getNewValue(), r.getReason()));
    }

    private static App toApp(Record r) {
        AppSettings s = new AppSettings(
                r.get(APP_SETTING.ROAMING_ENABLED),
                r.get(APP_SETTING.ONE_WAY_DELETE_ENABLED),
                r.get(APP_SETTING.REST_IN_LIST),
                r.get(APP_SETTING.CONVERSATION_CAP),
                r.get(APP_SETTING.LEGACY_DAYS),
                r.get(APP_SETTING.LEGACY_COUNT),
                r.get(APP_SETTING.RECALL_WINDOW_SECONDS),
                r.get(APP_SETTING.UNDO_WINDOW_MINUTES),
                r.get(APP_SETTING.DELETE_GRACE_HOURS),
                r.get(APP_SETTING.RETENTION_DAYS),
                r.get(APP_SETTING.BIG_GROUP_MEMBERS));
        return new App(r.get(APP.APP_ID), new AppKey(r.get(APP.ORG_NAME), r.get(APP.APP_NAME)), s,
                r.get(APP_SETTING.VERSION), r.get(APP.ENABLED));
    }
}
