package dev.vigil.logs;

import dev.vigil.core.RequestContext;
import dev.vigil.logs.insights.FieldDiscovery;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogGroupFieldsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogGroupFieldsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogRecordRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogRecordResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroupField;

/**
 * GetLogRecord (one event by its @ptr, with its system and discovered fields) and GetLogGroupFields (the fields
 * of a group's events around a time, with the percentage of events that have each). Thread-safe (stateless).
 */
final class InsightsRecords {
    static final int FIELD_SAMPLE = 10_000;
    static final long EIGHT_MINUTES = 8 * 60_000L;
    static final long FIFTEEN_MINUTES = 15 * 60_000L;
    private static final List<String> SYSTEM_FIELDS = List.of("@timestamp", "@message", "@logStream", "@log",
            "@ingestionTime");

    private final GroupStore groups;
    private final EventStore events;
    private final GroupResolver resolver;
    private final Clock clock;

    InsightsRecords(GroupStore groups, EventStore events, GroupResolver resolver, Clock clock) {
        this.groups = groups;
        this.events = events;
        this.resolver = resolver;
        this.clock = clock;
    }

    GetLogRecordResponse getLogRecord(RequestContext ctx, GetLogRecordRequest r) {
        Pointers.Ptr p = Pointers.decode(r.logRecordPointer());
        if (!p.accountId().equals(ctx.accountId()) || !p.region().equals(ctx.region())) {
            throw LogsErrors.notFound("The specified log record does not exist.");
        }
        LogGroup g = groups.find(p.accountId(), p.region(), p.groupName()).filter(x -> x.id() == p.groupId())
                .orElseThrow(() -> LogsErrors.notFound("The specified log record does not exist."));
        StoredEvent e = events.get(g.id(), p.timestamp(), p.eventId())
                .orElseThrow(() -> LogsErrors.notFound("The specified log record does not exist."));
        String stream = groups.streams(g.id()).stream().filter(s -> s.id() == e.streamId()).map(LogStream::name)
                .findFirst().orElse("");
        Map<String, String> record = new LinkedHashMap<>();
        record.put("@timestamp", Long.toString(e.timestamp()));
        record.put("@message", e.message());
        record.put("@logStream", stream);
        record.put("@log", g.accountId() + ":" + g.name());
        record.put("@ingestionTime", Long.toString(e.ingestionTime()));
        FieldDiscovery.fields(e.message()).forEach(record::putIfAbsent);
        return GetLogRecordResponse.builder().logRecord(record).build();
    }

    GetLogGroupFieldsResponse getLogGroupFields(RequestContext ctx, GetLogGroupFieldsRequest r) {
        LogGroup g = resolver.byNameOrIdentifier(ctx, r.logGroupName(), r.logGroupIdentifier());
        long from;
        long to;
        if (r.time() != null) {
            from = r.time() * 1000 - EIGHT_MINUTES;
            to = r.time() * 1000 + EIGHT_MINUTES;
        } else {
            to = clock.millis() + 1;
            from = to - FIFTEEN_MINUTES;
        }
        Map<String, Integer> counts = new HashMap<>();
        int[] total = {0};
        events.scanAnyOrder(g.id(), from, to, e -> {
            total[0]++;
            for (String f : FieldDiscovery.fields(e.message()).keySet()) counts.merge(f, 1, Integer::sum);
            return total[0] < FIELD_SAMPLE;
        });
        Map<String, Integer> percent = new TreeMap<>();
        if (total[0] > 0) {
            for (String f : SYSTEM_FIELDS) percent.put(f, 100);
            counts.forEach((f, n) -> percent.putIfAbsent(f, (int) Math.round(100.0 * n / total[0])));
        }
        return GetLogGroupFieldsResponse.builder().logGroupFields(percent.entrySet().stream()
                .map(e -> LogGroupField.builder().name(e.getKey()).percent(e.getValue()).build()).toList()).build();
    }
}
