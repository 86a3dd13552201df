package io.roamdesk.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The seed's server-roaming calls, with the seed's names and meaning, for one signed-in end user
 * (one device). Every call is blocking; refusals throw {@link RoamdeskClientException} carrying
 * the server's {@code error} code. Thread-safe.
 *
 * <pre>{@code
 * RoamdeskClient alice = RoamdeskClient.signIn(URI.create("http://localhost:8080"), "demo#roaming", "alice", "alice-pw");
 * CursorResult<Message> page = alice.fetchHistoryMessagesFromServer("bob", ConversationType.CHAT, "", 20);
 * }</pre>
 */
public final class RoamdeskClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String base;
    private final String username;
    private final String token;

    private RoamdeskClient(HttpClient http, String base, String username, String token) {
        this.http = http;
        this.base = base;
        this.username = username;
        this.token = token;
    }

    /**
     * Signs in with the password grant. {@code server} is the service's root
     * ({@code http://host:port}), {@code appKey} is {@code org#app}.
     */
    public static RoamdeskClient signIn(URI server, String appKey, String username, String password) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        String base = base(server, appKey);
        ObjectNode body = JSON.createObjectNode().put("grant_type", "password").put("username", username)
                .put("password", password);
        JsonNode answer = send(http, HttpRequest.newBuilder(URI.create(base + "/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        return new RoamdeskClient(http, base, answer.path("user").path("username").asText(username),
                answer.path("access_token").asText());
    }

    /** A client for a user token obtained elsewhere (for example by the app's back end with the inherit grant). */
    public static RoamdeskClient withToken(URI server, String appKey, String username, String userToken) {
        return new RoamdeskClient(HttpClient.newBuilder().connectTimeout(TIMEOUT).build(), base(server, appKey),
                username.toLowerCase(Locale.ROOT), userToken);
    }

    public String username() {
        return username;
    }

    /** {@code getConversationsFromServerWithPage}: newest activity first; {@code pageNum} from 1. */
    public List<Conversation> getConversationsFromServerWithPage(int pageNum, int pageSize) {
        JsonNode data = get(me() + "/user_channels/page?pageNum=" + pageNum + "&pageSize=" + pageSize);
        return conversations(data);
    }

    /** {@code getConversationsFromServer} (legacy): the conversations active in the app's window. */
    public List<Conversation> getConversationsFromServer() {
        return conversations(get(me() + "/user_channels/legacy"));
    }

    /** {@link #fetchHistoryMessagesFromServer(String, ConversationType, String, int, SearchDirection)} towards older messages. */
    public CursorResult<Message> fetchHistoryMessagesFromServer(String conversationId, ConversationType type,
            @Nullable String startId, int pageSize) {
        return fetchHistoryMessagesFromServer(conversationId, type, startId, pageSize, SearchDirection.UP);
    }

    /**
     * {@code fetchHistoryMessagesFromServer}: one page of a conversation as this user sees it.
     * {@code startId} empty or null starts at the newest ({@code UP}) or oldest ({@code DOWN})
     * message; a message id starts after that message; the previous result's cursor continues from
     * there (with the same direction). The cursor is empty after the last page.
     */
    public CursorResult<Message> fetchHistoryMessagesFromServer(String conversationId, ConversationType type,
            @Nullable String startId, int pageSize, SearchDirection direction) {
        StringBuilder path = new StringBuilder(me()).append("/user_channels/").append(type.wire()).append('/')
                .append(enc(conversationId)).append("/messages?pageSize=").append(pageSize)
                .append("&direction=").append(direction.name());
        if (startId != null && !startId.isEmpty()) {
            // message ids are digits; anything else is a cursor this client handed out
            path.append(startId.chars().allMatch(Character::isDigit) ? "&startId=" : "&cursor=").append(enc(startId));
        }
        JsonNode data = get(path.toString());
        List<Message> messages = new ArrayList<>();
        data.path("msgs").forEach(m -> messages.add(Message.of(m)));
        String cursor = data.path("is_last").asBoolean(true) ? "" : data.path("next_key").asText("");
        return new CursorResult<>(messages, cursor);
    }

    /**
     * Keyword search in one conversation as this user sees it: text messages and file names,
     * case-insensitive, newest first. {@code cursor} empty or null starts at the newest message; the
     * previous result's cursor continues. A page may hold fewer hits than {@code pageSize}, even none,
     * with a cursor that is not empty: the server's scan budget for one call ran out, call again. The
     * cursor is empty once the whole conversation was searched.
     */
    public CursorResult<Message> searchMessagesFromServer(String conversationId, ConversationType type, String keyword,
            @Nullable String cursor, int pageSize) {
        StringBuilder path = new StringBuilder(me()).append("/user_channels/").append(type.wire()).append('/')
                .append(enc(conversationId)).append("/messages/search?q=").append(enc(keyword))
                .append("&pageSize=").append(pageSize);
        if (cursor != null && !cursor.isEmpty()) {
            path.append("&cursor=").append(enc(cursor));
        }
        JsonNode data = get(path.toString());
        List<Message> messages = new ArrayList<>();
        data.path("msgs").forEach(m -> messages.add(Message.of(m)));
        String next = data.path("is_last").asBoolean(true) ? "" : data.path("next_key").asText("");
        return new CursorResult<>(messages, next);
    }

    /** {@code removeMessagesFromServer(time)}: hides every message at or before {@code time} (ms) from this user only. */
    public void removeMessagesFromServer(String conversationId, ConversationType type, long time) {
        call("DELETE", roaming(type) + "/time?" + peer(type) + "=" + enc(conversationId) + "&delTime=" + time, null);
    }

    /** {@code removeMessagesFromServer(msgIds)}: hides these messages (1–50) from this user only. */
    public void removeMessagesFromServer(String conversationId, ConversationType type, List<String> msgIds) {
        call("DELETE", roaming(type) + "?" + peer(type) + "=" + enc(conversationId) + "&msgIdList="
                + enc(String.join(",", msgIds)), null);
    }

    /**
     * {@code deleteConversationFromServer}: removes the conversation from this user's list; with
     * {@code isDeleteServerMessages} its messages are deleted on the server for every participant.
     */
    public void deleteConversationFromServer(String conversationId, ConversationType type,
            boolean isDeleteServerMessages) {
        ObjectNode body = JSON.createObjectNode().put("channel", conversationId).put("type", type.wire())
                .put("delete_roam", isDeleteServerMessages);
        call("DELETE", me() + "/user_channel", body.toString());
    }

    /**
     * {@code recallMessage}: takes back a message this user sent, for everyone (both users of a single
     * chat, every member of a group), within the app's recall window; outside it the server answers
     * 403 {@code forbidden_op} "exceed recall time limit". Recalling it again is not an error.
     */
    public void recallMessage(String msgId, String conversationId, ConversationType type) {
        ObjectNode body = JSON.createObjectNode().put("msg_id", msgId).put("to", conversationId)
                .put("chat_type", type.wire()).put("from", username);
        call("POST", base + "/messages/msg_recall", body.toString());
    }

    /** {@code getConversationsFromServerWithCursor}: newest activity first; {@code cursor} empty for the first page. */
    public CursorResult<ServerConversation> getConversationsFromServerWithCursor(@Nullable String cursor, int pageSize) {
        return serverConversations("", cursor, pageSize);
    }

    /** {@code fetchPinnedConversationsFromServer}: the pinned conversations, newest pin first (at most 50). */
    public CursorResult<ServerConversation> fetchPinnedConversationsFromServer(@Nullable String cursor, int pageSize) {
        return serverConversations("&pinned=true", cursor, pageSize);
    }

    /** The conversations with one mark ({@code MARK_0} … {@code MARK_19}), newest activity first. */
    public CursorResult<ServerConversation> fetchConversationsFromServerByMark(String mark, @Nullable String cursor,
            int pageSize) {
        return serverConversations("&mark=" + enc(mark), cursor, pageSize);
    }

    /** {@code pinConversation}: pins (at most 50) or unpins one conversation of this user's list. */
    public void pinConversation(String conversationId, ConversationType type, boolean isPinned) {
        ObjectNode body = JSON.createObjectNode().put("channel", conversationId).put("type", type.wire())
                .put("is_top", isPinned);
        call("PUT", me() + "/user_channel/pin", body.toString());
    }

    /** {@code addConversationMark}: one mark on 1–20 conversations of one type. */
    public void addConversationMark(List<String> conversationIds, ConversationType type, String mark) {
        call("PUT", me() + "/user_channels/marks", markBody(conversationIds, type, mark));
    }

    /** {@code removeConversationMark}: the same call the other way. */
    public void removeConversationMark(List<String> conversationIds, ConversationType type, String mark) {
        call("DELETE", me() + "/user_channels/marks", markBody(conversationIds, type, mark));
    }

    /** Reads the conversation up to its newest message; the unread count left (0 unless others wrote since). */
    public int markConversationAsRead(String conversationId, ConversationType type) {
        ObjectNode body = JSON.createObjectNode().put("channel", conversationId).put("type", type.wire());
        return call("POST", me() + "/user_channel/read", body.toString()).path("data").path("unread_num").asInt();
    }

    /** Every conversation of this user read. */
    public void markAllConversationsAsRead() {
        call("POST", me() + "/user_channels/read", null);
    }

    private CursorResult<ServerConversation> serverConversations(String filter, @Nullable String cursor, int pageSize) {
        JsonNode data = get(me() + "/user_channels?pageSize=" + pageSize + filter + "&cursor=" + enc(cursor == null ? "" : cursor));
        List<ServerConversation> out = new ArrayList<>();
        data.path("channel_infos").forEach(c -> out.add(ServerConversation.of(c)));
        return new CursorResult<>(out, data.path("cursor").asText(""));
    }

    private static String markBody(List<String> conversationIds, ConversationType type, String mark) {
        ObjectNode body = JSON.createObjectNode().put("mark", mark);
        var channels = body.putArray("channels");
        conversationIds.forEach(id -> channels.addObject().put("channel", id).put("type", type.wire()));
        return body.toString();
    }

    private String me() {
        return base + "/users/" + enc(username);
    }

    private String roaming(ConversationType type) {
        return base + "/rest/message/roaming/" + type.roamingPath() + "/user/" + enc(username);
    }

    private static String peer(ConversationType type) {
        return type == ConversationType.CHAT ? "userId" : "groupId";
    }

    private static List<Conversation> conversations(JsonNode data) {
        List<Conversation> out = new ArrayList<>();
        data.path("channel_infos").forEach(c -> out.add(Conversation.of(c)));
        return out;
    }

    private JsonNode get(String url) {
        return call("GET", url, null).path("data");
    }

    private JsonNode call(String method, String url, @Nullable String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(http, request);
    }

    private static JsonNode send(HttpClient http, HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        JsonNode body;
        try {
            body = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new RoamdeskClientException(response.statusCode(), "invalid_response", "the answer is not JSON");
        }
        if (response.statusCode() >= 300) {
            throw new RoamdeskClientException(response.statusCode(), body.path("error").asText("http_" + response.statusCode()),
                    body.path("error_description").asText(""));
        }
        return body;
    }

    private static String base(URI server, String appKey) {
        int hash = appKey.indexOf('#');
        if (hash <= 0 || hash == appKey.length() - 1) {
            throw new IllegalArgumentException("appKey must be org#app");
        }
        String root = server.toString().replaceAll("/+$", "");
        return root + "/" + enc(appKey.substring(0, hash)) + "/" + enc(appKey.substring(hash + 1));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
