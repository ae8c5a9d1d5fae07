package dev.vigil.cloudwatch.alarms;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/** The alarm store (DESIGN §4): alarms, their history, tags and anomaly detectors. */
public interface AlarmRepository {

    Optional<Alarm> get(String accountId, String region, String name);

    /** Every alarm of an account and region, by name (composite rules and DescribeAlarms filter over these). */
    List<Alarm> list(String accountId, String region);

    /** The composite alarms of an account and region (followers of a changed alarm are found among these). */
    List<Alarm> composites(String accountId, String region);

    /** Inserts a new alarm (version 1); false when one of that name exists (nothing written). */
    boolean create(Alarm alarm);

    /** Replaces the configuration if the alarm is still at {@code expectedVersion}; the state is kept. */
    boolean updateConfig(Alarm alarm, long expectedVersion);

    /** Writes state, suppression and next evaluation if the alarm is still at {@code expectedVersion}. */
    boolean updateState(Alarm alarm, long expectedVersion);

    /** Up to {@code limit} metric alarms or composite alarms (any account) whose next evaluation is due at {@code now}. */
    List<Alarm> due(long now, int limit);

    /** Takes one evaluation: moves next_eval from {@code expected} to {@code next}; false if another node did. */
    boolean claim(String accountId, String region, String name, long expected, Long next);

    /** Deletes all the named alarms with their tags (history stays, as on AWS), or none: the names that do not exist. */
    List<String> delete(String accountId, String region, Collection<String> names);

    void addHistory(AlarmHistoryItem item);

    /** Deletes history items older than {@code before}; returns how many. */
    int deleteHistoryBefore(long before);

    /**
     * History newest first (or oldest first), optionally of one alarm, of some item types and of some alarm types
     * (empty: any), with from <= ts <= to, starting strictly after {@code after} in that order (null: from the
     * start). Ordered by (ts, id), so a position stays valid while items are added (keyset paging).
     */
    List<AlarmHistoryItem> history(String accountId, String region, String alarmName, Collection<String> types,
                                   Collection<String> alarmTypes, long from, long to, boolean ascending,
                                   AlarmHistoryItem.Position after, int limit);

    Optional<SortedMap<String, String>> tags(String accountId, String region, String name);

    /** As DashboardRepository.tag: the count it has or would have had, -1 when the alarm does not exist. */
    int tag(String accountId, String region, String name, SortedMap<String, String> tags, int maxTags);

    boolean untag(String accountId, String region, String name, Collection<String> keys);

    void putDetector(String accountId, String region, AnomalyDetectorDef def, long created);

    List<AnomalyDetectorDef> detectors(String accountId, String region);

    boolean deleteDetector(String accountId, String region, String key);
}
