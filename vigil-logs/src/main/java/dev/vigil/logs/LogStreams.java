package dev.vigil.logs;

import dev.vigil.core.RequestContext;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogStreamResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;

/** Log stream operations. Thread-safe (stateless). */
final class LogStreams {
    private static final int DEFAULT_LIMIT = 50;

    private final GroupStore groups;
    private final GroupResolver resolver;
    private final Clock clock;

    LogStreams(GroupStore groups, GroupResolver resolver, Clock clock) {
        this.groups = groups;
        this.resolver = resolver;
        this.clock = clock;
    }

    CreateLogStreamResponse createLogStream(RequestContext ctx, CreateLogStreamRequest r) {
        LogGroup g = resolver.byName(ctx, r.logGroupName());
        if (!groups.createStream(g.id(), r.logStreamName(), clock.millis())) {
            throw LogsErrors.exists("The specified log stream already exists");
        }
        return CreateLogStreamResponse.builder().build();
    }

    DeleteLogStreamResponse deleteLogStream(RequestContext ctx, DeleteLogStreamRequest r) {
        LogGroup g = resolver.byName(ctx, r.logGroupName());
        if (!groups.deleteStream(g.id(), r.logStreamName())) throw LogsErrors.streamNotFound();
        return DeleteLogStreamResponse.builder().build();
    }

    DescribeLogStreamsResponse describeLogStreams(RequestContext ctx, DescribeLogStreamsRequest r) {
        LogGroup g = resolver.byNameOrIdentifier(ctx, r.logGroupName(), r.logGroupIdentifier());
        boolean byTime = "LastEventTime".equals(r.orderByAsString());
        String prefix = r.logStreamNamePrefix();
        if (byTime && prefix != null) {
            throw LogsErrors.invalid("Cannot order by LastEventTime with a logStreamNamePrefix.");
        }
        boolean desc = Boolean.TRUE.equals(r.descending());
        int limit = r.limit() == null ? DEFAULT_LIMIT : r.limit();
        List<LogStream> page;
        if (byTime) {
            Long afterTime = null;
            String afterName = null;
            if (r.nextToken() != null) {
                String[] t = Tokens.decode(r.nextToken(), 2);
                afterTime = Tokens.number(t[0]);
                afterName = t[1];
            }
            page = groups.streamsByLastEvent(g.id(), afterTime, afterName, desc, limit + 1);
        } else {
            String after = r.nextToken() == null ? null : Tokens.decode(r.nextToken(), 1)[0];
            page = groups.streamsByName(g.id(), prefix, after, desc, limit + 1);
        }
        boolean more = page.size() > limit;
        if (more) page = page.subList(0, limit);
        DescribeLogStreamsResponse.Builder out = DescribeLogStreamsResponse.builder()
                .logStreams(page.stream().map(s -> describe(g, s)).toList());
        if (more) {
            LogStream last = page.get(page.size() - 1);
            out.nextToken(byTime ? Tokens.encode(last.lastEvent() == null ? 0 : last.lastEvent(), last.name())
                    : Tokens.encode(last.name()));
        }
        return out.build();
    }

    private static software.amazon.awssdk.services.cloudwatchlogs.model.LogStream describe(LogGroup g, LogStream s) {
        return software.amazon.awssdk.services.cloudwatchlogs.model.LogStream.builder()
                .logStreamName(s.name())
                .creationTime(s.creationTime())
                .firstEventTimestamp(s.firstEvent())
                .lastEventTimestamp(s.lastEvent())
                .lastIngestionTime(s.lastIngestion())
                .arn(LogArns.stream(g.region(), g.accountId(), g.name(), s.name()))
                .storedBytes(s.storedBytes())
                .build();
    }
}
