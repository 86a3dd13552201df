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
 */
public record DataSetSpec(long seed, int activeUsers, int listeners, int bigGroupSize, int messages, int days) {

    public static DataSetSpec demo() {
        return new DataSetSpec(20261125L, 200, 300, 500, 100_000, 180);
    }

    public DataSetSpec {
        if (activeUsers < 10 || bigGroupSize > activeUsers + listeners || messages < 1 || days < 1) {
            throw new IllegalArgumentException("inconsistent data set spec");
        }
    }
}
