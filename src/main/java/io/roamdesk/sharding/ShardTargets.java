package io.roamdesk.sharding;

import java.util.List;

/**
 * The physical databases of the sharded mode, shard 0 first: from {@code roamdesk.sharding.shards[i]}
 * in a deployment, or a bean of this type (the tests start one embedded MariaDB per shard).
 */
public record ShardTargets(List<Target> shards) {

    public ShardTargets {
        if (shards == null || shards.isEmpty()) {
            throw new IllegalArgumentException("the sharded profile needs roamdesk.sharding.shards[0..n].url");
        }
        shards = List.copyOf(shards);
    }

    public record Target(String url, String username, String password) {
    }
}
