package dev.vigil.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.event.ruler.Machine;

/**
 * Per bus, all its enabled pattern rules compiled into one event-ruler {@link Machine} together with their targets,
 * so matching an event costs one machine walk whatever the number of rules. Local rule/target changes invalidate
 * the bus's entry at once; an entry also expires after {@link #TTL}, which bounds how long a change made on another
 * node goes unseen. Thread-safe (a compiled entry is immutable once published; Machine reads are thread-safe).
 */
final class RuleMachines {
    static final Duration TTL = Duration.ofSeconds(5);

    /** One bus's compiled rules. Immutable after construction. */
    record Compiled(Machine machine, Map<String, EventRule> rules, Map<String, List<RuleTarget>> targets,
                    Instant loadedAt) {
        /** Matches the parsed event (event-ruler walks the tree several times faster than it parses text). */
        List<EventRule> match(com.fasterxml.jackson.databind.JsonNode event) {
            List<String> names;
            try {
                names = machine.rulesForJSONEvent(event);
            } catch (RuntimeException e) {
                return List.of();
            }
            List<EventRule> out = new ArrayList<>(names.size());
            for (String n : names) out.add(rules.get(n));
            return out;
        }
    }

    private record Key(String account, String region, String bus) {}

    private final EventsRepository repo;
    private final Clock clock;
    private final Map<Key, Compiled> cache = new ConcurrentHashMap<>();
    /**
     * Bumped by every invalidation: a compile that read the store before an invalidation is not cached, else a
     * compile racing a rule change (e.g. CloudTrail's events published from another thread) could cache the old rules.
     */
    /** Buses whose expired entry one caller is recompiling now. */
    private final Map<Key, Boolean> refreshing = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();

    RuleMachines(EventsRepository repo, Clock clock) {
        this.repo = repo;
        this.clock = clock;
    }

    Compiled of(String account, String region, String bus) {
        Key key = new Key(account, region, bus);
        Instant now = clock.instant();
        Compiled c = cache.get(key);
        if (c != null && now.isBefore(c.loadedAt().plus(TTL)) && !now.isBefore(c.loadedAt())) return c;
        // Only expired (no local change since): one caller recompiles while the others keep matching with the
        // entry a moment longer, instead of every concurrent PutEvents compiling the same bus at once.
        if (c != null && refreshing.putIfAbsent(key, Boolean.TRUE) != null) return c;
        try {
            long seen = changes.get();
            Compiled fresh = compile(account, region, bus, now);
            cache.compute(key, (k, old) -> changes.get() == seen ? fresh : old);
            return fresh;
        } finally {
            if (c != null) refreshing.remove(key);
        }
    }

    void invalidate(String account, String region, String bus) {
        changes.incrementAndGet();
        cache.remove(new Key(account, region, bus));
    }

    void clear() {
        changes.incrementAndGet();
        cache.clear();
    }

    private Compiled compile(String account, String region, String bus, Instant now) {
        Machine machine = new Machine();
        Map<String, EventRule> rules = new HashMap<>();
        Map<String, List<RuleTarget>> allTargets = repo.targetsOfBus(account, region, bus);
        Map<String, List<RuleTarget>> targets = new HashMap<>();
        for (EventRule r : repo.rules(account, region, bus, null, 0)) {
            if (!r.enabled() || r.eventPattern() == null) continue;
            try {
                machine.addRule(r.name(), r.eventPattern());
            } catch (Exception e) {
                continue; // patterns are validated on PutRule; a stored one event-ruler refuses matches nothing
            }
            rules.put(r.name(), r);
            targets.put(r.name(), List.copyOf(allTargets.getOrDefault(r.name(), List.of())));
        }
        return new Compiled(machine, Map.copyOf(rules), Map.copyOf(targets), now);
    }
}
