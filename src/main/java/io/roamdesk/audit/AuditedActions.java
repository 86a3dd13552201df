package io.roamdesk.audit;

import io.roamdesk.app.ApiCredentials;
import io.roamdesk.app.App;
import io.roamdesk.app.AppService;
import io.roamdesk.app.Setting;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.core.TransientRetry;
import io.roamdesk.roaming.ConversationRef;
import io.roamdesk.roaming.DeletionService;
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

    AuditedActions(AuditTrail trail, DeletionService deletions, AppService apps, ApiCredentials credentials,
            DeletionJobs jobs, EndUsers users, PlatformTransactionManager transactions, RecallService recalls) {
        this.recalls = recalls;
        this.readCommitted = new TransactionTemplate(transactions);
        this.readCommitted.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.jobs = jobs;
        this.trail = trail;
        this.deletions = deletions;
        this.apps = apps;
        this.credentials = credentials;
        this.users = users;
        this.tx = new TransactionTemplate(transactions);
    }

    public App changeSetting(Actor actor, long appId, int version, Setting setting, String value, String reason) {
        // the old value as this change saw it: the version check refuses a change made meanwhile
        String old = apps.byId(appId).map(a -> setting.valueIn(a.settings())).orElse("");
        return audited(actor, AuditAction.SETTING_CHANGE, appId, null, setting.name(), Map.of("old", old, "new", value), reason,
                () -> apps.changeSetting(appId, version, setting, value, actor.name(), reason));
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
        return audited(actor, AuditAction.DELETE_ONE_WAY_IDS, app.appId(), ref.owner(), target(ref),
                Map.of("ids", ids.stream().map(String::valueOf).toList()), reason,
                () -> deletions.deleteByIds(app, ref, ids));
    }

    public void deleteBefore(Actor actor, App app, ConversationRef ref, long time, @Nullable String reason) {
        audited(actor, AuditAction.DELETE_ONE_WAY_TIME, app.appId(), ref.owner(), target(ref), Map.of("before", time), reason,
                () -> {
                    deletions.deleteBefore(app, ref, time);
                    return null;
                });
    }

    public int clearAll(Actor actor, App app, String owner, @Nullable String reason) {
        return audited(actor, AuditAction.CLEAR_ALL, app.appId(), owner, null, Map.of(), reason,
                () -> deletions.clearAll(app, owner));
    }

    /**
     * Deletes a conversation. With its messages for everyone this is a durable job (see
     * {@link DeletionJobs}) audited as started and, with the total, as completed.
     */
    public long deleteConversation(Actor actor, App app, ConversationRef ref, boolean withMessages,
            @Nullable String reason, LongConsumer progress) {
        if (!withMessages) {
            return audited(actor, AuditAction.DELETE_CONVERSATION, app.appId(), ref.owner(), target(ref), Map.of(), reason,
                    () -> deletions.deleteConversation(app, ref, false, progress));
        }
        try {
            return jobs.deleteForAll(actor, app, ref, reason, progress);
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
        try {
            return TransientRetry.run(() -> readCommitted.execute(s -> {
                List<RecallService.Recalled> done = new java.util.ArrayList<>();
                for (RecallService.RecallRequest r : requests) {
                    RecallService.Recalled x = recalls.recall(app, r, asUser);
                    trail.record(actor, AuditAction.RECALL, app.appId(), x.sender(), x.chatType().wire() + ":" + x.to(),
                            recallParams(r, x), AuditOutcome.SUCCESS, reason);
                    done.add(x);
                }
                return done;
            }));
        } catch (RuntimeException e) {
            RecallService.RecallRequest first = requests.isEmpty() ? null : requests.get(0);
            trail.recordFailure(actor, AuditAction.RECALL, app.appId(), null,
                    first == null ? null : first.chatType().wire() + ":" + first.to(),
                    Map.of("msg_ids", requests.stream().map(r -> Long.toString(r.msgId())).toList()), describe(e), reason);
            throw e;
        }
    }

    /** The console's recall of one message of the conversation it shows (see {@link RecallService#recallInConversation}). */
    public RecallService.Recalled recallInConversation(Actor actor, App app, ConversationRef ref, long msgId, String reason) {
        try {
            return TransientRetry.run(() -> readCommitted.execute(s -> {
                RecallService.Recalled x = recalls.recallInConversation(app, ref, msgId);
                trail.record(actor, AuditAction.RECALL, app.appId(), x.sender(), target(ref),
                        Map.of("msg_id", Long.toString(msgId), "force", true, "already_gone", x.alreadyGone()),
                        AuditOutcome.SUCCESS, reason);
                return x;
            }));
        } catch (RuntimeException e) {
            trail.recordFailure(actor, AuditAction.RECALL, app.appId(), ref.owner(), target(ref),
                    Map.of("msg_id", Long.toString(msgId)), describe(e), reason);
            throw e;
        }
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
        trail.recordAlone(actor, AuditAction.CONTENT_REVEAL, app.appId(), ref.owner(), target(ref), Map.of("minutes", minutes),
                AuditOutcome.SUCCESS, reason.strip());
    }

    /** Message content was shown: which conversation, how many messages, under which reason. */
    public void contentViewed(Actor actor, App app, ConversationRef ref, int messages, String reason) {
        trail.recordAlone(actor, AuditAction.CONTENT_VIEW, app.appId(), ref.owner(), target(ref), Map.of("messages", messages),
                AuditOutcome.SUCCESS, reason);
    }

    private <T> T audited(Actor actor, AuditAction action, @Nullable Long appId, @Nullable String user, @Nullable String target,
            Map<String, ?> params, @Nullable String reason, Supplier<T> work) {
        try {
            return TransientRetry.run(() -> tx.execute(s -> {
                T result = work.get();
                trail.record(actor, action, appId, user, target, params, AuditOutcome.SUCCESS, reason);
                return result;
            }));
        } catch (RuntimeException e) {
            trail.recordFailure(actor, action, appId, user, target, params, describe(e), reason);
            throw e;
        }
    }

    static String target(ConversationRef ref) {
        return ref.chatType().wire() + ":" + ref.convId();
    }

    private static String describe(RuntimeException e) {
        return e instanceof RoamdeskException r ? r.code() + ": " + r.description() : e.getClass().getSimpleName();
    }
}
