package dev.vigil.events;

import static dev.vigil.events.EventsErrors.validation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.core.AwsException;
import dev.vigil.core.Ids;
import dev.vigil.core.RequestContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eventbridge.model.*;

/**
 * Partner event sources. The partner side (CreatePartnerEventSource, Describe/List/DeletePartnerEventSource,
 * ListPartnerEventSourceAccounts, PutPartnerEvents) offers a source {@code aws.partner/<partner>/<name>} to one
 * customer account per offer; the customer side (ListEventSources, DescribeEventSource, Activate/Deactivate) sees
 * it PENDING until it creates the partner bus (CreateEventBus with EventSourceName = the bus name), ACTIVE after,
 * and DELETED once the partner deleted it. PutPartnerEvents puts each entry on every active customer partner bus of
 * that source: its rules are matched, its archives fed, and the deliveries queued before the answer.
 * Thread-safe (stateless apart from the stores).
 */
final class PartnerSources {
    static final String PENDING = "PENDING";
    static final String ACTIVE = "ACTIVE";
    static final String DELETED = "DELETED";

    private final ArchiveRepository store;
    private final EventsRepository repo;
    private final Dispatcher dispatcher;
    private final Archives archives;
    private final Deliveries deliveries;
    private final Clock clock;

    PartnerSources(ArchiveRepository store, EventsRepository repo, Dispatcher dispatcher, Archives archives,
                   Deliveries deliveries, Clock clock) {
        this.store = store;
        this.repo = repo;
        this.dispatcher = dispatcher;
        this.archives = archives;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    // ---- partner side

    CreatePartnerEventSourceResponse createPartnerEventSource(RequestContext ctx, CreatePartnerEventSourceRequest r) {
        var old = store.partnerSource(ctx.region(), r.name(), r.account());
        if (old.isPresent() && !old.get().deleted()) {
            throw new AwsException(EventsErrors.ALREADY_EXISTS, 400, "Event source " + r.name() + " already exists.");
        }
        for (PartnerSource s : store.partnerSourcesNamed(ctx.region(), r.name())) {
            if (!s.partnerAccount().equals(ctx.accountId()) && !s.deleted()) {
                throw new AwsException(EventsErrors.ALREADY_EXISTS, 400, "Event source " + r.name() + " already exists.");
            }
        }
        PartnerSource s = new PartnerSource(ctx.region(), r.name(), r.account(), ctx.accountId(), clock.instant(),
                false, false);
        store.savePartnerSource(s);
        return CreatePartnerEventSourceResponse.builder().eventSourceArn(s.arn()).build();
    }

    DescribePartnerEventSourceResponse describePartnerEventSource(RequestContext ctx,
                                                                  DescribePartnerEventSourceRequest r) {
        if (ownOffers(ctx, r.name()).isEmpty()) throw sourceNotFound(r.name());
        return DescribePartnerEventSourceResponse.builder().arn(PartnerSource.arn(ctx.region(), r.name()))
                .name(r.name()).build();
    }

    ListPartnerEventSourcesResponse listPartnerEventSources(RequestContext ctx, ListPartnerEventSourcesRequest r) {
        Map<String, PartnerEventSource> names = new LinkedHashMap<>();
        for (PartnerSource s : store.partnerSourcesOf(ctx.region(), ctx.accountId())) {
            if (s.deleted() || !s.name().startsWith(r.namePrefix())) continue;
            names.putIfAbsent(s.name(), PartnerEventSource.builder().arn(s.arn()).name(s.name()).build());
        }
        Page<PartnerEventSource> page = page(new ArrayList<>(names.values()), PartnerEventSource::name, r.nextToken(),
                r.limit());
        return ListPartnerEventSourcesResponse.builder().partnerEventSources(page.items()).nextToken(page.next()).build();
    }

    ListPartnerEventSourceAccountsResponse listPartnerEventSourceAccounts(RequestContext ctx,
                                                                          ListPartnerEventSourceAccountsRequest r) {
        List<PartnerSource> offers = ownOffers(ctx, r.eventSourceName());
        if (offers.isEmpty()) throw sourceNotFound(r.eventSourceName());
        List<PartnerEventSourceAccount> all = new ArrayList<>();
        for (PartnerSource s : offers) {
            all.add(PartnerEventSourceAccount.builder().account(s.accountId()).creationTime(s.createdAt())
                    .state(state(s)).build());
        }
        Page<PartnerEventSourceAccount> page = page(all, PartnerEventSourceAccount::account, r.nextToken(), r.limit());
        return ListPartnerEventSourceAccountsResponse.builder().partnerEventSourceAccounts(page.items())
                .nextToken(page.next()).build();
    }

    DeletePartnerEventSourceResponse deletePartnerEventSource(RequestContext ctx, DeletePartnerEventSourceRequest r) {
        var s = store.partnerSource(ctx.region(), r.name(), r.account());
        // Deleting what is not there succeeds, as AWS's delete operations do.
        if (s.isPresent() && s.get().partnerAccount().equals(ctx.accountId())) {
            store.setPartnerFlags(ctx.region(), r.name(), r.account(), s.get().deactivated(), true);
        }
        return DeletePartnerEventSourceResponse.builder().build();
    }

    PutPartnerEventsResponse putPartnerEvents(RequestContext ctx, PutPartnerEventsRequest r) {
        int total = 0;
        for (PutPartnerEventsRequestEntry e : r.entries()) total += entrySize(e);
        if (total > EventIngest.MAX_REQUEST_BYTES) {
            throw validation("Total size of the entries in the request is over the limit.");
        }
        Instant now = clock.instant();
        List<PutPartnerEventsResultEntry> results = new ArrayList<>();
        List<OutboxEntry> queued = new ArrayList<>();
        List<ArchivedEvent> archived = new ArrayList<>();
        int failed = 0;
        for (PutPartnerEventsRequestEntry e : r.entries()) {
            try {
                results.add(PutPartnerEventsResultEntry.builder().eventId(accept(ctx, e, now, queued, archived)).build());
            } catch (AwsException problem) {
                failed++;
                results.add(PutPartnerEventsResultEntry.builder().errorCode(problem.code())
                        .errorMessage(problem.getMessage()).build());
            }
        }
        if (!queued.isEmpty() || !archived.isEmpty()) {
            store.archive(archived, () -> {
                if (!queued.isEmpty()) repo.enqueue(queued);
            });
            deliveries.kick();
        }
        return PutPartnerEventsResponse.builder().failedEntryCount(failed).entries(results).build();
    }

    private String accept(RequestContext ctx, PutPartnerEventsRequestEntry e, Instant now, List<OutboxEntry> queued,
                          List<ArchivedEvent> archived) {
        if (e.source() == null) throw entryError("InvalidArgument", "Parameter Source is not valid. Reason: Source is a required argument.");
        if (e.detailType() == null) throw entryError("InvalidArgument", "Parameter DetailType is not valid. Reason: DetailType is a required argument.");
        if (e.detail() == null) throw entryError("InvalidArgument", "Parameter Detail is not valid. Reason: Detail is a required argument.");
        JsonNode detail;
        try {
            detail = EventEnvelope.JSON.readTree(e.detail());
        } catch (JsonProcessingException malformed) {
            throw entryError("MalformedDetail", "Detail is malformed.");
        }
        if (detail == null || !detail.isObject()) throw entryError("MalformedDetail", "Detail is malformed.");
        List<PartnerSource> offers = ownOffers(ctx, e.source());
        if (offers.isEmpty()) throw entryError("NotAuthorizedForSourceException", "Not authorized for the source.");
        String id = Ids.uuid();
        Instant time = e.time() != null ? e.time() : now;
        for (PartnerSource s : offers) {
            if (!ACTIVE.equals(state(s)) || s.deactivated()) continue;
            ObjectNode event = EventEnvelope.build(id, e.detailType(), e.source(), s.accountId(), time, s.region(),
                    e.hasResources() ? e.resources() : List.of(), detail.deepCopy());
            String text = EventEnvelope.text(event);
            queued.addAll(dispatcher.route(s.accountId(), s.region(), s.name(), event, text, now));
            archived.addAll(archives.archive(s.accountId(), s.region(), s.name(), event, text, time, now));
        }
        return id;
    }

    private static int entrySize(PutPartnerEventsRequestEntry e) {
        return EventIngest.entrySize(PutEventsRequestEntry.builder().time(e.time()).source(e.source())
                .detailType(e.detailType()).detail(e.detail()).resources(e.hasResources() ? e.resources() : null).build());
    }

    /** The caller's live offers of a source name. */
    private List<PartnerSource> ownOffers(RequestContext ctx, String name) {
        List<PartnerSource> out = new ArrayList<>();
        for (PartnerSource s : store.partnerSourcesNamed(ctx.region(), name)) {
            if (s.partnerAccount().equals(ctx.accountId()) && !s.deleted()) out.add(s);
        }
        return out;
    }

    // ---- customer side

    ListEventSourcesResponse listEventSources(RequestContext ctx, ListEventSourcesRequest r) {
        List<EventSource> all = new ArrayList<>();
        for (PartnerSource s : store.partnerSourcesFor(ctx.region(), ctx.accountId())) {
            if (r.namePrefix() != null && !s.name().startsWith(r.namePrefix())) continue;
            all.add(eventSource(s));
        }
        Page<EventSource> page = page(all, EventSource::name, r.nextToken(), r.limit());
        return ListEventSourcesResponse.builder().eventSources(page.items()).nextToken(page.next()).build();
    }

    DescribeEventSourceResponse describeEventSource(RequestContext ctx, DescribeEventSourceRequest r) {
        EventSource s = eventSource(offered(ctx, r.name()));
        return DescribeEventSourceResponse.builder().arn(s.arn()).createdBy(s.createdBy()).creationTime(s.creationTime())
                .name(s.name()).state(s.state()).build();
    }

    ActivateEventSourceResponse activateEventSource(RequestContext ctx, ActivateEventSourceRequest r) {
        PartnerSource s = offered(ctx, r.name());
        if (s.deleted()) throw invalidState(r.name());
        store.setPartnerFlags(s.region(), s.name(), s.accountId(), false, false);
        return ActivateEventSourceResponse.builder().build();
    }

    DeactivateEventSourceResponse deactivateEventSource(RequestContext ctx, DeactivateEventSourceRequest r) {
        PartnerSource s = offered(ctx, r.name());
        if (s.deleted()) throw invalidState(r.name());
        store.setPartnerFlags(s.region(), s.name(), s.accountId(), true, false);
        return DeactivateEventSourceResponse.builder().build();
    }

    /**
     * CreateEventBus of a partner bus: the bus must be named after a source offered to the caller and not deleted.
     * Called by {@link EventsProvider} before it creates the bus.
     */
    void checkPartnerBus(RequestContext ctx, String busName, String sourceName) {
        String source = sourceName != null ? sourceName : busName;
        var s = store.partnerSource(ctx.region(), source, ctx.accountId());
        if (s.isEmpty() || s.get().deleted()) {
            throw AwsException.badRequest(EventsErrors.NOT_FOUND, "Event source " + source + " does not exist.");
        }
        if (!source.equals(busName)) {
            throw validation("Event bus name must match the event source name " + source + ".");
        }
    }

    private PartnerSource offered(RequestContext ctx, String name) {
        return store.partnerSource(ctx.region(), name, ctx.accountId()).orElseThrow(() -> sourceNotFound(name));
    }

    /** The customer-visible state: DELETED once the partner deleted it, ACTIVE with its bus, PENDING before. */
    private String state(PartnerSource s) {
        if (s.deleted()) return DELETED;
        return repo.bus(s.accountId(), s.region(), s.name()).isPresent() && !s.deactivated() ? ACTIVE : PENDING;
    }

    private EventSource eventSource(PartnerSource s) {
        return EventSource.builder().arn(s.arn()).createdBy(createdBy(s)).creationTime(s.createdAt()).name(s.name())
                .state(state(s)).build();
    }

    /** AWS names the partner in CreatedBy: the {@code <partner>} part of {@code aws.partner/<partner>/...}. */
    private static String createdBy(PartnerSource s) {
        String rest = s.name().substring(PartnerSource.PREFIX.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private static AwsException sourceNotFound(String name) {
        return AwsException.badRequest(EventsErrors.NOT_FOUND, "Event source " + name + " does not exist.");
    }

    private static AwsException invalidState(String name) {
        return AwsException.badRequest("InvalidStateException", "Event source " + name + " is deleted.");
    }

    private static AwsException entryError(String code, String message) {
        return AwsException.badRequest(code, message);
    }

    private record Page<T>(List<T> items, String next) {}

    private static <T> Page<T> page(List<T> all, java.util.function.Function<T, String> key, String token,
                                    Integer limit) {
        String after = PageToken.decode(token);
        int max = limit == null ? Archives.DEFAULT_LIMIT : limit;
        List<T> out = new ArrayList<>();
        String last = null;
        for (T t : all) {
            String k = key.apply(t);
            if (after != null && k.compareTo(after) <= 0) continue;
            if (out.size() == max) return new Page<>(out, PageToken.encode(last));
            out.add(t);
            last = k;
        }
        return new Page<>(out, null);
    }
}
