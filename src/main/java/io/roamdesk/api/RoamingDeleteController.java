package io.roamdesk.api;

import io.roamdesk.audit.AuditedActions;
import io.roamdesk.core.RoamdeskException;
import io.roamdesk.roaming.ChatType;
import io.roamdesk.roaming.ConversationRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The vendor's one-way roaming deletes ({@code /rest/message/roaming/...}), verbatim paths and names. */
@RestController
@RequiresToken
class RoamingDeleteController {

    private static final String BASE = "/{org}/{app}/rest/message/roaming";

    private final AuditedActions audited;
    private final Envelope envelope;

    RoamingDeleteController(AuditedActions audited, Envelope envelope) {
        this.audited = audited;
        this.envelope = envelope;
    }

    @DeleteMapping(BASE + "/chat/user/{userId}")
    @OwnData("userId")
    Map<String, Object> chatByIds(ApiCaller caller, @PathVariable("userId") String owner,
            @RequestParam("userId") String peer, @RequestParam String msgIdList,
            @RequestParam(required = false) String isNotify) {
        audited.deleteByIds(caller.actor(), caller.app(), ConversationRef.of(owner, ChatType.CHAT, peer), ids(msgIdList), null);
        return envelope.ok();
    }

    @DeleteMapping(BASE + "/group/user/{userId}")
    @OwnData("userId")
    Map<String, Object> groupByIds(ApiCaller caller, @PathVariable("userId") String owner,
            @RequestParam String groupId, @RequestParam String msgIdList,
            @RequestParam(required = false) String isNotify) {
        audited.deleteByIds(caller.actor(), caller.app(), ConversationRef.of(owner, ChatType.GROUPCHAT, groupId), ids(msgIdList), null);
        return envelope.ok();
    }

    @DeleteMapping(BASE + "/chat/user/{userId}/time")
    @OwnData("userId")
    Map<String, Object> chatByTime(ApiCaller caller, @PathVariable("userId") String owner,
            @RequestParam("userId") String peer, @RequestParam String delTime) {
        audited.deleteBefore(caller.actor(), caller.app(), ConversationRef.of(owner, ChatType.CHAT, peer), time(delTime),
                null);
        return envelope.ok();
    }

    @DeleteMapping(BASE + "/group/user/{userId}/time")
    @OwnData("userId")
    Map<String, Object> groupByTime(ApiCaller caller, @PathVariable("userId") String owner,
            @RequestParam String groupId, @RequestParam String delTime) {
        audited.deleteBefore(caller.actor(), caller.app(), ConversationRef.of(owner, ChatType.GROUPCHAT, groupId),
                time(delTime), null);
        return envelope.ok();
    }

    @PostMapping(BASE + "/user/{userId}/delete/all")
    @OwnData("userId")
    Map<String, Object> all(ApiCaller caller, @PathVariable("userId") String owner) {
        audited.clearAll(caller.actor(), caller.app(), owner, null);
        return envelope.ok();
    }

    /** Milliseconds as a plain decimal (Spring alone would also take "0x10" or "#10"). */
    private static long time(String delTime) {
        Long time = ApiParams.decimal("delTime", delTime);
        if (time == null) {
            throw RoamdeskException.badRequest("delTime must be a time in milliseconds since 1970");
        }
        return time;
    }

    private static List<Long> ids(String csv) {
        List<Long> ids = new ArrayList<>();
        for (String s : csv.split(",", -1)) {
            Long id = ApiParams.messageId("msgIdList", s);
            if (id == null) {
                throw RoamdeskException.badRequest("msgIdList must be message ids separated by commas");
            }
            ids.add(id);
        }
        return ids;
    }
}
