package dev.vigil.events;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/** EventBridge's store: buses, rules, targets, tags and the delivery outbox. Implementations are thread-safe. */
public interface EventsRepository {

    /** Inserts a bus; false when one of that name exists. */
    boolean createBus(Bus bus);

    Optional<Bus> bus(String account, String region, String name);

    /** Stored buses in name order after {@code after}, at most {@code limit}. */
    List<Bus> buses(String account, String region, String after, int limit);

    /** Creates or replaces a bus row (UpdateEventBus, the default bus's first write). */
    void saveBus(Bus bus);

    /**
     * Rewrites a bus's resource policy (null: none) under a row lock, so concurrent PutPermission calls do not lose
     * statements; the default bus gets its row on first use. False when a custom bus does not exist. An exception
     * thrown by {@code change} leaves the policy as it was.
     */
    boolean changePolicy(String account, String region, String name, Instant now,
                         java.util.function.UnaryOperator<String> change);

    /** Deletes a bus with its rules, targets and tags; false when it did not exist. */
    boolean deleteBus(String account, String region, String name);

    /** Creates or updates a rule; the creation time and creator of an existing rule are kept. */
    void saveRule(EventRule rule);

    Optional<EventRule> rule(String account, String region, String bus, String name);

    /** Rules of a bus in name order after {@code after}, at most {@code limit} (limit <= 0: all). */
    List<EventRule> rules(String account, String region, String bus, String after, int limit);

    boolean setRuleState(String account, String region, String bus, String name, String state);

    /** Outcome of {@link #deleteRule}. */
    enum DeleteOutcome { DELETED, NOT_FOUND, HAS_TARGETS }

    /** Deletes a rule; with {@code force} its targets go too, else a rule with targets stays. */
    DeleteOutcome deleteRule(String account, String region, String bus, String name, boolean force);

    /**
     * Adds or replaces targets by id, provided the rule then has at most {@code max}; answers the count it
     * would have (> max: nothing written), or -1 when the rule does not exist.
     */
    int putTargets(String account, String region, String bus, String rule, List<RuleTarget> targets, int max);

    /** Removes targets by id; answers the ids that existed. */
    List<String> removeTargets(String account, String region, String bus, String rule, Collection<String> ids);

    List<RuleTarget> targets(String account, String region, String bus, String rule);

    /** Every target of a bus's rules, by rule name, in one read (compiling a bus's rules). */
    java.util.Map<String, List<RuleTarget>> targetsOfBus(String account, String region, String bus);

    /** Names of the bus's rules with a target of that ARN, in name order. */
    List<String> ruleNamesByTarget(String account, String region, String bus, String targetArn);

    SortedMap<String, String> tags(String account, String region, String arn);

    /** Adds/replaces tags if the total stays <= max; answers the resulting count (> max: nothing written). */
    int tag(String account, String region, String arn, SortedMap<String, String> tags, int max);

    void untag(String account, String region, String arn, Collection<String> keys);

    /** Durably queues deliveries (one transaction). */
    void enqueue(List<OutboxEntry> entries);

    /** Deliveries due at {@code now}, oldest first. */
    List<OutboxEntry> due(Instant now, int limit);

    /** Takes a delivery for an attempt by moving its due time from {@code expectedDue} to {@code until}; false when
     *  another worker took it first. */
    boolean claim(long id, Instant expectedDue, Instant until);

    void delivered(long id);

    /**
     * Claims several deliveries at once (each as {@link #claim} with its own due time); answers those this caller
     * took. The default claims one by one.
     */
    default List<OutboxEntry> claimAll(List<OutboxEntry> entries, Instant until) {
        List<OutboxEntry> out = new java.util.ArrayList<>();
        for (OutboxEntry e : entries) if (claim(e.id(), e.dueAt(), until)) out.add(e);
        return out;
    }

    /** Removes several delivered entries (one batch). The default removes them one by one. */
    default void deliveredAll(Collection<Long> ids) {
        for (Long id : ids) delivered(id);
    }

    /** Removes a delivery to an event bus and queues what that bus's rules made of it, in one transaction. */
    void forwarded(long id, List<OutboxEntry> next);

    void retryLater(long id, int attempts, Instant dueAt);

    /** Every pending delivery (tests, health). */
    long pendingDeliveries();

    /** Scheduled rules whose next firing is at or before {@code now}. */
    List<EventRule> dueSchedules(Instant now);

    /**
     * Moves a schedule's next firing from {@code expected} to {@code next} and queues the firing's deliveries, in one
     * transaction; false (nothing written) when another node did it first.
     */
    boolean claimSchedule(EventRule rule, Instant expected, Instant next, List<OutboxEntry> deliveries);
}
