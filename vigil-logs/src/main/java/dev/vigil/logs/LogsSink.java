package dev.vigil.logs;

import dev.vigil.core.AwsException;
import dev.vigil.core.Caller;
import dev.vigil.core.Ids;
import dev.vigil.core.RequestContext;
import dev.vigil.core.spi.Authorizer;
import dev.vigil.core.spi.Interconnect;
import dev.vigil.core.spi.LogSink;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;

/**
 * The {@link LogSink} other services write through (EventBridge log-group targets): the service principal acts in
 * the group's account, and the group's resource policies (account-wide and the group's own) must allow it
 * {@code logs:CreateLogStream} and {@code logs:PutLogEvents} on the stream, with the source's ARN and account as
 * condition keys — as AWS requires of EventBridge. The stream is created when missing; the event then goes through
 * PutLogEvents' own rules (age, metric filters). Thread-safe (stateless).
 */
final class LogsSink implements LogSink {
    private final LogsProvider provider;
    private final Interconnect interconnect;
    private final Clock clock;

    LogsSink(LogsProvider provider, Interconnect interconnect, Clock clock) {
        this.provider = provider;
        this.interconnect = interconnect;
        this.clock = clock;
    }

    @Override
    public void write(String servicePrincipal, String sourceArn, String logGroupArn, String streamName,
                      long timestampMillis, String message) {
        LogArns.GroupRef g = LogArns.parseGroup(logGroupArn);
        if (g == null) throw LogsErrors.invalid("Invalid log group ARN: " + logGroupArn);
        RequestContext ctx = new RequestContext(Ids.requestId(), clock.instant(), g.region(),
                Caller.service(servicePrincipal, g.accountId()), servicePrincipal, servicePrincipal, "logs",
                "PutLogEvents");
        String streamArn = LogArns.stream(g.region(), g.accountId(), g.name(), streamName);
        Map<String, List<String>> keys = new LinkedHashMap<>();
        keys.put("aws:SourceArn", List.of(sourceArn));
        keys.put("aws:SourceAccount", List.of(sourceAccount(sourceArn, g.accountId())));
        Authorizer authorizer = interconnect.get(Authorizer.class);
        authorizer.authorize(ctx, "logs:CreateLogStream", List.of(streamArn), keys);
        authorizer.authorize(ctx, "logs:PutLogEvents", List.of(streamArn), keys);
        try {
            provider.createLogStream(ctx, CreateLogStreamRequest.builder().logGroupName(g.name())
                    .logStreamName(streamName).build());
        } catch (AwsException e) {
            if (!LogsErrors.ALREADY_EXISTS.equals(e.code())) throw e;
        }
        provider.putLogEvents(ctx, PutLogEventsRequest.builder().logGroupName(g.name()).logStreamName(streamName)
                .logEvents(InputLogEvent.builder().timestamp(timestampMillis).message(message).build()).build());
    }

    private static String sourceAccount(String sourceArn, String fallback) {
        if (!dev.vigil.core.Arn.isArn(sourceArn)) return fallback;
        String account = dev.vigil.core.Arn.parse(sourceArn).accountId();
        return account.isEmpty() ? fallback : account;
    }
}
