package io.roamdesk.vendorsdk;

import java.util.Map;
import java.util.Set;

/**
 * The vendor SDK's calls that map onto our surface, in JDK types only: the implementation
 * ({@code driver.EasemobDriver}) runs in the SDK's own class loader (see {@link VendorSdkLoader}).
 * SDK exceptions arrive as {@link SdkError} naming the SDK's exception class.
 */
public interface VendorSdk {

    String appToken();

    /** {@code message().send().fromUser(from).toUser(to).text(...).send()}: target → message id. */
    Map<String, String> sendText(String from, String to, String text);

    /** {@code message().send(from, toType, tos, EMTextMessage, null)}: target → message id. */
    Map<String, String> sendText(String from, String toType, Set<String> tos, String text);

    void deleteChannel(String username, String channel, String type, boolean deleteRoam);

    /** {@code user().create}: username, uuid, canLogin. */
    Map<String, Object> createUser(String username, String password);

    Map<String, Object> getUser(String username);

    void deleteUser(String username);

    void updateUserPassword(String username, String password);

    /** {@code user().getToken(username, password)}: the password grant. */
    String userToken(String username, String password);

    /** {@code token().getUserTokenWithInherit(username)}: the inherit grant with the app token. */
    String inheritedUserToken(String username);

    /** Where the SDK's class loader found a class: which jar it runs on. */
    String origin(String className);

    /** {@code message().recallMessage(...)}: one list of messages of one conversation, as the SDK sends it. */
    void recall(String from, String to, String chatType, Boolean force, java.util.List<String> msgIds);

    /** A refusal, as the SDK reported it. */
    final class SdkError extends RuntimeException {

        private final String type;

        public SdkError(String type, String message) {
            super(type + ": " + message);
            this.type = type;
        }

        /** The SDK's exception class, e.g. {@code EMForbiddenException}. */
        public String type() {
            return type;
        }
    }
}
