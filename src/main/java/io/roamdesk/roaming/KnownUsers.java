package io.roamdesk.roaming;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Registers users in {@code app_user} as messages arrive, once per instance: a send between users
 * this instance has already written skips that statement (most sends are between known users).
 * Users are never deleted, so a remembered name stays true; a name is remembered only after the
 * transaction that wrote it commits.
 */
@Component
class KnownUsers {

    private final RoamingRepository repo;
    private final Cache<String, Boolean> written = Caffeine.newBuilder().maximumSize(500_000).build();

    KnownUsers(RoamingRepository repo) {
        this.repo = repo;
    }

    void ensure(long appId, Collection<String> usernames, long now) {
        List<String> fresh = usernames.stream().filter(u -> written.getIfPresent(key(appId, u)) == null).toList();
        if (fresh.isEmpty()) {
            return;
        }
        repo.ensureUsers(appId, fresh, now);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    fresh.forEach(u -> written.put(key(appId, u), Boolean.TRUE));
                }
            });
        }
    }

    private static String key(long appId, String username) {
        return appId + "/" + username;
    }
}
