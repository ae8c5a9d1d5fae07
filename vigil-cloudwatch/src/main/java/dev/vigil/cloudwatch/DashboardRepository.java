package dev.vigil.cloudwatch;

import java.util.List;
import java.util.Optional;

/** Dashboards, one copy per account (they are global, not regional). */
public interface DashboardRepository {

    /** Creates or replaces a dashboard. */
    void put(Dashboard dashboard);

    Optional<Dashboard> get(String accountId, String name);

    /** Up to {@code limit} dashboards whose name starts with {@code prefix} and sorts after {@code after}, by name, without bodies. */
    List<Dashboard> list(String accountId, String prefix, String after, int limit);

    /**
     * Deletes all the named dashboards, or none: returns the names that do not exist (then nothing was deleted).
     */
    List<String> deleteAll(String accountId, List<String> names);
}
