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
 * A name is remembered only after the transaction that wrote it commits; deleting a user (see
 * EndUsers) forgets it on this instance, another instance keeps skipping the insert until it restarts
 * (the row then comes back with the user's next registration, not with its next message there).
 */
@Component
class KnownUsers {

    private final UserDirectoryRepository userDirectory;
    private final Cache<String, Boolean> written = Caffeine.newBuilder().maximumSize(500_000).build();

    KnownUsers(UserDirectoryRepository userDirectory) {
        this.userDirectory = userDirectory;
    }

    void ensure(long appId, Collection<String> usernames, long now) {
        List<String> fresh = usernames.stream().filter(u -> written.getIfPresent(key(appId, u)) == null).toList();
        if (fresh.isEmpty()) {
            return;
        }
        userDirectory.ensureUsers(appId, fresh, now);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    fresh.forEach(u -> written.put(key(appId, u), Boolean.TRUE));
                }
            });
        }
    }

    void forget(long appId, String username) {
        written.invalidate(key(appId, username));
    }

    private static String key(long appId, String username) {
        return appId + "/" + username;
    }
}
