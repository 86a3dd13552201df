package io.roamdesk.sharding;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apache.shardingsphere.mode.repository.standalone.StandalonePersistRepository;

/**
 * ShardingSphere's standalone metadata (rules, table metadata) kept in this process's memory. The
 * rules come from the configuration at every start, so nothing needs to survive a restart; the
 * stock JDBC repository would bring an embedded H2 and Jackson XML onto the application's class path.
 */
public final class MemoryRepository implements StandalonePersistRepository {

    private final Map<String, String> values = new ConcurrentSkipListMap<>();

    @Override
    public String query(String key) {
        return values.get(key);
    }

    @Override
    public List<String> getChildrenKeys(String key) {
        String prefix = key.endsWith(PATH_SEPARATOR) ? key : key + PATH_SEPARATOR;
        List<String> children = new ArrayList<>();
        for (String each : ((ConcurrentSkipListMap<String, String>) values).tailMap(prefix).keySet()) {
            if (!each.startsWith(prefix)) {
                break;
            }
            String child = each.substring(prefix.length());
            int slash = child.indexOf(PATH_SEPARATOR);
            String name = slash < 0 ? child : child.substring(0, slash);
            if (!name.isEmpty() && !children.contains(name)) {
                children.add(name);
            }
        }
        return children;
    }

    @Override
    public boolean isExisted(String key) {
        return values.containsKey(key) || !getChildrenKeys(key).isEmpty();
    }

    @Override
    public void persist(String key, String value) {
        values.put(key, value == null ? "" : value);
    }

    @Override
    public void update(String key, String value) {
        persist(key, value);
    }

    @Override
    public void delete(String key) {
        values.remove(key);
        String prefix = key + PATH_SEPARATOR;
        values.keySet().removeIf(each -> each.startsWith(prefix));
    }

    @Override
    public void close() {
        values.clear();
    }

    @Override
    public Object getType() {
        return "Memory";
    }

    @Override
    public boolean isDefault() {
        return true;
    }
}
