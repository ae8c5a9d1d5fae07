package dev.vigil.logs;

import dev.vigil.core.RequestContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.RejectedLogEventsInfo;

/**
 * PutLogEvents with AWS's rules. The batch as a whole must fit 1,048,576 bytes (UTF-8 message bytes plus 26 per
 * event), be in chronological order and span at most 24 hours, or nothing is stored. Within an acceptable batch,
 * events more than 14 days old, more than 2 hours ahead or older than the group's retention are rejected one by
 * one and reported in rejectedLogEventsInfo; the rest are stored. The sequence token is accepted and ignored, as
 * AWS does since 2023. Accepted events then go through the group's metric filters. Thread-safe (stateless).
 */
final class LogIngest {
    static final int MAX_BATCH_BYTES = 1_048_576;
    static final int EVENT_OVERHEAD = 26;
    static final long DAY_MS = 86_400_000L;
    static final long MAX_SPAN_MS = DAY_MS;
    static final long MAX_AGE_MS = 14 * DAY_MS;
    static final long MAX_AHEAD_MS = 2 * 3_600_000L;

    private final GroupStore groups;
    private final EventStore events;
    private final GroupResolver resolver;
    private final MetricFilterEmitter emitter;
    private final Clock clock;

    LogIngest(GroupStore groups, EventStore events, GroupResolver resolver, MetricFilterEmitter emitter, Clock clock) {
        this.groups = groups;
        this.events = events;
        this.resolver = resolver;
        this.emitter = emitter;
        this.clock = clock;
    }

    PutLogEventsResponse putLogEvents(RequestContext ctx, PutLogEventsRequest r) {
        List<InputLogEvent> input = r.logEvents();
        checkBatch(input);
        LogGroup g = resolver.byName(ctx, r.logGroupName());
        LogStream s = groups.findStream(g.id(), r.logStreamName()).orElseThrow(LogsErrors::streamNotFound);
        long now = clock.millis();
        Integer tooNewStart = null;
        Integer tooOldEnd = null;
        Integer expiredEnd = null;
        long expiredBefore = g.retentionDays() == null ? Long.MIN_VALUE : now - g.retentionDays() * DAY_MS;
        List<NewEvent> accepted = new ArrayList<>(input.size());
        for (int i = 0; i < input.size(); i++) {
            long ts = input.get(i).timestamp();
            boolean reject = false;
            if (ts < now - MAX_AGE_MS) {
                tooOldEnd = i;
                reject = true;
            }
            if (ts < expiredBefore) {
                expiredEnd = i;
                reject = true;
            }
            if (ts > now + MAX_AHEAD_MS) {
                if (tooNewStart == null) tooNewStart = i;
                reject = true;
            }
            if (!reject) accepted.add(new NewEvent(ts, input.get(i).message()));
        }
        List<StoredEvent> stored = events.append(s, accepted, now);
        emitter.emit(ctx, g, stored);
        PutLogEventsResponse.Builder out = PutLogEventsResponse.builder()
                .nextSequenceToken(sequenceToken(stored.isEmpty() ? now : stored.get(stored.size() - 1).id()));
        if (tooNewStart != null || tooOldEnd != null || expiredEnd != null) {
            out.rejectedLogEventsInfo(RejectedLogEventsInfo.builder().tooNewLogEventStartIndex(tooNewStart)
                    .tooOldLogEventEndIndex(tooOldEnd).expiredLogEventEndIndex(expiredEnd).build());
        }
        return out.build();
    }

    /** The whole-batch rules: any violation refuses the batch. */
    static void checkBatch(List<InputLogEvent> input) {
        long bytes = 0;
        for (InputLogEvent e : input) bytes += utf8Length(e.message()) + EVENT_OVERHEAD;
        if (bytes > MAX_BATCH_BYTES) {
            throw LogsErrors.invalid("Upload too large: " + bytes + " bytes exceeds limit of " + MAX_BATCH_BYTES);
        }
        for (int i = 1; i < input.size(); i++) {
            if (input.get(i).timestamp() < input.get(i - 1).timestamp()) {
                throw LogsErrors.invalid("Log events in a single PutLogEvents request must be in chronological order.");
            }
        }
        if (!input.isEmpty() && input.get(input.size() - 1).timestamp() - input.get(0).timestamp() > MAX_SPAN_MS) {
            throw LogsErrors.invalid("The batch of log events in a single PutLogEvents request cannot span more than"
                    + " 24 hours.");
        }
    }

    /** UTF-8 length of a message without encoding it (a lone surrogate counts as the '?' it encodes to). */
    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                n++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** A 56-digit token, as AWS's look; clients that still send it back get it ignored. */
    static String sequenceToken(long n) {
        String digits = Long.toString(Math.max(0, n));
        return "0".repeat(56 - digits.length()) + digits;
    }
}
