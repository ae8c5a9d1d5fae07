package dev.vigil.cloudwatch;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/** Dashboards, one copy per account (they are global, not regional). */
public interface DashboardRepository {

    /** Creates or replaces a dashboard. */
    void put(Dashboard dashboard);

    Optional<Dashboard> get(String accountId, String name);

    /** Up to {@code limit} dashboards whose name starts with {@code prefix} and sorts after {@code after}, by name, without bodies. */
    List<Dashboard> list(String accountId, String prefix, String after, int limit);

    /**
     * Deletes all the named dashboards with their tags, or none: returns the names that do not exist (then nothing
     * was deleted).
     */
    List<String> deleteAll(String accountId, List<String> names);

    /** A dashboard's tags by key, or empty when the dashboard does not exist. */
    Optional<SortedMap<String, String>> tags(String accountId, String name);

    /**
     * Adds or overwrites tags of an existing dashboard, unless the dashboard would then have more than
     * {@code maxTags}: answers the tag count it has or would have had (-1 when the dashboard does not exist; then,
     * or when over the limit, nothing was written). Atomic against concurrent tagging and deletion of the dashboard.
     */
    int tag(String accountId, String name, SortedMap<String, String> tags, int maxTags);

    /** Removes the keys from an existing dashboard's tags (absent keys are ignored); false when it does not exist. */
    boolean untag(String accountId, String name, Collection<String> keys);
}
