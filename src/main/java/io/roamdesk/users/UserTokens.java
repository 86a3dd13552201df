package io.roamdesk.users;

import io.roamdesk.app.ApiCredentials;
import io.roamdesk.app.App;
import io.roamdesk.core.AutoCommit;
import io.roamdesk.core.ErrorKind;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.core.Sha256;
import io.roamdesk.roaming.Usernames;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User tokens: {@code YWMu<username, base64url>.<32 random bytes, base64url>}. The name inside
 * lets a check read only that user's rows (the shard key); only the SHA-256 of the whole token
 * is stored, so naming a user in a forged token grants nothing. A token ends at its expiry, when
 * its user is deleted or when the password changes.
 */
@Service
public class UserTokens {

    static final String PREFIX = "YWMu";

    private final EndUserRepository repo;
    private final EndUsers users;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Compared against when the user is unknown, so a wrong name costs the same time as a wrong password. */
    private final String decoyHash;

    UserTokens(EndUserRepository repo, EndUsers users, PasswordEncoder encoder, Clock clock) {
        this.repo = repo;
        this.users = users;
        this.encoder = encoder;
        this.clock = clock;
        this.decoyHash = encoder.encode("decoy-password-never-matches");
    }

    /** A freshly issued user token: the only time its clear text exists. */
    public record IssuedUserToken(String accessToken, long expiresInSeconds, EndUser user) {
    }

    /** The password grant. Wrong name, no password set, deactivated or wrong password: 400 invalid_grant. */
    @Transactional
    public IssuedUserToken passwordGrant(App app, String username, String password, long ttlSeconds) {
        long ttl = ttl(ttlSeconds);
        String name = Usernames.normalize(username, "username");
        var hash = repo.passwordHash(app.appId(), name);
        boolean matches = encoder.matches(password, hash.orElse(decoyHash)) && hash.isPresent();
        if (!matches) {
            throw new RoamdeskException(ErrorKind.BAD_REQUEST, "invalid_grant", "invalid username or password");
        }
        return issue(app, repo.find(app.appId(), name).orElseThrow(), ttl);
    }

    /** The inherit grant (the caller has proven the app's token): a token for any user of the app. */
    @Transactional
    public IssuedUserToken inheritGrant(App app, String username, boolean autoCreate, long ttlSeconds) {
        long ttl = ttl(ttlSeconds);
        EndUser user = users.getOrCreate(app, username, autoCreate);
        if (!user.activated()) {
            throw new RoamdeskException(ErrorKind.BAD_REQUEST, "invalid_grant", "user " + user.username() + " is deactivated");
        }
        return issue(app, user, ttl);
    }

    /** The user a token belongs to, if it is a valid user token of this app right now. */
    @AutoCommit
    public Optional<String> verify(App app, String token) {
        Optional<String> name = nameIn(token);
        if (name.isEmpty() || !repo.tokenValid(app.appId(), name.get(), Sha256.hex(token), clock.millis())) {
            return Optional.empty();
        }
        return name;
    }

    /** Whether a bearer token has the user-token form (it may still be invalid). */
    public static boolean isUserToken(String token) {
        return token.startsWith(PREFIX);
    }

    private IssuedUserToken issue(App app, EndUser user, long ttl) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        var b64 = Base64.getUrlEncoder().withoutPadding();
        String token = PREFIX + b64.encodeToString(user.username().getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(raw);
        long now = clock.millis();
        repo.insertToken(app.appId(), user.username(), Sha256.hex(token), now, now + ttl * 1000);
        return new IssuedUserToken(token, ttl, user);
    }

    private static Optional<String> nameIn(String token) {
        int dot = token.indexOf('.');
        if (!token.startsWith(PREFIX) || dot < 0) {
            return Optional.empty();
        }
        try {
            String name = new String(Base64.getUrlDecoder().decode(token.substring(PREFIX.length(), dot)),
                    StandardCharsets.UTF_8);
            return Usernames.isValid(name) && name.equals(name.toLowerCase(java.util.Locale.ROOT))
                    ? Optional.of(name) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static long ttl(long ttlSeconds) {
        if (ttlSeconds < 0 || ttlSeconds > ApiCredentials.MAX_TTL_SECONDS) {
            throw RoamdeskException.badRequest("ttl must be between 0 and " + ApiCredentials.MAX_TTL_SECONDS);
        }
        return ttlSeconds == 0 ? ApiCredentials.DEFAULT_TTL_SECONDS : ttlSeconds;
    }
}
