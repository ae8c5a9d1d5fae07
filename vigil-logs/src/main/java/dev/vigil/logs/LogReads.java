package dev.vigil.logs;

import dev.vigil.core.RequestContext;
import dev.vigil.logs.filter.FilterPattern;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.SearchedLogStream;

/**
 * GetLogEvents and FilterLogEvents.
 *
 * <p>GetLogEvents' tokens name a position between two events: {@code f/<ts><id>/s} reads forward from it,
 * {@code b/<ts><id>/s} backward. An empty page answers the token it was given (and the other direction's token at
 * the same place), so a reader polling at either end keeps its token until new events arrive.
 *
 * <p>FilterLogEvents reads the group's events in (timestamp, id) order, keeps those of the selected streams that
 * match the pattern, and stops at the limit or at 1 MB of events; then nextToken carries on from the last event
 * it returned. Events are always interleaved across streams.
 * Thread-safe (stateless).
 */
final class LogReads {
    static final int MAX_EVENTS = 10_000;
    static final int MAX_BYTES = 1_048_576;
    private static final Pattern TOKEN = Pattern.compile("([fb])/(\\d{20})(\\d{20})/s");
    private static final EventStore.Position HEAD = new EventStore.Position(Long.MIN_VALUE, Long.MIN_VALUE);
    private static final EventStore.Position TAIL = new EventStore.Position(Long.MAX_VALUE, Long.MAX_VALUE);

    private final GroupStore groups;
    private final EventStore events;
    private final GroupResolver resolver;
    private final Patterns patterns;

    LogReads(GroupStore groups, EventStore events, GroupResolver resolver, Patterns patterns) {
        this.groups = groups;
        this.events = events;
        this.resolver = resolver;
        this.patterns = patterns;
    }

    // --- GetLogEvents ---

    private record Token(boolean forward, EventStore.Position position) {}

    static String token(boolean forward, EventStore.Position p) {
        // Ids and timestamps are never negative; the head and tail sentinels print as all zeros / all nines.
        long ts = p == HEAD ? 0 : p == TAIL ? 99_999_999_999_999_999L : p.timestamp();
        long id = p == HEAD ? 0 : p == TAIL ? 99_999_999_999_999_999L : p.eventId();
        return (forward ? "f/" : "b/") + String.format("%020d%020d", ts, id) + "/s";
    }

    private static Token parseToken(String text) {
        Matcher m = TOKEN.matcher(text);
        if (!m.matches()) throw LogsErrors.invalid("The specified nextToken is invalid.");
        try {
            long ts = Long.parseLong(m.group(2));
            long id = Long.parseLong(m.group(3));
            EventStore.Position p = ts == 0 && id == 0 ? HEAD
                    : ts == 99_999_999_999_999_999L && id == 99_999_999_999_999_999L ? TAIL
                    : new EventStore.Position(ts, id);
            return new Token("f".equals(m.group(1)), p);
        } catch (NumberFormatException e) {
            throw LogsErrors.invalid("The specified nextToken is invalid.");
        }
    }

    GetLogEventsResponse getLogEvents(RequestContext ctx, GetLogEventsRequest r) {
        LogGroup g = resolver.byNameOrIdentifier(ctx, r.logGroupName(), r.logGroupIdentifier());
        LogClasses.requireStandard(g, "GetLogEvents");
        LogStream s = groups.findStream(g.id(), r.logStreamName()).orElseThrow(LogsErrors::streamNotFound);
        int limit = r.limit() == null ? MAX_EVENTS : r.limit();
        long from = r.startTime() == null ? Long.MIN_VALUE : r.startTime();
        long to = r.endTime() == null ? Long.MAX_VALUE : r.endTime();
        Token token = r.nextToken() == null ? null : parseToken(r.nextToken());
        boolean forward = token == null ? Boolean.TRUE.equals(r.startFromHead()) : token.forward();
        EventStore.Position at = token == null ? (forward ? HEAD : TAIL) : token.position();
        List<StoredEvent> page = new ArrayList<>(events.read(new EventStore.Range(g.id(), s.id(), from, to,
                forward && at != HEAD ? at : null, !forward && at != TAIL ? at : null, !forward, limit)));
        if (!forward) Collections.reverse(page);
        page = withinBytes(page, forward);
        GetLogEventsResponse.Builder out = GetLogEventsResponse.builder().events(page.stream()
                .map(e -> OutputLogEvent.builder().timestamp(e.timestamp()).message(e.message())
                        .ingestionTime(e.ingestionTime()).build()).toList());
        if (page.isEmpty()) {
            return out.nextForwardToken(token(true, at)).nextBackwardToken(token(false, at)).build();
        }
        StoredEvent first = page.get(0);
        StoredEvent last = page.get(page.size() - 1);
        return out.nextForwardToken(token(true, new EventStore.Position(last.timestamp(), last.id())))
                .nextBackwardToken(token(false, new EventStore.Position(first.timestamp(), first.id()))).build();
    }

    /** Keeps events up to 1 MB (message bytes + 26 each), dropping the ones farthest from the reading position. */
    private static List<StoredEvent> withinBytes(List<StoredEvent> page, boolean forward) {
        long bytes = 0;
        int n = 0;
        for (int i = 0; i < page.size(); i++) {
            StoredEvent e = page.get(forward ? i : page.size() - 1 - i);
            bytes += e.message().getBytes(StandardCharsets.UTF_8).length + LogIngest.EVENT_OVERHEAD;
            if (bytes > MAX_BYTES && n > 0) break;
            n++;
        }
        if (n == page.size()) return page;
        return forward ? page.subList(0, n) : page.subList(page.size() - n, page.size());
    }

    // --- FilterLogEvents ---

    FilterLogEventsResponse filterLogEvents(RequestContext ctx, FilterLogEventsRequest r) {
        LogGroup g = resolver.byNameOrIdentifier(ctx, r.logGroupName(), r.logGroupIdentifier());
        LogClasses.requireStandard(g, "FilterLogEvents");
        List<String> names = r.hasLogStreamNames() ? r.logStreamNames() : null;
        String prefix = r.logStreamNamePrefix();
        if (names != null && prefix != null) {
            throw LogsErrors.invalid("logStreamNames and logStreamNamePrefix are mutually exclusive parameters.");
        }
        FilterPattern pattern = patterns.compile(r.filterPattern());
        int limit = r.limit() == null ? MAX_EVENTS : r.limit();
        long from = r.startTime() == null ? Long.MIN_VALUE : r.startTime();
        long to = r.endTime() == null ? Long.MAX_VALUE : r.endTime();
        EventStore.Position after = null;
        if (r.nextToken() != null) {
            String[] t = Tokens.decode(r.nextToken(), 3);
            if (Tokens.number(t[0]) != g.id()) throw LogsErrors.invalidNextToken();
            after = new EventStore.Position(Tokens.number(t[1]), Tokens.number(t[2]));
        }
        Map<Long, String> streamNames = new HashMap<>();
        List<LogStream> searched = new ArrayList<>();
        Set<String> wanted = names == null ? null : new HashSet<>(names);
        for (LogStream s : groups.streams(g.id())) {
            if (wanted != null && !wanted.contains(s.name())) continue;
            if (prefix != null && !s.name().startsWith(prefix)) continue;
            streamNames.put(s.id(), s.name());
            searched.add(s);
        }
        List<FilteredLogEvent> out = new ArrayList<>();
        long[] bytes = {0};
        StoredEvent[] last = {null};
        boolean[] full = {false};
        if (!streamNames.isEmpty()) {
            // One stream: read its own chunks; several: the group's, keeping the selected streams.
            Long only = streamNames.size() == 1 ? streamNames.keySet().iterator().next() : null;
            events.scan(new EventStore.Range(g.id(), only, from, to, after, null, false, Integer.MAX_VALUE),
                    new EventStore.TextFilter() {
                        @Override
                        public boolean test(StoredEvent e) {
                            return streamNames.containsKey(e.streamId()) && pattern.matches(e.message());
                        }

                        @Override
                        public List<String> requiredTexts() {
                            return pattern.requiredTexts();
                        }
                    }, e -> {
                        last[0] = e;
                        out.add(FilteredLogEvent.builder().logStreamName(streamNames.get(e.streamId()))
                                .timestamp(e.timestamp()).message(e.message()).ingestionTime(e.ingestionTime())
                                .eventId(eventId(e)).build());
                        bytes[0] += e.message().getBytes(StandardCharsets.UTF_8).length + LogIngest.EVENT_OVERHEAD;
                        full[0] = out.size() >= limit || bytes[0] >= MAX_BYTES;
                        return !full[0];
                    });
        }
        boolean complete = !full[0];
        FilterLogEventsResponse.Builder resp = FilterLogEventsResponse.builder().events(out)
                .searchedLogStreams(searched.stream().map(s -> SearchedLogStream.builder().logStreamName(s.name())
                        .searchedCompletely(complete).build()).toList());
        if (!complete) resp.nextToken(Tokens.encode(g.id(), last[0].timestamp(), last[0].id()));
        return resp.build();
    }

    /** AWS's event ids are 56 digits; ours carry the timestamp and the stored id, so they are unique and ordered. */
    static String eventId(StoredEvent e) {
        return String.format("%036d%020d", e.timestamp(), e.id());
    }
}
