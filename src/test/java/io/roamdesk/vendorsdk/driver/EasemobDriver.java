package io.roamdesk.vendorsdk.driver;

import com.easemob.im.server.EMException;
import com.easemob.im.server.EMProperties;
import com.easemob.im.server.EMService;
import com.easemob.im.server.model.EMTextMessage;
import com.easemob.im.server.model.EMUser;
import io.roamdesk.vendorsdk.VendorSdk;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The vendor SDK, unchanged, behind {@link VendorSdk}; loaded only by the SDK's own class loader. */
public final class EasemobDriver implements VendorSdk {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final EMService sdk;

    public EasemobDriver(String baseUri, String appKey, String clientId, String clientSecret) {
        this.sdk = new EMService(EMProperties.builder()
                .setRealm(EMProperties.Realm.EASEMOB_REALM)
                .setBaseUri(baseUri)
                .setAppkey(appKey)
                .setClientId(clientId)
                .setClientSecret(clientSecret)
                .setHttpConnectionPoolSize(4)
                .build());
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof EMException em) {
                    throw new SdkError(em.getClass().getSimpleName(), String.valueOf(em.getMessage()));
                }
            }
            throw e;
        }
    }

    @Override
    public String appToken() {
        return call(() -> sdk.token().getAppToken().block(WAIT).getValue());
    }

    @Override
    public Map<String, String> sendText(String from, String to, String text) {
        return call(() -> sdk.message().send().fromUser(from).toUser(to).text(m -> m.text(text)).send().block(WAIT)
                .getMessageIdsByEntityId());
    }

    @Override
    public Map<String, String> sendText(String from, String toType, Set<String> tos, String text) {
        return call(() -> sdk.message().send(from, toType, tos, new EMTextMessage().text(text), null).block(WAIT)
                .getMessageIdsByEntityId());
    }

    @Override
    public void deleteChannel(String username, String channel, String type, boolean deleteRoam) {
        call(() -> sdk.message().deleteChannel(username, channel, type, deleteRoam).block(WAIT));
    }

    @Override
    public Map<String, Object> createUser(String username, String password) {
        return call(() -> user(sdk.user().create(username, password).block(WAIT)));
    }

    @Override
    public Map<String, Object> getUser(String username) {
        return call(() -> user(sdk.user().get(username).block(WAIT)));
    }

    @Override
    public void deleteUser(String username) {
        call(() -> sdk.user().delete(username).block(WAIT));
    }

    @Override
    public void updateUserPassword(String username, String password) {
        call(() -> sdk.user().updateUserPassword(username, password).block(WAIT));
    }

    @Override
    public String userToken(String username, String password) {
        return call(() -> sdk.user().getToken(username, password).block(WAIT).getValue());
    }

    @Override
    public String inheritedUserToken(String username) {
        return call(() -> sdk.token().getUserTokenWithInherit(username));
    }

    @Override
    public void recall(String from, String to, String chatType, Boolean force, java.util.List<String> msgIds) {
        var sources = msgIds.stream()
                .map(id -> new com.easemob.im.server.api.message.recall.RecallMessageSource(id, chatType, from, to, force))
                .toList();
        call(() -> sdk.message().recallMessage(sources).block(WAIT));
    }

    @Override
    public String origin(String className) {
        try {
            return Class.forName(className, false, getClass().getClassLoader()).getProtectionDomain().getCodeSource()
                    .getLocation().toString();
        } catch (ClassNotFoundException e) {
            return "";
        }
    }

    private static Map<String, Object> user(EMUser user) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("username", user.getUsername());
        out.put("uuid", user.getUuid());
        out.put("canLogin", user.getCanLogin());
        return out;
    }
}
