package io.roamdesk.demo;

/**
 * The shape of a generated data set. The same generator makes the demo set and, scaled up, the
 * benchmark sets; everything in it follows from {@code seed} and the anchor time.
 *
 * @param activeUsers users who chat with each other
 * @param listeners extra members of the big group who never write
 * @param bigGroupSize members of the largest group (active users first, then listeners)
 * @param messages messages in all
 * @param days how far back the history reaches from the anchor time
 * @param hubChats extra single chats of the first user, so one user has a long conversation list
 * @param hotShare share of all messages that go to the first two users' chat (0: the natural skew only)
 */
public record DataSetSpec(long seed, int activeUsers, int listeners, int bigGroupSize, int messages, int days,
        int hubChats, double hotShare) {

    public static DataSetSpec demo() {
        return new DataSetSpec(20261125L, 200, 300, 500, 100_000, 180, 40, 0);
    }

    /** A small set: a few users, the natural skew. */
    public static DataSetSpec small(long seed, int users, int messages, int days) {
        return new DataSetSpec(seed, users, 0, users, messages, days, 0, 0);
    }

    /**
     * The benchmark set at any size: 10 M messages by default, 100,000 users, a 2,000-member group,
     * a user with 1,000 conversations and a conversation with a tenth of all messages (1 M).
     */
    public static DataSetSpec benchmark(int messages, int users) {
        return new DataSetSpec(42L, users, 0, Math.min(2_000, users), messages, 365, Math.min(1_000, users - 2), 0.1);
    }

    public DataSetSpec {
        if (activeUsers < 10 || bigGroupSize > activeUsers + listeners || messages < 1 || days < 1
                || hubChats < 0 || hubChats > activeUsers - 2 || hotShare < 0 || hotShare >= 1) {
            throw new IllegalArgumentException("inconsistent data set spec");
        }
    }
}
