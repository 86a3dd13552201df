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
}
