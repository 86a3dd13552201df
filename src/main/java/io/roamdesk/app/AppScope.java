package io.roamdesk.app;

import java.util.Set;

/** The apps a console account may act on: every app, or exactly the listed ones (possibly none). */
public record AppScope(boolean allApps, Set<Long> appIds) {

    public static final AppScope ALL = new AppScope(true, Set.of());
    public static final AppScope NONE = new AppScope(false, Set.of());

    public AppScope {
        appIds = allApps ? Set.of() : Set.copyOf(appIds);
    }

    public static AppScope of(Set<Long> appIds) {
        return new AppScope(false, appIds);
    }

    public boolean permits(long appId) {
        return allApps || appIds.contains(appId);
    }
}
