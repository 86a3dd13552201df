package io.roamdesk.security;

import static io.roamdesk.jooq.Tables.CONSOLE_PREFERENCE;

import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Console accounts' preferences, one row per account that chose something. */
@Repository
class ConsolePreferenceRepository {

    private final DSLContext db;

    ConsolePreferenceRepository(DSLContext db) {
        this.db = db;
    }

    Optional<String> theme(String username) {
        return db.select(CONSOLE_PREFERENCE.THEME).from(CONSOLE_PREFERENCE)
                .where(CONSOLE_PREFERENCE.USERNAME.eq(username)).fetchOptional(CONSOLE_PREFERENCE.THEME);
    }

    void saveTheme(String username, String theme, long now) {
        db.insertInto(CONSOLE_PREFERENCE)
                .set(CONSOLE_PREFERENCE.USERNAME, username)
                .set(CONSOLE_PREFERENCE.THEME, theme)
                .set(CONSOLE_PREFERENCE.UPDATED_AT, now)
                .onDuplicateKeyUpdate()
                .set(CONSOLE_PREFERENCE.THEME, theme)
                .set(CONSOLE_PREFERENCE.UPDATED_AT, now)
                .execute();
    }
}
