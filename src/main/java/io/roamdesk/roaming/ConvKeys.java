package io.roamdesk.roaming;

/**
 * The owner-independent key of a conversation, the shard key of messages: both users of a single
 * chat get the same key, so each message is stored once.
 */
public final class ConvKeys {

    private ConvKeys() {
    }

    public static String single(String a, String b) {
        return a.compareTo(b) <= 0 ? "c:" + a + ":" + b : "c:" + b + ":" + a;
    }

    public static String group(String groupId) {
        return "g:" + groupId;
    }

    public static String of(ChatType type, String owner, String convId) {
        return type == ChatType.CHAT ? single(owner, convId) : group(convId);
    }
}
