package io.roamdesk.console.support;

import io.roamdesk.app.App;
import io.roamdesk.app.AppAccess;
import io.roamdesk.app.AppKey;
import io.roamdesk.app.AppScope;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The apps the signed-in account may act on, for every console screen: pickers list only these, and
 * a deep link to any other app finds nothing, exactly as if that app did not exist ({@link AppAccess}).
 */
@Component
public class ScopedApps {

    private final AppAccess access;
    private final CurrentAccount account;

    ScopedApps(AppAccess access, CurrentAccount account) {
        this.access = access;
        this.account = account;
    }

    public List<App> list() {
        return access.visibleApps(account.name());
    }

    public AppScope scope() {
        return access.scopeOf(account.name());
    }

    /** The app named by a deep link ({@code org#app}), if it exists and the account may act on it. */
    public Optional<App> find(String key) {
        try {
            return access.find(account.name(), AppKey.parse(key));
        } catch (io.roamdesk.core.RoamdeskException malformed) {
            return Optional.empty();
        }
    }

    /** The app, or the same refusal an unknown app gets. */
    public App require(AppKey key) {
        return access.require(account.name(), key);
    }

    public boolean permits(long appId) {
        return scope().permits(appId);
    }
}
