package io.roamdesk.audit;

import io.roamdesk.app.ApiCredentials;
import io.roamdesk.app.App;
import io.roamdesk.app.AppAccess;
import io.roamdesk.app.AppKey;
import io.roamdesk.app.AppService;
import io.roamdesk.app.AppSettings;
import io.roamdesk.core.ErrorKind;
import io.roamdesk.app.Setting;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.core.TransientRetry;
import io.roamdesk.roaming.ConversationRef;
import io.roamdesk.roaming.DeletionService;
import io.roamdesk.roaming.Deleter;
import io.roamdesk.roaming.OneWayDeletion;
import io.roamdesk.roaming.UndoService;
import io.roamdesk.roaming.RecallService;
import io.roamdesk.users.EndUser;
import io.roamdesk.users.EndUsers;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every administrative change, from the console or the REST API, goes through here: the action and
 * its audit event commit together; a refused or failed action records its failure instead.
 */
@Service
public class AuditedActions {

    private final AuditTrail trail;
    private final DeletionService deletions;
    private final AppService apps;
    private final ApiCredentials credentials;
    private final DeletionJobs jobs;
    private final EndUsers users;
    private final TransactionTemplate tx;
    private final RecallService recalls;
    private final TransactionTemplate readCommitted;
    private final AppAccess access;
    private final UndoService undo;
    private final GracePeriodJobs purges;

    /** Console roles: their changes are checked against the account's apps (API callers are bound to their app). */
    static final java.util.Set<String> CONSOLE_ROLES = java.util.Set.of("SUPPORT", "APP_ADMIN", "AUDITOR", "PLATFORM_ADMIN");
    static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";

    AuditedActions(AuditTrail trail, DeletionService deletions, AppService apps, ApiCredentials credentials,
            DeletionJobs jobs, EndUsers users, PlatformTransactionManager transactions, RecallService recalls,
            AppAccess access, UndoService undo, GracePeriodJobs purges) {
        this.purges = purges;
        this.undo = undo;
        this.recalls = recalls;
        this.readCommitted = new TransactionTemplate(transactions);
        this.readCommitted.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.access = access;
        this.jobs = jobs;
        this.trail = trail;
        this.deletions = deletions;
        this.apps = apps;
        this.credentials = credentials;
        this.users = users;
        this.tx = new TransactionTemplate(transactions);
    }

    public App changeSetting(Actor actor, long appId, int version, Setting setting, String value, String reason) {
        // the old value is the one the change itself read and recorded (the version check refuses a change made meanwhile)
        return audited(actor, AuditAction.SETTING_CHANGE, appId, null, setting.name(), Map.of("new", value), reason,
                () -> apps.changeSettingRecorded(appId, version, setting, value, actor.name(), reason),
                changed -> Map.of("old", changed.change().oldValue(), "new", changed.change().newValue())).app();
    }

    /** Creates an app (platform administrators only); names follow {@link io.roamdesk.app.AppNames}. */
    public App createApp(Actor actor, AppKey key, AppSettings settings) {
        return platformAudited(actor, AuditAction.APP_CREATE, null, "app:" + key, Map.of(), null, () -> apps.createApp(key, settings),
                created -> Map.of("appId", created.appId()));
    }

    /** Disables (reason required) or enables an app; its data stays either way. */
    public App setAppEnabled(Actor actor, App app, boolean enabled, @Nullable String reason) {
        if (!enabled) {
            requireReason(reason);
        }
        return platformAudited(actor, enabled ? AuditAction.APP_ENABLE : AuditAction.APP_DISABLE, app.appId(), "app:" + app.key(),
                Map.of(), reason, () -> apps.setEnabled(app.appId(), enabled), a -> Map.of());
    }

    /** A new API client of the app; its secret is answered once and stored hashed. */
    public ApiCredentials.IssuedSecret createClient(Actor actor, App app, String description) {
        return platformAudited(actor, AuditAction.CLIENT_CREATE, app.appId(), "app:" + app.key(), Map.of(), null,
                () -> credentials.createClient(app.appId(), description), s -> Map.of("clientId", s.clientId()));
    }

    /** A new secret; the old one works for {@link ApiCredentials#ROTATION_GRACE} more. */
    public ApiCredentials.IssuedSecret rotateSecret(Actor actor, App app, String clientId, String reason) {
        requireReason(reason);
        return platformAudited(actor, AuditAction.CLIENT_ROTATE_SECRET, app.appId(), "client:" + clientId,
                Map.of("graceHours", ApiCredentials.ROTATION_GRACE.toHours()), reason,
                () -> credentials.rotateSecret(app.appId(), clientId), s -> Map.of());
    }

    /** Disables (reason required; its tokens end) or enables a client. */
    public int setClientDisabled(Actor actor, App app, String clientId, boolean disabled, @Nullable String reason) {
        if (disabled) {
            requireReason(reason);
        }
        return platformAudited(actor, disabled ? AuditAction.CLIENT_DISABLE : AuditAction.CLIENT_ENABLE, app.appId(),
                "client:" + clientId, Map.of(), reason, () -> credentials.setClientDisabled(app.appId(), clientId, disabled),
                n -> Map.of("tokensEnded", n));
    }

    /** Ends every token of one API client of the app at once (a leaked token, a departed integrator). */
    public int revokeTokens(Actor actor, App app, String clientId, String reason) {
        return audited(actor, AuditAction.REVOKE_TOKENS, app.appId(), null, "client:" + clientId, Map.of(), reason,
                () -> credentials.revokeTokens(app.appId(), clientId));
    }

    /** Deletes an end user (its tokens end with it). */
    public EndUser deleteUser(Actor actor, App app, String username) {
        return audited(actor, AuditAction.DELETE_USER, app.appId(), username, null, Map.of(), null,
                () -> users.delete(app, username));
    }

    /** Sets an end user's password (its tokens end); the password itself is never recorded. */
    public void setUserPassword(Actor actor, App app, String username, String password) {
        audited(actor, AuditAction.SET_USER_PASSWORD, app.appId(), username, null, Map.of(), null, () -> {
            users.setPassword(app, username, password);
            return null;
        });
    }

    public int deleteByIds(Actor actor, App app, ConversationRef ref, List<Long> ids, @Nullable String reason) {
        return oneWayByIds(actor, app, ref, ids, reason).count();
    }

    /** A one-way delete by ids, logged for an undo (the audit event names the log entry). */
    public OneWayDeletion oneWayByIds(Actor actor, App app, ConversationRef ref, List<Long> ids, @Nullable String reason) {
        Map<String, Object> params = Map.of("ids", ids.stream().map(String::valueOf).toList());
        return audited(actor, AuditAction.DELETE_ONE_WAY_IDS, app.appId(), ref.owner(), target(ref), params, reason,
                () -> deletions.deleteByIds(app, ref, ids, deleter(actor, reason)), d -> withDeletion(params, d));
    }

    public void deleteBefore(Actor actor, App app, ConversationRef ref, long time, @Nullable String reason) {
        oneWayBefore(actor, app, ref, time, reason);
    }

    public OneWayDeletion oneWayBefore(Actor actor, App app, ConversationRef ref, long time, @Nullable String reason) {
        Map<String, Object> params = Map.of("before", time);
        return audited(actor, AuditAction.DELETE_ONE_WAY_TIME, app.appId(), ref.owner(), target(ref), params, reason,
                () -> deletions.deleteBefore(app, ref, time, deleter(actor, reason)), d -> withDeletion(params, d));
    }

    public int clearAll(Actor actor, App app, String owner, @Nullable String reason) {
        return oneWayClearAll(actor, app, owner, reason).count();
    }

    public OneWayDeletion oneWayClearAll(Actor actor, App app, String owner, @Nullable String reason) {
        return audited(actor, AuditAction.CLEAR_ALL, app.appId(), owner, null, Map.of(), reason,
                () -> deletions.clearAll(app, owner, deleter(actor, reason)), d -> withDeletion(Map.of(), d));
    }

    /**
     * Undoes one of the owner's one-way deletions (support and app administrators in the console,
     * or the app's own API clients), with a reason; see {@link UndoService#undo}.
     */
    public UndoService.Undone undoDeletion(Actor actor, App app, String owner, long deletionId, String reason) {
        return audited(actor, AuditAction.UNDO_DELETION, app.appId(), owner, "deletion:" + deletionId, Map.of(), reason,
                () -> {
                    if (!UNDOERS.contains(actor.role())) {
                        throw new RoamdeskException(ErrorKind.FORBIDDEN, "forbidden_op",
                                "only support agents and app administrators may undo a deletion");
                    }
                    requireReason(reason);
                    return undo.undo(app, owner, deletionId, actor.name(), reason.strip());
                },
                u -> Map.of("kind", u.entry().kind().name(), "conversations", u.conversations()));
    }

    /** Restores a delete-for-all within its grace period (APP_ADMIN, reason); see {@link GracePeriodJobs}. */
    public long restoreDeletedForAll(Actor actor, App app, String convKey, long deletionId, String reason) {
        try {
            checkScope(actor, app.appId());
            requireAdmin(actor, "only an app administrator may restore messages deleted for everyone");
            requireReason(reason);
            return purges.restore(actor, app, convKey, deletionId, reason.strip());
        } catch (RuntimeException e) {
            trail.recordFailure(actor, GracePeriodJobs.RESTORE, app.appId(), null, "deletion:" + deletionId, Map.of(),
                    describe(e), reason);
            throw e;
        }
    }

    private static void requireAdmin(Actor actor, String refusal) {
        if (!"APP_ADMIN".equals(actor.role()) && !PLATFORM_ADMIN.equals(actor.role())) {
            throw new RoamdeskException(ErrorKind.FORBIDDEN, "forbidden_op", refusal);
        }
    }

    static final java.util.Set<String> UNDOERS = java.util.Set.of("SUPPORT", "APP_ADMIN", PLATFORM_ADMIN, Actor.API_CLIENT);

    private static Deleter deleter(Actor actor, @Nullable String reason) {
        return new Deleter(actor.name(), actor.role(), reason == null || reason.isBlank() ? null : reason.strip());
    }

    private static Map<String, ?> withDeletion(Map<String, Object> params, OneWayDeletion d) {
        Map<String, Object> out = new java.util.LinkedHashMap<>(params);
        out.put("deletion", Long.toString(d.deletionId()));
        return out;
    }

    /**
     * Deletes a conversation. With its messages for everyone this is a durable job (see
     * {@link DeletionJobs}) audited as started and, with the total, as completed.
     */
    public long deleteConversation(Actor actor, App app, ConversationRef ref, boolean withMessages,
            @Nullable String reason, LongConsumer progress) {
        return deleteConversation(actor, app, ref, withMessages, false, reason, progress);
    }

    /**
     * The same; an {@code erasure} (a user's erasure request: APP_ADMIN only, reason required)
     * skips the grace period and purges the messages as soon as they are deleted.
     */
    public long deleteConversation(Actor actor, App app, ConversationRef ref, boolean withMessages, boolean erasure,
            @Nullable String reason, LongConsumer progress) {
        if (!withMessages) {
            return audited(actor, AuditAction.DELETE_CONVERSATION, app.appId(), ref.owner(), target(ref), Map.of(), reason,
                    () -> deletions.deleteConversation(app, ref, false, progress));
        }
        try {
            checkScope(actor, app.appId());
            if (erasure) {
                requireAdmin(actor, "only an app administrator may purge messages at once");
                requireReason(reason);
            }
            return jobs.deleteForAll(actor, app, ref, reason, erasure, progress);
        } catch (RoamdeskException e) {
            // refused before it started (roaming off, bad input): nothing was deleted
            trail.recordFailure(actor, DeletionJobs.ACTION, app.appId(), ref.owner(), target(ref), Map.of(), describe(e),
                    reason);
            throw e;
        }
    }

    /**
     * Recalls messages for everyone (one REST call or the console), all or none, each audited as
     * {@link AuditAction#RECALL} in the same transaction; {@code asUser} is the user of a user token.
     */
    public List<RecallService.Recalled> recall(Actor actor, App app, List<RecallService.RecallRequest> requests,
            @Nullable String asUser, @Nullable String reason) {
        return attempt(readCommitted, actor, app.appId(), () -> {
            List<RecallService.Recalled> done = new java.util.ArrayList<>();
            for (RecallService.RecallRequest r : requests) {
                RecallService.Recalled x = recalls.recall(app, r, asUser);
                trail.record(actor, AuditAction.RECALL, app.appId(), x.sender(), x.chatType().wire() + ":" + x.to(),
                        recallParams(r, x), AuditOutcome.SUCCESS, reason);
                done.add(x);
            }
            return done;
        }, e -> {
            RecallService.RecallRequest first = requests.isEmpty() ? null : requests.get(0);
            trail.recordFailure(actor, AuditAction.RECALL, app.appId(), null,
                    first == null ? null : first.chatType().wire() + ":" + first.to(),
                    Map.of("msg_ids", requests.stream().map(r -> Long.toString(r.msgId())).toList()), describe(e), reason);
        });
    }

    /** The console's recall of one message of the conversation it shows (see {@link RecallService#recallInConversation}). */
    public RecallService.Recalled recallInConversation(Actor actor, App app, ConversationRef ref, long msgId, String reason) {
        return attempt(readCommitted, actor, app.appId(), () -> {
            RecallService.Recalled x = recalls.recallInConversation(app, ref, msgId);
            trail.record(actor, AuditAction.RECALL, app.appId(), x.sender(), target(ref),
                    Map.of("msg_id", Long.toString(msgId), "force", true, "already_gone", x.alreadyGone()),
                    AuditOutcome.SUCCESS, reason);
            return x;
        }, e -> trail.recordFailure(actor, AuditAction.RECALL, app.appId(), ref.owner(), target(ref),
                Map.of("msg_id", Long.toString(msgId)), describe(e), reason));
    }

    private static Map<String, Object> recallParams(RecallService.RecallRequest r, RecallService.Recalled x) {
        return Map.of("msg_id", Long.toString(x.msgId()), "from", x.from(), "force", r.force(),
                "already_gone", x.alreadyGone());
    }

    /** Records a preview (what someone looked at before deciding), then answers it. */
    public <T> T preview(Actor actor, App app, String owner, @Nullable ConversationRef ref, String what, Supplier<T> preview) {
        return audited(actor, AuditAction.PREVIEW, app.appId(), owner, ref == null ? null : target(ref), Map.of("of", what),
                null, preview);
    }

    /** Someone asked to read a conversation's content: the reason is required and recorded. */
    public void revealContent(Actor actor, App app, ConversationRef ref, String reason, int minutes) {
        if (reason == null || reason.isBlank()) {
            throw RoamdeskException.badRequest("a reason is required to read message content");
        }
        checkScope(actor, app.appId());
        trail.recordAlone(actor, AuditAction.CONTENT_REVEAL, app.appId(), ref.owner(), target(ref), Map.of("minutes", minutes),
                AuditOutcome.SUCCESS, reason.strip());
    }

    /** Message content was shown: which conversation, how many messages, under which reason. */
    public void contentViewed(Actor actor, App app, ConversationRef ref, int messages, String reason) {
        trail.recordAlone(actor, AuditAction.CONTENT_VIEW, app.appId(), ref.owner(), target(ref), Map.of("messages", messages),
                AuditOutcome.SUCCESS, reason);
    }

    /** A keyword search ran over a conversation's content: the query, the hits shown and how many messages it read. */
    public void contentSearched(Actor actor, App app, ConversationRef ref, String query, int hits, int scanned, String reason) {
        checkScope(actor, app.appId());
        trail.recordAlone(actor, AuditAction.CONTENT_SEARCH, app.appId(), ref.owner(), target(ref),
                Map.of("query", query, "hits", hits, "scanned", scanned), AuditOutcome.SUCCESS, reason);
    }

    private <T> T audited(Actor actor, AuditAction action, @Nullable Long appId, @Nullable String user, @Nullable String target,
            Map<String, ?> params, @Nullable String reason, Supplier<T> work) {
        return audited(actor, action, appId, user, target, params, reason, work, result -> params);
    }

    /** Audited, with the recorded parameters taken from the result (what the work itself read or made). */
    private <T> T audited(Actor actor, AuditAction action, @Nullable Long appId, @Nullable String user, @Nullable String target,
            Map<String, ?> params, @Nullable String reason, Supplier<T> work, java.util.function.Function<T, Map<String, ?>> recorded) {
        return attempt(tx, actor, appId, () -> {
            T result = work.get();
            trail.record(actor, action, appId, user, target, recorded.apply(result), AuditOutcome.SUCCESS, reason);
            return result;
        }, e -> trail.recordFailure(actor, action, appId, user, target, params, describe(e), reason));
    }

    /**
     * The shape of every audited change: the scope check, then the work (which records its own
     * success events) in a transaction of {@code template}, again after a deadlock; a refusal or
     * failure is recorded by {@code failed} in a transaction of its own and thrown on.
     */
    private <T> T attempt(TransactionTemplate template, Actor actor, @Nullable Long appId, Supplier<T> work,
            java.util.function.Consumer<RuntimeException> failed) {
        try {
            if (appId != null) {
                checkScope(actor, appId);
            }
            return TransientRetry.run(() -> template.execute(s -> work.get()));
        } catch (RuntimeException e) {
            failed.accept(e);
            throw e;
        }
    }

    /** Apps, API clients and accounts are managed by platform administrators (every app) only. */
    private <T> T platformAudited(Actor actor, AuditAction action, @Nullable Long appId, String target, Map<String, ?> params,
            @Nullable String reason, Supplier<T> work, java.util.function.Function<T, Map<String, ?>> recorded) {
        return audited(actor, action, appId, null, target, params, reason, () -> {
            if (!PLATFORM_ADMIN.equals(actor.role()) || !access.scopeOf(actor.name()).allApps()) {
                throw new RoamdeskException(ErrorKind.FORBIDDEN, "forbidden_op",
                        "only a platform administrator manages apps and API clients");
            }
            return work.get();
        }, recorded);
    }

    /** A console account acts only on its own apps; an app outside them is answered as unknown. */
    private void checkScope(Actor actor, long appId) {
        if (CONSOLE_ROLES.contains(actor.role())) {
            access.check(actor.name(), appId);
        }
    }

    private static void requireReason(@Nullable String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > AppService.MAX_REASON) {
            throw RoamdeskException.badRequest("a reason (1-" + AppService.MAX_REASON + " characters) is required");
        }
    }

    static String target(ConversationRef ref) {
        return ref.chatType().wire() + ":" + ref.convId();
    }

    private static String describe(RuntimeException e) {
        return e instanceof RoamdeskException r ? r.code() + ": " + r.description() : e.getClass().getSimpleName();
    }
}
