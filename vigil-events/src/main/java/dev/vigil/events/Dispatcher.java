package dev.vigil.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.Arn;
import dev.vigil.core.spi.DeliveryFailures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an event into outbox deliveries: matches it against its bus's compiled rules (or sends it to one rule, for
 * scheduled events) and shapes each target's input. SQS, SNS, event-bus, API destination and log-group targets can
 * be delivered; an event for any other target kind is recorded as a delivery failure. Thread-safe.
 */
final class Dispatcher {
    private final RuleMachines machines;
    private final DeliveryFailures failures;
    private final BusEventListeners listeners;

    Dispatcher(RuleMachines machines, DeliveryFailures failures) {
        this(machines, failures, new BusEventListeners());
    }

    /** @param listeners told of every event a bus accepts (schema discovery) */
    Dispatcher(RuleMachines machines, DeliveryFailures failures, BusEventListeners listeners) {
        this.machines = machines;
        this.failures = failures;
        this.listeners = listeners;
    }

    List<OutboxEntry> route(String account, String region, String bus, JsonNode event, String eventText,
                            Instant ingestion) {
        return route(account, region, bus, event, eventText, ingestion, false);
    }

    /** With {@code forwarded} (the event came from another bus) bus targets are skipped: an event makes one hop. */
    List<OutboxEntry> route(String account, String region, String bus, JsonNode event, String eventText,
                            Instant ingestion, boolean forwarded) {
        listeners.accepted(account, region, bus, event);
        RuleMachines.Compiled c = machines.of(account, region, bus);
        List<OutboxEntry> out = new ArrayList<>();
        for (EventRule rule : c.match(event)) {
            toTargets(rule, c.targets().getOrDefault(rule.name(), List.of()), event, eventText, ingestion, out, forwarded);
        }
        return out;
    }

    void toTargets(EventRule rule, List<RuleTarget> targets, JsonNode event, String eventText, Instant ingestion,
                   List<OutboxEntry> out) {
        toTargets(rule, targets, event, eventText, ingestion, out, false);
    }

    private void toTargets(EventRule rule, List<RuleTarget> targets, JsonNode event, String eventText, Instant ingestion,
                           List<OutboxEntry> out, boolean forwarded) {
        for (RuleTarget t : targets) {
            if (forwarded && isBus(t.arn())) {
                failures.record(rule.arn(), t.arn(), "an event received from another event bus is not forwarded again");
                continue;
            }
            if (!deliverable(t.arn())) {
                failures.record(rule.arn(), t.arn(), "EventBridge cannot deliver to this target type yet");
                continue;
            }
            String body = InputShaper.shape(t, event, eventText, rule.arn(), rule.name(), ingestion.toString());
            out.add(new OutboxEntry(0, rule.accountId(), rule.region(), rule.arn(), t.arn(), body, ingestion, 0,
                    t.effectiveMaxRetries(), t.effectiveMaxAgeSeconds(), t.deadLetterArn(), ingestion,
                    targetParams(t, event)));
        }
    }

    /** What a delivery needs beyond its body: an API destination's HttpParameters, a log group's event id and time. */
    private static String targetParams(RuleTarget t, JsonNode event) {
        if (ApiDestinations.isArn(t.arn())) return t.httpParameters();
        if (LogTargets.isLogGroup(t.arn())) return LogTargets.params(event);
        return null;
    }

    static boolean deliverable(String arn) {
        return TargetKind.of(arn) != TargetKind.UNDELIVERABLE;
    }

    static boolean isBus(String arn) {
        return TargetKind.of(arn) == TargetKind.BUS;
    }
}
