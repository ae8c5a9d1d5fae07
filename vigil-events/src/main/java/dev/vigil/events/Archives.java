package dev.vigil.events;

import static dev.vigil.events.EventsErrors.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.Arn;
import dev.vigil.core.AwsException;
import dev.vigil.core.RequestContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.eventbridge.model.Archive;
import software.amazon.awssdk.services.eventbridge.model.CreateArchiveRequest;
import software.amazon.awssdk.services.eventbridge.model.CreateArchiveResponse;
import software.amazon.awssdk.services.eventbridge.model.DeleteArchiveRequest;
import software.amazon.awssdk.services.eventbridge.model.DeleteArchiveResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeArchiveRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeArchiveResponse;
import software.amazon.awssdk.services.eventbridge.model.ListArchivesRequest;
import software.amazon.awssdk.services.eventbridge.model.ListArchivesResponse;
import software.amazon.awssdk.services.eventbridge.model.UpdateArchiveRequest;
import software.amazon.awssdk.services.eventbridge.model.UpdateArchiveResponse;
import software.amazon.event.ruler.Machine;

/**
 * Archives: CreateArchive … DeleteArchive, and the matching that decides which accepted events each archive keeps.
 * On AWS an archive is fed by a managed rule {@code Events-Archive-<name>} on its bus whose pattern is the archive's
 * pattern plus {@code "replay-name": [{"exists": false}]}. Vigil matches archives directly with one event-ruler
 * machine per bus (same semantics: the archive's pattern, replayed events never archived). The managed rule is shown
 * as AWS shows it (ListRules, DescribeRule, with ManagedBy) because tools that walk rules (clean-up scripts,
 * linters) meet it on AWS and must be testable here; it is a view derived from the archive, never a stored rule, and
 * changing it answers ManagedRuleException. Compiled machines are cached per bus like
 * {@link RuleMachines} (local changes invalidate at once, other nodes' within {@link RuleMachines#TTL}).
 * Thread-safe (immutable compiled entries in a concurrent map).
 */
final class Archives {
    static final int DEFAULT_LIMIT = 100;
    /** The ManagedBy AWS shows on an archive's managed rule. */
    static final String MANAGED_BY = "prod.vhs.events.aws.internal";

    /** One bus's archives compiled. Immutable. */
    private record Compiled(Machine machine, List<String> all, Instant loadedAt) {}

    private record Key(String account, String region, String bus) {}

    private final ArchiveRepository store;
    private final BusNames buses;
    private final Clock clock;
    private final Map<Key, Compiled> cache = new ConcurrentHashMap<>();
    /** Bumped by every invalidation; a compile that raced one is not cached (as in {@link RuleMachines}). */
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();

    Archives(ArchiveRepository store, EventsRepository repo, Clock clock) {
        this.store = store;
        this.buses = new BusNames(repo);
        this.clock = clock;
    }

    // ---- matching accepted events

    /**
     * The archive rows an event accepted on a bus makes: one per archive of the bus whose pattern it matches.
     * Replayed events (with {@code replay-name}) are never archived, as on AWS.
     */
    List<ArchivedEvent> archive(String account, String region, String bus, JsonNode event, String text,
                                Instant eventTime, Instant now) {
        if (event.has("replay-name")) return List.of();
        Compiled c = compiled(account, region, bus, now);
        if (c.all().isEmpty()) return List.of();
        List<String> names;
        try {
            names = c.machine().rulesForJSONEvent(event);
        } catch (RuntimeException e) {
            names = List.of();
        }
        List<ArchivedEvent> out = new ArrayList<>(names.size());
        int size = text.getBytes(StandardCharsets.UTF_8).length;
        for (String n : names) out.add(new ArchivedEvent(0, account, region, n, eventTime, now, size, text));
        return out;
    }

    private Compiled compiled(String account, String region, String bus, Instant now) {
        Key key = new Key(account, region, bus);
        Compiled c = cache.get(key);
        if (c != null && now.isBefore(c.loadedAt().plus(RuleMachines.TTL)) && !now.isBefore(c.loadedAt())) return c;
        long seen = changes.get();
        Machine machine = new Machine();
        List<String> all = new ArrayList<>();
        for (EventArchive a : store.archivesOfBus(account, region, bus)) {
            try {
                // No pattern: every event. "source" always exists in an accepted event.
                machine.addRule(a.name(), a.eventPattern() != null ? a.eventPattern() : "{\"source\": [{\"exists\": true}]}");
                all.add(a.name());
            } catch (Exception e) {
                // validated on CreateArchive/UpdateArchive; a stored pattern event-ruler refuses archives nothing
            }
        }
        Compiled fresh = new Compiled(machine, List.copyOf(all), now);
        cache.compute(key, (k, old) -> changes.get() == seen ? fresh : old);
        return fresh;
    }

    /**
     * The managed rule AWS shows for an archive ({@code Events-Archive-<name>}: the archive's pattern plus
     * {@code "replay-name": [{"exists": false}]}), as a read-only view; it is not stored and matches nothing itself.
     */
    static EventRule managedRule(EventArchive a) {
        com.fasterxml.jackson.databind.node.ObjectNode pattern;
        try {
            JsonNode given = a.eventPattern() == null ? null : EventEnvelope.JSON.readTree(a.eventPattern());
            pattern = given instanceof com.fasterxml.jackson.databind.node.ObjectNode o ? o.deepCopy()
                    : EventEnvelope.JSON.createObjectNode();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            pattern = EventEnvelope.JSON.createObjectNode();
        }
        pattern.putArray("replay-name").addObject().put("exists", false);
        return new EventRule(a.accountId(), a.region(), a.busName(), a.managedRuleName(), EventEnvelope.text(pattern),
                null, EventRule.ENABLED, null, null, a.accountId(), a.createdAt(), null);
    }

    /** The managed archive rules of a bus, by name. */
    static java.util.SortedMap<String, EventRule> managedRules(ArchiveRepository store, String account, String region,
                                                               String bus) {
        java.util.SortedMap<String, EventRule> out = new java.util.TreeMap<>();
        for (EventArchive a : store.archivesOfBus(account, region, bus)) out.put(a.managedRuleName(), managedRule(a));
        return out;
    }

    void invalidate(String account, String region, String bus) {
        changes.incrementAndGet();
        cache.remove(new Key(account, region, bus));
    }

    void clear() {
        changes.incrementAndGet();
        cache.clear();
    }

    /** The retention sweep (scheduler, lease-guarded); answers how many events expired. */
    int sweep() { return store.sweepExpired(clock.instant()); }

    // ---- operations

    CreateArchiveResponse createArchive(RequestContext ctx, CreateArchiveRequest r) {
        String bus = sourceBus(ctx, r.eventSourceArn());
        if (r.eventPattern() != null) EventPatterns.validate(r.eventPattern());
        int retention = retention(r.retentionDays());
        Instant now = clock.instant();
        EventArchive a = new EventArchive(ctx.accountId(), ctx.region(), r.archiveName(), bus, r.description(),
                r.eventPattern(), retention, r.kmsKeyIdentifier(), EventArchive.ENABLED, now);
        if (!store.createArchive(a)) {
            throw new AwsException(EventsErrors.ALREADY_EXISTS, 400, "Archive " + r.archiveName() + " already exists.");
        }
        invalidate(ctx.accountId(), ctx.region(), bus);
        return CreateArchiveResponse.builder().archiveArn(a.arn()).state(a.state()).creationTime(now).build();
    }

    DescribeArchiveResponse describeArchive(RequestContext ctx, DescribeArchiveRequest r) {
        EventArchive a = existing(ctx, r.archiveName());
        long[] stats = store.archiveStats(a.accountId(), a.region(), a.name());
        return DescribeArchiveResponse.builder().archiveArn(a.arn()).archiveName(a.name()).eventSourceArn(a.busArn())
                .description(a.description()).eventPattern(a.eventPattern()).state(a.state())
                .kmsKeyIdentifier(a.kmsKey()).retentionDays(a.retentionDays()).eventCount(stats[0])
                .sizeBytes(stats[1]).creationTime(a.createdAt()).build();
    }

    ListArchivesResponse listArchives(RequestContext ctx, ListArchivesRequest r) {
        oneFilter("ListArchives", r.namePrefix(), r.eventSourceArn(), r.stateAsString());
        String after = PageToken.decode(r.nextToken());
        int limit = r.limit() == null ? DEFAULT_LIMIT : r.limit();
        List<Archive> page = new ArrayList<>();
        String last = null;
        boolean more = false;
        for (EventArchive a : store.archives(ctx.accountId(), ctx.region())) {
            if (after != null && a.name().compareTo(after) <= 0) continue;
            if (r.namePrefix() != null && !a.name().startsWith(r.namePrefix())) continue;
            if (r.eventSourceArn() != null && !r.eventSourceArn().equals(a.busArn())) continue;
            if (r.stateAsString() != null && !r.stateAsString().equals(a.state())) continue;
            if (page.size() == limit) {
                more = true;
                break;
            }
            long[] stats = store.archiveStats(a.accountId(), a.region(), a.name());
            page.add(Archive.builder().archiveName(a.name()).eventSourceArn(a.busArn()).state(a.state())
                    .retentionDays(a.retentionDays()).eventCount(stats[0]).sizeBytes(stats[1])
                    .creationTime(a.createdAt()).build());
            last = a.name();
        }
        return ListArchivesResponse.builder().archives(page).nextToken(more ? PageToken.encode(last) : null).build();
    }

    UpdateArchiveResponse updateArchive(RequestContext ctx, UpdateArchiveRequest r) {
        EventArchive old = existing(ctx, r.archiveName());
        if (r.eventPattern() != null) EventPatterns.validate(r.eventPattern());
        EventArchive a = new EventArchive(old.accountId(), old.region(), old.name(), old.busName(),
                r.description() != null ? r.description() : old.description(),
                r.eventPattern() != null ? r.eventPattern() : old.eventPattern(),
                r.retentionDays() != null ? retention(r.retentionDays()) : old.retentionDays(),
                r.kmsKeyIdentifier() != null ? r.kmsKeyIdentifier() : old.kmsKey(), old.state(), old.createdAt());
        if (!store.updateArchive(a)) throw notFound(r.archiveName());
        invalidate(a.accountId(), a.region(), a.busName());
        return UpdateArchiveResponse.builder().archiveArn(a.arn()).state(a.state()).creationTime(a.createdAt()).build();
    }

    DeleteArchiveResponse deleteArchive(RequestContext ctx, DeleteArchiveRequest r) {
        EventArchive a = existing(ctx, r.archiveName());
        if (!store.deleteArchive(ctx.accountId(), ctx.region(), a.name())) throw notFound(r.archiveName());
        invalidate(a.accountId(), a.region(), a.busName());
        return DeleteArchiveResponse.builder().build();
    }

    /** ListArchives and ListReplays take at most one of their three filters. */
    static void oneFilter(String operation, String... filters) {
        int given = 0;
        for (String f : filters) if (f != null) given++;
        if (given > 1) {
            throw validation("At most one filter is allowed for " + operation
                    + ". Use either : State, EventSourceArn, or NamePrefix.");
        }
    }

    EventArchive existing(RequestContext ctx, String name) {
        return store.archive(ctx.accountId(), ctx.region(), name).orElseThrow(() -> notFound(name));
    }

    static AwsException notFound(String name) {
        return AwsException.badRequest(EventsErrors.NOT_FOUND, "Archive " + name + " does not exist.");
    }

    private static int retention(Integer days) {
        if (days == null) return 0;
        if (days < 0) throw validation("Parameter RetentionDays is not valid. Reason: RetentionDays must be >= 0.");
        return days;
    }

    /** The bus an archive's EventSourceArn names: a bus ARN of the caller's account and region that exists. */
    private String sourceBus(RequestContext ctx, String arnText) {
        Arn arn;
        try {
            arn = Arn.parse(arnText);
        } catch (IllegalArgumentException e) {
            throw validation("Parameter EventSourceArn is not valid. Reason: Provided Arn is not in correct format.");
        }
        if (!"events".equals(arn.service()) || !arn.resource().startsWith("event-bus/")) {
            throw validation("Parameter EventSourceArn is not valid. Reason: Provided Arn is not in correct format.");
        }
        String name = arn.resource().substring("event-bus/".length());
        if (!arn.accountId().equals(ctx.accountId()) || !arn.region().equals(ctx.region())
                || !buses.exists(ctx.accountId(), ctx.region(), name)) {
            throw EventsErrors.busNotFound(name);
        }
        return name;
    }
}
