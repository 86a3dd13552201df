package io.roamdesk.app;

import io.roamdesk.core.AutoCommit;
import io.roamdesk.core.ErrorKind;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.core.Sha256;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API clients of an app (secrets stored as password hashes) and the bearer tokens they obtain.
 * Tokens are random; only their SHA-256 is stored, so a copy of the database grants nothing, and
 * any instance on the same database accepts a token another instance issued.
 */
@Service
public class ApiCredentials {

    public static final long DEFAULT_TTL_SECONDS = 7 * 24 * 3600L;
    public static final long MAX_TTL_SECONDS = 365 * 24 * 3600L;
    /** The documented demo client (README): it works in demo runs only, whatever the database holds. */
    public static final String DEMO_CLIENT_ID = "roamdesk-demo";

    private final ApiClientRepository apiClients;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final boolean demoRun;
    private final SecureRandom random = new SecureRandom();
    /** Valid tokens seen lately (hash → client, expiry); revoking evicts here, other instances follow within the TTL. */
    private final com.github.benmanes.caffeine.cache.Cache<String, java.util.Map.Entry<String, Long>> valid =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().expireAfterWrite(java.time.Duration.ofSeconds(5))
                    .maximumSize(100_000).build();

    ApiCredentials(ApiClientRepository apiClients, PasswordEncoder encoder, Clock clock,
            @Value("${roamdesk.demo.enabled:false}") boolean demoRun) {
        this.apiClients = apiClients;
        this.encoder = encoder;
        this.clock = clock;
        this.demoRun = demoRun;
    }

    /** Outside demo runs the demo client is refused, even on a database that once held the demo data. */
    private boolean refused(String clientId) {
        return !demoRun && DEMO_CLIENT_ID.equals(clientId);
    }

    /** A freshly issued token: the only time its clear text exists. */
    public record IssuedToken(String accessToken, long expiresInSeconds) {
    }

    /**
     * After a rotation the previous secret still gets tokens for this long, so an integrator can switch
     * over without downtime (docs/api.md). Tokens already issued are not touched by a rotation.
     */
    public static final java.time.Duration ROTATION_GRACE = java.time.Duration.ofHours(24);
    public static final int MAX_DESCRIPTION = 200;

    /** A client's id and secret as created or rotated: the only time the secret's clear text exists. */
    public record IssuedSecret(String clientId, String secret) {
    }

    /** What the console shows of a client: never its secret. */
    public record ClientInfo(String clientId, String description, boolean disabled, long createdAt,
            long previousSecretUntil) {
    }

    /** Creates a client with a generated id and secret; the secret is stored as a password hash only. */
    @Transactional
    public IssuedSecret createClient(long appId, String description) {
        String text = description == null ? "" : description.strip();
        if (text.isEmpty() || text.length() > MAX_DESCRIPTION) {
            throw RoamdeskException.badRequest("a description (1-" + MAX_DESCRIPTION + " characters) is required");
        }
        String clientId = "YXA6" + randomText(16);
        String secret = "YXA6" + randomText(32);
        createClient(appId, clientId, secret, text);
        return new IssuedSecret(clientId, secret);
    }

    /**
     * A new secret for the client; the previous one keeps working for new grants during
     * {@link #ROTATION_GRACE} (a second rotation ends the grace of the first at once).
     */
    @Transactional
    public IssuedSecret rotateSecret(long appId, String clientId) {
        var client = requireClient(appId, clientId);
        if (client.getRevoked()) {
            throw RoamdeskException.badRequest("client " + clientId + " is disabled: enable it before rotating");
        }
        String secret = "YXA6" + randomText(32);
        apiClients.rotateSecret(appId, clientId, client.getSecretHash(), clock.millis() + ROTATION_GRACE.toMillis(),
                encoder.encode(secret));
        return new IssuedSecret(clientId, secret);
    }

    /**
     * Disables a client (no new grants with any of its secrets, its tokens end at once) or enables it
     * again (its current secret works again; ended tokens stay ended). Answers the tokens ended.
     */
    @Transactional
    public int setClientDisabled(long appId, String clientId, boolean disabled) {
        var client = requireClient(appId, clientId);
        if (client.getRevoked() == disabled) {
            throw RoamdeskException.badRequest("client " + clientId + " is already " + (disabled ? "disabled" : "enabled"));
        }
        apiClients.setDisabled(appId, clientId, disabled);
        return disabled ? revokeTokens(appId, clientId) : 0;
    }

    @Transactional(readOnly = true)
    public java.util.List<ClientInfo> clientList(long appId) {
        return apiClients.clientsByAge(appId).stream()
                .map(r -> new ClientInfo(r.getClientId(), r.getDescription(), r.getRevoked(), r.getCreatedAt(),
                        r.getPreviousSecretUntil() > clock.millis() ? r.getPreviousSecretUntil() : 0L))
                .toList();
    }

    private io.roamdesk.jooq.tables.records.ApiClientRecord requireClient(long appId, String clientId) {
        var client = apiClients.lock(appId, clientId);
        if (client == null) {
            throw RoamdeskException.notFound("resource_not_found", "no API client " + clientId + " in this application");
        }
        return client;
    }

    private String randomText(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    @Transactional
    public void createClient(long appId, String clientId, String secret, String description) {
        apiClients.insertClient(appId, clientId, encoder.encode(secret), description, clock.millis());
    }

    /** Client-credentials grant; {@code ttlSeconds} 0 means the default lifetime. */
    @Transactional
    public IssuedToken issueToken(App app, String clientId, String secret, long ttlSeconds) {
        if (ttlSeconds < 0 || ttlSeconds > MAX_TTL_SECONDS) {
            throw RoamdeskException.badRequest("ttl must be between 0 and " + MAX_TTL_SECONDS);
        }
        var client = apiClients.find(app.appId(), clientId);
        if (client == null || client.getRevoked() || refused(clientId) || !secretMatches(client, secret)) {
            throw new RoamdeskException(ErrorKind.BAD_REQUEST, "invalid_grant", "client_id or client_secret is wrong");
        }
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = "YWMt" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        long ttl = ttlSeconds == 0 ? DEFAULT_TTL_SECONDS : ttlSeconds;
        long now = clock.millis();
        apiClients.insertToken(app.appId(), Sha256.hex(token), clientId, now, now + ttl * 1000);
        return new IssuedToken(token, ttl);
    }

    /** The current secret, or the previous one while its rotation grace lasts. */
    private boolean secretMatches(io.roamdesk.jooq.tables.records.ApiClientRecord client, String secret) {
        if (encoder.matches(secret, client.getSecretHash())) {
            return true;
        }
        return client.getPreviousSecretHash() != null && client.getPreviousSecretUntil() > clock.millis()
                && encoder.matches(secret, client.getPreviousSecretHash());
    }

    /** The client id the token was issued to, if it is valid for this app right now. */
    @AutoCommit
    public java.util.Optional<String> verify(App app, String token) {
        String hash = Sha256.hex(token);
        String key = app.appId() + ":" + hash;
        var cached = valid.getIfPresent(key);
        long now = clock.millis();
        if (cached != null && cached.getValue() > now) {
            return java.util.Optional.of(cached.getKey());
        }
        var found = apiClients.validToken(app.appId(), hash, now);
        found = found.filter(r -> !refused(r.clientId()));
        found.ifPresent(r -> valid.put(key, java.util.Map.entry(r.clientId(), r.expiresAt())));
        return found.map(r -> r.clientId());
    }

    /** The app's API clients (ids only: secrets are never readable). */
    @Transactional(readOnly = true)
    public java.util.List<String> clients(long appId) {
        return apiClients.clientIds(appId);
    }

    /** Revokes every token of a client (its secret stays valid for new grants). */
    @Transactional
    public int revokeTokens(long appId, String clientId) {
        valid.invalidateAll();
        return apiClients.deleteTokens(appId, clientId);
    }
}
