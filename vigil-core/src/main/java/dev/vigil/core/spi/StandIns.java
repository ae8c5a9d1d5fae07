package dev.vigil.core.spi;

import dev.vigil.core.AwsException;
import java.util.Optional;

/** Stand-ins for cross-service interfaces whose owning service is not built yet. Stateless. */
final class StandIns {
    private StandIns() {}

    static <T> T of(Class<T> type, DeliveryFailures failures) {
        Object o;
        if (type == MetricSink.class) {
            o = (MetricSink) (account, region, ns, name, dims, ts, value, unit) ->
                    failures.record("metric", ns + "/" + name, "CloudWatch metrics are not available");
        } else if (type == MessageSink.class) {
            o = (MessageSink) (principal, source, target, message, attrs) -> {
                failures.record(source, target, "messaging service not available");
                throw new AwsException("ServiceUnavailable", 503, "The target service is not available: " + target);
            };
        } else if (type == LogSink.class) {
            o = (LogSink) (principal, source, group, stream, ts, message) -> {
                failures.record(source, group, "logs service not available");
                throw new AwsException("ServiceUnavailable", 503, "The target service is not available: " + group);
            };
        } else if (type == EventPublisher.class) {
            o = (EventPublisher) (account, region, source, detailType, detail, resources, time) ->
                    failures.record(source, "events:" + account + ":default", "EventBridge is not available");
        } else if (type == Authorizer.class) {
            o = (Authorizer) (ctx, action, resources) -> { };
        } else if (type == ResourcePolicySource.class) {
            o = (ResourcePolicySource) arn -> Optional.empty();
        } else {
            return null;
        }
        return type.cast(o);
    }
}
