package io.roamdesk.users;

import io.roamdesk.app.App;
import io.roamdesk.core.ErrorKind;
import io.roamdesk.core.RetriedOnDeadlock;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.roaming.IngestService;
import io.roamdesk.roaming.Usernames;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Registration, lookup, deletion and passwords of an app's end users. Passwords are stored as
 * Spring Security hashes; users that exist only because messages named them have none until one
 * is set (by registering them or by the password call). A password change or a deletion ends
 * every token of the user.
 */
@Service
public class EndUsers {

    /** The vendor registers at most this many users per call. */
    public static final int MAX_BATCH = 60;

    private final EndUserRepository repo;
    private final PasswordEncoder encoder;
    private final IngestService ingest;
    private final Clock clock;

    EndUsers(EndUserRepository repo, PasswordEncoder encoder, IngestService ingest, Clock clock) {
        this.repo = repo;
        this.encoder = encoder;
        this.ingest = ingest;
        this.clock = clock;
    }

    /** A user to register, as the request gave it. */
    public record NewUser(String username, String password) {
    }

    /**
     * Registers every user or none: a name that already has a password is a 400
     * {@code duplicate_unique_property_exists}; a user known only from messages gets the password.
     */
    @RetriedOnDeadlock
    @Transactional
    public List<EndUser> register(App app, List<NewUser> users) {
        if (users.isEmpty() || users.size() > MAX_BATCH) {
            throw RoamdeskException.badRequest("register 1 to " + MAX_BATCH + " users per request");
        }
        Map<String, String> byName = new LinkedHashMap<>();
        for (NewUser u : users) {
            String name = Usernames.normalize(u.username(), "username");
            checkPassword(u.password());
            if (byName.put(name, u.password()) != null) {
                throw RoamdeskException.badRequest("username " + name + " is given twice");
            }
        }
        long now = clock.millis();
        List<EndUser> out = new ArrayList<>();
        for (var e : byName.entrySet()) {
            String hash = encoder.encode(e.getValue());
            var existing = repo.lock(app.appId(), e.getKey());
            if (existing.isPresent() && existing.get().hasPassword()) {
                throw new RoamdeskException(ErrorKind.BAD_REQUEST, "duplicate_unique_property_exists",
                        "Unable to create user entity due to duplicate unique property username " + e.getKey());
            }
            if (existing.isPresent()) {
                repo.setPassword(app.appId(), e.getKey(), hash, now);
            } else {
                repo.insert(app.appId(), e.getKey(), hash, now);
            }
            out.add(repo.find(app.appId(), e.getKey()).orElseThrow());
        }
        return out;
    }

    @Transactional(readOnly = true)
    public EndUser get(App app, String username) {
        String name = Usernames.normalize(username, "username");
        return repo.find(app.appId(), name).orElseThrow(() -> notFound(name));
    }

    /** A user for the inherit grant; created without a password when {@code create} says so. */
    @Transactional
    public EndUser getOrCreate(App app, String username, boolean create) {
        String name = Usernames.normalize(username, "username");
        var found = repo.find(app.appId(), name);
        if (found.isPresent() || !create) {
            return found.orElseThrow(() -> notFound(name));
        }
        repo.insert(app.appId(), name, null, clock.millis());
        return repo.find(app.appId(), name).orElseThrow();
    }

    /**
     * Deletes the user and its tokens. Its messages and conversation rows stay (they belong to
     * the other participants too); a later message naming it registers it again, without a password.
     */
    @Transactional
    public EndUser delete(App app, String username) {
        String name = Usernames.normalize(username, "username");
        EndUser user = repo.lock(app.appId(), name).orElseThrow(() -> notFound(name));
        repo.deleteTokens(app.appId(), name);
        repo.delete(app.appId(), name);
        afterCommit(() -> ingest.forgetUser(app, name));
        return user;
    }

    /** Sets the password (also for users known only from messages) and ends every token of the user. */
    @Transactional
    public void setPassword(App app, String username, String password) {
        String name = Usernames.normalize(username, "username");
        checkPassword(password);
        repo.lock(app.appId(), name).orElseThrow(() -> notFound(name));
        repo.setPassword(app.appId(), name, encoder.encode(password), clock.millis());
        repo.deleteTokens(app.appId(), name);
    }

    static void checkPassword(String password) {
        if (password == null || password.isEmpty()) {
            throw RoamdeskException.badRequest("field password cannot be null or empty");
        }
        // bcrypt reads at most 72 bytes: a longer password would be cut, so it is refused
        if (password.length() > 64 || password.getBytes(StandardCharsets.UTF_8).length > 72) {
            throw RoamdeskException.badRequest("password must be 1-64 characters and at most 72 bytes in UTF-8");
        }
    }

    private static RoamdeskException notFound(String name) {
        return RoamdeskException.notFound("service_resource_not_found", "Service resource not found: user " + name);
    }

    private static void afterCommit(Runnable r) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    r.run();
                }
            });
        } else {
            r.run();
        }
    }
}
