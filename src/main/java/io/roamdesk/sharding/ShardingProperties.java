package io.roamdesk.sharding;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code roamdesk.sharding.*}: the shards' JDBC URLs and accounts, and ShardingSphere's SQL log. */
@ConfigurationProperties("roamdesk.sharding")
public record ShardingProperties(List<ShardTargets.Target> shards, boolean sqlShow) {
}
