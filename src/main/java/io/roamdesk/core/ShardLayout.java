package io.roamdesk.core;

/**
 * How many databases hold the sharded tables and which one holds an app's key (an owner, a
 * conversation key, a group): the services split a write that spans keys into one statement per shard
 * with it (docs/scaling.md). One database unless the {@code sharded} profile provides another layout.
 */
public interface ShardLayout {

    ShardLayout SINGLE = new ShardLayout() {
        @Override
        public int shards() {
            return 1;
        }

        @Override
        public int shardOf(long appId, String key) {
            return 0;
        }
    };

    int shards();

    int shardOf(long appId, String key);

    /**
     * The items split by the shard of their key, shards in order (one list on one database; none for
     * no items): a statement over several owners' rows becomes one statement per shard, and rows are
     * locked shard by shard in one global order.
     */
    default <T> java.util.Collection<java.util.List<T>> byShard(long appId, java.util.Collection<T> items,
            java.util.function.Function<T, String> key) {
        if (items.isEmpty()) {
            return java.util.List.of();
        }
        if (shards() == 1) {
            return java.util.List.of(java.util.List.copyOf(items));
        }
        java.util.Map<Integer, java.util.List<T>> parts = new java.util.TreeMap<>();
        for (T item : items) {
            parts.computeIfAbsent(shardOf(appId, key.apply(item)), k -> new java.util.ArrayList<>()).add(item);
        }
        return parts.values();
    }
}
