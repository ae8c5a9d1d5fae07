package dev.vigil.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.Arn;
import dev.vigil.core.spi.DeliveryFailures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an event into outbox deliveries: matches it against its bus's compiled rules (or sends it to one rule, for
 * scheduled events) and shapes each target's input. Only SQS and SNS targets can be delivered yet; an event for
 * any other target kind is recorded as a delivery failure. Thread-safe.
 */
final class Dispatcher {
    private final RuleMachines machines;
    private final DeliveryFailures failures;

    Dispatcher(RuleMachines machines, DeliveryFailures failures) {
        this.machines = machines;
        this.failures = failures;
    }

    List<OutboxEntry> route(String account, String region, String bus, JsonNode event, String eventText,
                            Instant ingestion) {
        RuleMachines.Compiled c = machines.of(account, region, bus);
        List<OutboxEntry> out = new ArrayList<>();
        for (EventRule rule : c.match(event)) {
            toTargets(rule, c.targets().getOrDefault(rule.name(), List.of()), event, eventText, ingestion, out);
        }
        return out;
    }

    void toTargets(EventRule rule, List<RuleTarget> targets, JsonNode event, String eventText, Instant ingestion,
                   List<OutboxEntry> out) {
        for (RuleTarget t : targets) {
            if (!deliverable(t.arn())) {
                failures.record(rule.arn(), t.arn(), "EventBridge cannot deliver to this target type yet");
                continue;
            }
            String body = InputShaper.shape(t, event, eventText, rule.arn(), rule.name(), ingestion.toString());
            out.add(new OutboxEntry(0, rule.accountId(), rule.region(), rule.arn(), t.arn(), body, ingestion, 0,
                    t.effectiveMaxRetries(), t.effectiveMaxAgeSeconds(), t.deadLetterArn(), ingestion));
        }
    }

    static boolean deliverable(String arn) {
        try {
            String service = Arn.parse(arn).service();
            return service.equals("sqs") || service.equals("sns");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
