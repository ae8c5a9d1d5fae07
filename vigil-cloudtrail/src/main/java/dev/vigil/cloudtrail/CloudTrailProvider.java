package dev.vigil.cloudtrail;

import dev.vigil.core.RequestContext;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.EventCategory;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;
import software.amazon.awssdk.services.cloudtrail.model.Resource;

/**
 * CloudTrail's operations. LookupEvents lists the management events of the caller's account and region from
 * the last 90 days, newest first; data events are recorded but not listed, as in AWS's event history.
 * Thread-safe (stateless apart from its collaborators).
 */
public final class CloudTrailProvider {
    static final int DEFAULT_MAX_RESULTS = 50;
    /** The model's LookupAttributeValue length limit. */
    static final int MAX_ATTRIBUTE_VALUE = 2000;
    /** Insights events can only be looked up by these (API reference, LookupEvents). */
    private static final Set<LookupAttributeKey> INSIGHT_KEYS =
            Set.of(LookupAttributeKey.EVENT_ID, LookupAttributeKey.EVENT_NAME, LookupAttributeKey.EVENT_SOURCE);

    private final EventRepository repository;
    private final Clock clock;
    private final Runnable beforeRead;

    public CloudTrailProvider(EventRepository repository, Clock clock) {
        this(repository, clock, () -> { });
    }

    /**
     * @param beforeRead lands records still queued in the recorder, so a caller sees its own earlier
     *                   calls (read-your-writes on this node; AWS's own history lags by minutes)
     */
    public CloudTrailProvider(EventRepository repository, Clock clock, Runnable beforeRead) {
        this.repository = repository;
        this.clock = clock;
        this.beforeRead = beforeRead;
    }

    public LookupEventsResponse lookupEvents(RequestContext ctx, LookupEventsRequest req) {
        beforeRead.run();
        int limit = maxResults(req.maxResults());
        Instant start = req.startTime();
        Instant end = req.endTime();
        if (start != null && end != null && start.isAfter(end)) throw CloudTrailErrors.invalidTimeRange();
        boolean insights = insights(req);
        LookupAttribute attribute = attribute(req, insights);
        LookupAttributeKey key = attribute == null ? null : attribute.attributeKey();
        String value = attribute == null ? null : normalized(key, attribute.attributeValue());

        String fingerprint = LookupToken.fingerprint(ctx.accountId(), ctx.region(), String.valueOf(key), value,
                String.valueOf(start), String.valueOf(end), String.valueOf(insights));
        String token = req.nextToken();
        EventQuery.Position after = token == null || token.isEmpty() ? null : LookupToken.decode(token, fingerprint);
        if (insights) {
            return LookupEventsResponse.builder().events(List.of()).build(); // Insights events are not produced yet
        }

        Instant horizon = CloudTrailRetention.horizon(clock.instant());
        Instant notBefore = start == null || start.isBefore(horizon) ? horizon : start;
        List<StoredEvent> rows = repository.lookup(
                new EventQuery(ctx.accountId(), ctx.region(), key, value, notBefore, end, after, limit + 1));
        boolean more = rows.size() > limit;
        List<Event> events = new ArrayList<>(Math.min(rows.size(), limit));
        for (int i = 0; i < rows.size() && i < limit; i++) events.add(toEvent(rows.get(i)));
        LookupEventsResponse.Builder response = LookupEventsResponse.builder().events(events);
        if (more) {
            StoredEvent last = rows.get(limit - 1);
            response.nextToken(LookupToken.encode(fingerprint,
                    new EventQuery.Position(last.eventTime().toEpochMilli(), last.eventId())));
        }
        return response.build();
    }

    private static int maxResults(Integer requested) {
        if (requested == null) return DEFAULT_MAX_RESULTS;
        if (requested < 1 || requested > DEFAULT_MAX_RESULTS) throw CloudTrailErrors.invalidMaxResults();
        return requested;
    }

    private static boolean insights(LookupEventsRequest req) {
        if (req.eventCategoryAsString() == null) return false;
        if (req.eventCategory() != EventCategory.INSIGHT) {
            throw CloudTrailErrors.invalidEventCategory(req.eventCategoryAsString());
        }
        return true;
    }

    /** The single lookup attribute, validated, or null. */
    private static LookupAttribute attribute(LookupEventsRequest req, boolean insights) {
        List<LookupAttribute> attributes = req.lookupAttributes();
        if (attributes == null || attributes.isEmpty()) return null;
        if (attributes.size() > 1) {
            throw CloudTrailErrors.invalidLookupAttributes("Only one lookup attribute can be specified.");
        }
        LookupAttribute a = attributes.get(0);
        if (a == null || a.attributeKeyAsString() == null) {
            throw CloudTrailErrors.invalidLookupAttributes("The lookup attribute key is required.");
        }
        LookupAttributeKey key = a.attributeKey();
        if (key == null || key == LookupAttributeKey.UNKNOWN_TO_SDK_VERSION) {
            throw CloudTrailErrors.invalidLookupAttributes("Lookup attribute key '" + a.attributeKeyAsString()
                    + "' is not valid. Valid keys: " + LookupAttributeKey.knownValues());
        }
        if (insights && !INSIGHT_KEYS.contains(key)) {
            throw CloudTrailErrors.invalidLookupAttributes("Insights events can only be looked up by EventId,"
                    + " EventName or EventSource, not " + key + ".");
        }
        String value = a.attributeValue();
        if (value == null || value.isEmpty() || value.length() > MAX_ATTRIBUTE_VALUE) {
            throw CloudTrailErrors.invalidLookupAttributes("The value of lookup attribute " + key
                    + " must be 1 to " + MAX_ATTRIBUTE_VALUE + " characters long.");
        }
        if (key == LookupAttributeKey.READ_ONLY && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw CloudTrailErrors.invalidLookupAttributes("The value of lookup attribute ReadOnly must be true or false.");
        }
        return a;
    }

    private static String normalized(LookupAttributeKey key, String value) {
        return key == LookupAttributeKey.READ_ONLY ? value.toLowerCase(Locale.ROOT) : value;
    }

    private static Event toEvent(StoredEvent e) {
        List<Resource> resources = new ArrayList<>(e.resources().size());
        for (StoredEvent.Resource r : e.resources()) {
            resources.add(Resource.builder().resourceType(r.type()).resourceName(r.name()).build());
        }
        return Event.builder()
                .eventId(e.eventId())
                .eventName(e.eventName())
                .readOnly(Boolean.toString(e.readOnly()))
                .accessKeyId(e.accessKeyId())
                .eventTime(e.eventTime().truncatedTo(ChronoUnit.SECONDS)) // as in the record: whole seconds
                .eventSource(e.eventSource())
                .username(e.username())
                .resources(resources)
                .cloudTrailEvent(e.recordJson())
                .build();
    }
}
