package io.roamdesk.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.roamdesk.audit.AuditedActions;
import io.roamdesk.users.EndUser;
import io.roamdesk.users.EndUsers;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The vendor's user management (app token only): register, get, delete, set the password (the last two audited). */
@RestController
@RequiresToken
class UserController {

    private final EndUsers users;
    private final AuditedActions audited;
    private final Envelope envelope;

    UserController(EndUsers users, AuditedActions audited, Envelope envelope) {
        this.users = users;
        this.audited = audited;
        this.envelope = envelope;
    }

    /** One {@code {"username","password"}} or an array of them (at most 60), all or none. */
    @PostMapping("/{org}/{app}/users")
    Map<String, Object> register(ApiCaller caller, @RequestBody JsonNode body, HttpServletRequest request) {
        List<EndUsers.NewUser> wanted = new ArrayList<>();
        if (body != null && body.isArray()) {
            body.forEach(n -> wanted.add(newUser(n)));
        } else {
            wanted.add(newUser(body));
        }
        var created = users.register(caller.app(), wanted);
        return envelope.entities("post", caller, request, created.stream().map(UserController::entity).toList());
    }

    @GetMapping("/{org}/{app}/users/{username}")
    Map<String, Object> get(ApiCaller caller, @PathVariable String username, HttpServletRequest request) {
        return envelope.entities("get", caller, request, List.of(entity(users.get(caller.app(), username))));
    }

    @DeleteMapping("/{org}/{app}/users/{username}")
    Map<String, Object> delete(ApiCaller caller, @PathVariable String username, HttpServletRequest request) {
        return envelope.entities("delete", caller, request, List.of(entity(audited.deleteUser(caller.actor(), caller.app(), username))));
    }

    /** Body {@code {"newpassword"}}; ends every token of the user. */
    @PutMapping("/{org}/{app}/users/{username}/password")
    Map<String, Object> password(ApiCaller caller, @PathVariable String username, @RequestBody JsonNode body,
            HttpServletRequest request) {
        Json.requireObject(body);
        audited.setUserPassword(caller.actor(), caller.app(), username, Json.requiredText(body, "newpassword"));
        Map<String, Object> out = envelope.wrap("set user password", caller, request, Map.of());
        out.remove("data");
        return out;
    }

    private static EndUsers.NewUser newUser(JsonNode n) {
        Json.requireObject(n);
        return new EndUsers.NewUser(Json.requiredText(n, "username"), Json.requiredText(n, "password"));
    }

    /** The vendor's user entity. */
    static Map<String, Object> entity(EndUser u) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("uuid", u.uuid());
        e.put("type", "user");
        e.put("created", u.created());
        e.put("modified", u.modified());
        e.put("username", u.username());
        e.put("activated", u.activated());
        return e;
    }
}
