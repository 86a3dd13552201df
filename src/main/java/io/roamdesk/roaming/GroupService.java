package io.roamdesk.roaming;

import io.roamdesk.app.App;
import io.roamdesk.core.ErrorKind;
import io.roamdesk.core.RetriedOnDeadlock;
import io.roamdesk.core.RoamdeskException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Groups as the messaging service reports them (the gateway syncs them; tests and the traffic
 * simulator create them), and the user directory the console's lookup needs.
 */
@Service
public class GroupService {

    public static final int MAX_MEMBERS = 3000;

    private final GroupRepository groupRows;
    private final UserDirectoryRepository userDirectory;
    private final KnownUsers knownUsers;
    private final Clock clock;
    private final BigGroups bigGroups;

    GroupService(GroupRepository groupRows, UserDirectoryRepository userDirectory, KnownUsers knownUsers, Clock clock,
            BigGroups bigGroups) {
        this.groupRows = groupRows;
        this.bigGroups = bigGroups;
        this.userDirectory = userDirectory;
        this.knownUsers = knownUsers;
        this.clock = clock;
    }

    @RetriedOnDeadlock
    @Transactional
    public void createGroup(App app, String groupId, String name, String owner, List<String> members) {
        String id = Usernames.normalize(groupId, "group_id");
        String o = Usernames.normalize(owner, "owner");
        if (name == null || name.isBlank() || name.length() > 128) {
            throw RoamdeskException.badRequest("group name must be 1-128 characters");
        }
        if (groupRows.groupExists(app.appId(), id)) {
            throw new RoamdeskException(ErrorKind.CONFLICT, "duplicate_unique_property_exists",
                    "group " + id + " already exists");
        }
        LinkedHashSet<String> all = new LinkedHashSet<>(List.of(o));
        members.forEach(m -> all.add(Usernames.normalize(m, "members")));
        if (all.size() > MAX_MEMBERS) {
            throw RoamdeskException.badRequest("a group has at most " + MAX_MEMBERS + " members");
        }
        long now = clock.millis();
        groupRows.insertGroup(app.appId(), id, name, o, now);
        knownUsers.ensure(app.appId(), all, now);
        groupRows.addMembers(app.appId(), id, all, now);
        bigGroups.created(app, id, all.size());
    }

    // READ COMMITTED: the membership is read after the state lock is held, as committed then (a snapshot
    // taken before the wait would miss a concurrent join or leave and miscount the group)
    @RetriedOnDeadlock
    @Transactional(isolation = org.springframework.transaction.annotation.Isolation.READ_COMMITTED)
    public void addMembers(App app, String groupId, List<String> members) {
        String id = requireGroup(app, groupId);
        List<String> names = members.stream().map(m -> Usernames.normalize(m, "members")).toList();
        if (names.isEmpty()) {
            throw RoamdeskException.badRequest("field members cannot be null or empty");
        }
        long now = clock.millis();
        knownUsers.ensure(app.appId(), names, now);
        // the group's state first (one lock order with sends): a big group's new members follow it from here
        GroupState state = bigGroups.lock(app, id);
        LinkedHashSet<String> added = new LinkedHashSet<>(names);
        added.removeAll(groupRows.membersAmong(app.appId(), id, added));
        if (state.memberCount() + added.size() > MAX_MEMBERS) {
            // the transaction rolls back: nobody is added, not even the users it created
            throw RoamdeskException.badRequest("a group has at most " + MAX_MEMBERS + " members: " + id + " has "
                    + state.memberCount() + ", adding " + added.size() + " would make " + (state.memberCount() + added.size()));
        }
        groupRows.addMembers(app.appId(), id, added, now);
        bigGroups.joined(app, state, added);
    }

    @RetriedOnDeadlock
    @Transactional(isolation = org.springframework.transaction.annotation.Isolation.READ_COMMITTED)
    public int removeMembers(App app, String groupId, List<String> members) {
        String id = requireGroup(app, groupId);
        List<String> names = members.stream().map(m -> Usernames.normalize(m, "members")).distinct().toList();
        GroupState state = bigGroups.lock(app, id);
        List<String> leaving = groupRows.membersAmong(app.appId(), id, names);
        bigGroups.leaving(app, state, leaving);
        return groupRows.removeMembers(app.appId(), id, leaving);
    }

    @Transactional(readOnly = true)
    public List<String> members(App app, String groupId) {
        return groupRows.members(app.appId(), requireGroup(app, groupId));
    }

    /** Username suggestions for the console's lookup: up to {@code limit} names starting with the prefix. */
    @Transactional(readOnly = true)
    public List<String> suggestUsers(App app, String prefix, int limit) {
        String p = prefix == null ? "" : prefix.strip().toLowerCase(java.util.Locale.ROOT);
        if (!p.isEmpty() && !Usernames.isValid(p)) {
            return List.of();
        }
        return userDirectory.usernamesStartingWith(app.appId(), p, Math.max(1, Math.min(limit, 50)));
    }

    @Transactional(readOnly = true)
    public boolean userExists(App app, String username) {
        return Usernames.isValid(username) && userDirectory.userExists(app.appId(), Usernames.normalize(username, "username"));
    }

    private String requireGroup(App app, String groupId) {
        String id = Usernames.normalize(groupId, "group_id");
        if (!groupRows.groupExists(app.appId(), id)) {
            throw RoamdeskException.notFound("resource_not_found", "group " + id + " does not exist");
        }
        return id;
    }
}
