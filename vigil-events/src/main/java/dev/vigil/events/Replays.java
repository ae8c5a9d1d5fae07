package dev.vigil.events;

import static dev.vigil.events.EventsErrors.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.core.Arn;
import dev.vigil.core.AwsException;
import dev.vigil.core.RequestContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.eventbridge.model.CancelReplayRequest;
import software.amazon.awssdk.services.eventbridge.model.CancelReplayResponse;
import software.amazon.awssdk.services.eventbridge.model.DescribeReplayRequest;
import software.amazon.awssdk.services.eventbridge.model.DescribeReplayResponse;
import software.amazon.awssdk.services.eventbridge.model.ListReplaysRequest;
import software.amazon.awssdk.services.eventbridge.model.ListReplaysResponse;
import software.amazon.awssdk.services.eventbridge.model.Replay;
import software.amazon.awssdk.services.eventbridge.model.ReplayDestination;
import software.amazon.awssdk.services.eventbridge.model.StartReplayRequest;
import software.amazon.awssdk.services.eventbridge.model.StartReplayResponse;

/**
 * StartReplay, DescribeReplay, ListReplays, CancelReplay, and the background job that replays: a restartable
 * scheduler job (lease-guarded, so one node at a time) that walks each active replay's archive window in (event
 * time, id) order, adds {@code replay-name} to each event, matches it against the destination bus's rules (only
 * those in FilterArns when given) and queues the deliveries in the outbox together with the replay's new cursor, in
 * one transaction per batch. A restart or another node resumes after the last committed event, so an event is
 * replayed once. STARTING → RUNNING → COMPLETED, CANCELLING → CANCELLED, FAILED when the archive is gone.
 * Thread-safe (stateless apart from the stores).
 */
final class Replays {
    static final int BATCH = 200;
    private static final List<String> ACTIVE = List.of(EventReplay.STARTING, EventReplay.RUNNING);

    private final ArchiveRepository store;
    private final EventsRepository repo;
    private final Dispatcher dispatcher;
    private final Deliveries deliveries;
    private final Clock clock;

    Replays(ArchiveRepository store, EventsRepository repo, Dispatcher dispatcher, Deliveries deliveries, Clock clock) {
        this.store = store;
        this.repo = repo;
        this.dispatcher = dispatcher;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    // ---- operations

    StartReplayResponse startReplay(RequestContext ctx, StartReplayRequest r) {
        EventArchive archive = archiveOf(ctx, r.eventSourceArn());
        if (!r.eventStartTime().isBefore(r.eventEndTime())) {
            throw validation("Parameter EventEndTime is not valid. Reason: EventStartTime must be before EventEndTime.");
        }
        Instant now = clock.instant();
        ReplayDestination d = r.destination();
        if (!archive.busArn().equals(d.arn())) {
            throw validation("Parameter Destination.Arn is not valid. Reason: Cross event bus replay is not permitted.");
        }
        List<String> filters = d.hasFilterArns() ? List.copyOf(d.filterArns()) : null;
        if (filters != null) {
            for (String f : filters) {
                if (!isRuleOf(f, archive)) {
                    throw validation("Parameter Destination.FilterArns is not valid. Reason: " + f
                            + " is not a rule of event bus " + archive.busName() + ".");
                }
            }
        }
        EventReplay replay = new EventReplay(ctx.accountId(), ctx.region(), r.replayName(), r.description(),
                archive.name(), d.arn(), filters, r.eventStartTime(), r.eventEndTime(), EventReplay.STARTING, null,
                r.eventStartTime(), 0, now, null);
        if (!store.createReplay(replay)) {
            throw new AwsException(EventsErrors.ALREADY_EXISTS, 400, "Replay " + r.replayName() + " already exists.");
        }
        return StartReplayResponse.builder().replayArn(replay.arn()).state(replay.state()).replayStartTime(now).build();
    }

    DescribeReplayResponse describeReplay(RequestContext ctx, DescribeReplayRequest r) {
        EventReplay p = existing(ctx, r.replayName());
        return DescribeReplayResponse.builder().replayName(p.name()).replayArn(p.arn()).description(p.description())
                .state(p.state()).stateReason(p.stateReason()).eventSourceArn(p.archiveArn())
                .destination(ReplayDestination.builder().arn(p.destination()).filterArns(p.filterArns()).build())
                .eventStartTime(p.eventStart()).eventEndTime(p.eventEnd()).eventLastReplayedTime(p.lastReplayed())
                .replayStartTime(p.replayStart()).replayEndTime(p.replayEnd()).build();
    }

    ListReplaysResponse listReplays(RequestContext ctx, ListReplaysRequest r) {
        Archives.oneFilter("ListReplays", r.namePrefix(), r.eventSourceArn(), r.stateAsString());
        String after = PageToken.decode(r.nextToken());
        int limit = r.limit() == null ? Archives.DEFAULT_LIMIT : r.limit();
        List<Replay> page = new ArrayList<>();
        String last = null;
        boolean more = false;
        for (EventReplay p : store.replays(ctx.accountId(), ctx.region())) {
            if (after != null && p.name().compareTo(after) <= 0) continue;
            if (r.namePrefix() != null && !p.name().startsWith(r.namePrefix())) continue;
            if (r.eventSourceArn() != null && !r.eventSourceArn().equals(p.archiveArn())) continue;
            if (r.stateAsString() != null && !r.stateAsString().equals(p.state())) continue;
            if (page.size() == limit) {
                more = true;
                break;
            }
            page.add(Replay.builder().replayName(p.name()).eventSourceArn(p.archiveArn()).state(p.state())
                    .stateReason(p.stateReason()).eventStartTime(p.eventStart()).eventEndTime(p.eventEnd())
                    .eventLastReplayedTime(p.lastReplayed()).replayStartTime(p.replayStart())
                    .replayEndTime(p.replayEnd()).build());
            last = p.name();
        }
        return ListReplaysResponse.builder().replays(page).nextToken(more ? PageToken.encode(last) : null).build();
    }

    CancelReplayResponse cancelReplay(RequestContext ctx, CancelReplayRequest r) {
        EventReplay p = existing(ctx, r.replayName());
        if (!store.transition(p, ACTIVE, EventReplay.CANCELLING, null, null)) {
            throw AwsException.badRequest("IllegalStatusException", "Replay " + p.name()
                    + " is not in a valid state for this operation.");
        }
        return CancelReplayResponse.builder().replayArn(p.arn()).state(EventReplay.CANCELLING).build();
    }

    private EventReplay existing(RequestContext ctx, String name) {
        return store.replay(ctx.accountId(), ctx.region(), name).orElseThrow(() -> AwsException.badRequest(
                EventsErrors.NOT_FOUND, "Replay " + name + " does not exist."));
    }

    private EventArchive archiveOf(RequestContext ctx, String arnText) {
        Arn arn;
        try {
            arn = Arn.parse(arnText);
        } catch (IllegalArgumentException e) {
            throw validation("Parameter EventSourceArn is not valid. Reason: Provided Arn is not in correct format.");
        }
        if (!"events".equals(arn.service()) || !arn.resource().startsWith("archive/")) {
            throw validation("Parameter EventSourceArn is not valid. Reason: Provided Arn is not in correct format.");
        }
        String name = arn.resource().substring("archive/".length());
        // StartReplay answers a missing archive as a bad EventSourceArn (ValidationException), not as not-found.
        if (!arn.accountId().equals(ctx.accountId()) || !arn.region().equals(ctx.region())) {
            throw validation("Parameter EventSourceArn is not valid. Reason: Archive " + name + " does not exist.");
        }
        return store.archive(ctx.accountId(), ctx.region(), name).orElseThrow(() -> validation(
                "Parameter EventSourceArn is not valid. Reason: Archive " + name + " does not exist."));
    }

    private static boolean isRuleOf(String ruleArn, EventArchive archive) {
        try {
            Arn a = Arn.parse(ruleArn);
            String prefix = Bus.DEFAULT.equals(archive.busName()) ? "rule/" : "rule/" + archive.busName() + "/";
            String rest = a.resource().startsWith(prefix) ? a.resource().substring(prefix.length()) : "";
            return "events".equals(a.service()) && a.accountId().equals(archive.accountId())
                    && a.region().equals(archive.region()) && !rest.isEmpty() && !rest.contains("/");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // ---- the background job

    /** Works every active replay as far as it goes; answers how many events were replayed. */
    int run() {
        int replayed = 0;
        for (EventReplay p : store.activeReplays()) {
            try {
                replayed += work(p);
            } catch (dev.vigil.store.StoreException e) {
                // The store, not the replay, failed: the next run resumes from the last committed batch.
                org.slf4j.LoggerFactory.getLogger(Replays.class).warn("replay {} paused: {}", p.arn(), e.getMessage());
            } catch (RuntimeException e) {
                store.transition(p, List.of(EventReplay.STARTING, EventReplay.RUNNING), EventReplay.FAILED,
                        "Replay failed: " + e.getMessage(), clock.instant());
            }
        }
        if (replayed > 0) deliveries.kick();
        return replayed;
    }

    private int work(EventReplay p) {
        Instant now = clock.instant();
        if (EventReplay.CANCELLING.equals(p.state())) {
            store.transition(p, List.of(EventReplay.CANCELLING), EventReplay.CANCELLED, null, now);
            return 0;
        }
        if (store.archive(p.accountId(), p.region(), p.archiveName()).isEmpty()) {
            store.transition(p, ACTIVE, EventReplay.FAILED, "Archive " + p.archiveName() + " does not exist.", now);
            return 0;
        }
        if (EventReplay.STARTING.equals(p.state())) {
            if (!store.transition(p, List.of(EventReplay.STARTING), EventReplay.RUNNING, null, null)) return 0;
        }
        String bus = Arn.parse(p.destination()).resource().substring("event-bus/".length());
        Set<String> filters = p.filterArns() == null ? null : new HashSet<>(p.filterArns());
        Instant cursorTime = p.cursorTime();
        long cursorId = p.cursorId();
        int replayed = 0;
        while (true) {
            List<ArchivedEvent> batch = store.archivedEvents(p.accountId(), p.region(), p.archiveName(), p.eventStart(),
                    p.eventEnd(), cursorTime, cursorId, BATCH);
            if (batch.isEmpty()) {
                store.transition(p, List.of(EventReplay.RUNNING), EventReplay.COMPLETED, null, clock.instant());
                return replayed;
            }
            List<OutboxEntry> out = new ArrayList<>();
            for (ArchivedEvent e : batch) {
                ObjectNode event;
                try {
                    event = (ObjectNode) EventEnvelope.JSON.readTree(e.body());
                } catch (JsonProcessingException | ClassCastException malformed) {
                    continue; // archived by Vigil as an object; an unreadable row replays nothing
                }
                event.put("replay-name", p.name());
                for (OutboxEntry o : dispatcher.route(p.accountId(), p.region(), bus, event, EventEnvelope.text(event),
                        now)) {
                    if (filters == null || filters.contains(o.ruleArn())) out.add(o);
                }
            }
            ArchivedEvent lastEvent = batch.get(batch.size() - 1);
            EventReplay at = withCursor(p, cursorTime, cursorId);
            if (!store.advance(at, lastEvent.eventTime(), lastEvent.id(), () -> {
                if (!out.isEmpty()) repo.enqueue(out);
            })) {
                return replayed; // cancelled, or another worker moved it: the next run looks again
            }
            replayed += batch.size();
            cursorTime = lastEvent.eventTime();
            cursorId = lastEvent.id();
            if (!out.isEmpty()) deliveries.kick();
        }
    }

    private static EventReplay withCursor(EventReplay p, Instant time, long id) {
        return new EventReplay(p.accountId(), p.region(), p.name(), p.description(), p.archiveName(), p.destination(),
                p.filterArns(), p.eventStart(), p.eventEnd(), EventReplay.RUNNING, p.stateReason(), time, id,
                p.replayStart(), p.replayEnd());
    }
}
