package io.roamdesk.sharding;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.CRC32;
import org.apache.shardingsphere.sharding.api.sharding.complex.ComplexKeysShardingAlgorithm;
import org.apache.shardingsphere.sharding.api.sharding.complex.ComplexKeysShardingValue;

/**
 * The shard of a row is a hash of its app and its second key (the owner for {@code conversation},
 * the conversation key for {@code message}, the group for {@code group_member}): CRC-32 of
 * {@code "<app_id>:<key>"} modulo the number of shards, so every statement that names both goes to
 * one database. A statement that does not name one value of each (a range, no key) goes to all
 * shards: the route test ({@code ShardRouteTest}) makes sure no hot path does that.
 */
public final class AppKeySharding implements ComplexKeysShardingAlgorithm<Comparable<?>> {

    static final String APP_COLUMN = "app_id";

    @Override
    public Collection<String> doSharding(Collection<String> availableTargetNames,
            ComplexKeysShardingValue<Comparable<?>> shardingValue) {
        List<String> targets = new ArrayList<>(new TreeSet<>(availableTargetNames));
        Collection<Comparable<?>> apps = null;
        Collection<Comparable<?>> keys = null;
        for (Map.Entry<String, Collection<Comparable<?>>> column : shardingValue.getColumnNameAndShardingValuesMap().entrySet()) {
            if (column.getKey().equalsIgnoreCase(APP_COLUMN)) {
                apps = column.getValue();
            } else {
                keys = column.getValue();
            }
        }
        if (apps == null || keys == null || apps.isEmpty() || keys.isEmpty()) {
            return targets;
        }
        Set<String> chosen = new TreeSet<>();
        for (Comparable<?> app : apps) {
            for (Comparable<?> key : keys) {
                chosen.add(targets.get(shardOf(app, key, targets.size())));
            }
        }
        return chosen;
    }

    /** The shard index of an app's key among {@code shards} databases (also used by the service's per-shard steps). */
    public static int shardOf(Object appId, Object key, int shards) {
        CRC32 crc = new CRC32();
        crc.update((appId + ":" + key).getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % shards);
    }

    @Override
    public String getType() {
        return "ROAMDESK_APP_KEY";
    }
}
