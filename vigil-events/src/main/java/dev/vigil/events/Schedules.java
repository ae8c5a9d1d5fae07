package dev.vigil.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.core.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Fires scheduled rules: each due rule sends one {@code Scheduled Event} (source {@code aws.events}, resources = the
 * rule's ARN, time = the scheduled instant) to its targets, and its next firing moves past now. Claiming the firing
 * and queueing its deliveries is one transaction guarded by the previous firing time, so with several nodes each
 * tick fires once; ticks missed while Vigil was down fire once, not once per missed tick. Thread-safe.
 */
final class Schedules {
    private final EventsRepository repo;
    private final Dispatcher dispatcher;
    private final Deliveries deliveries;
    private final Clock clock;

    Schedules(EventsRepository repo, Dispatcher dispatcher, Deliveries deliveries, Clock clock) {
        this.repo = repo;
        this.dispatcher = dispatcher;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** Fires what is due now; answers how many rules fired. */
    int run() {
        Instant now = clock.instant();
        int fired = 0;
        for (EventRule rule : repo.dueSchedules(now)) {
            ScheduleExpression expr;
            try {
                expr = ScheduleExpression.parse(rule.scheduleExpression());
            } catch (RuntimeException e) {
                continue;
            }
            Instant at = rule.nextFireAt();
            Instant next = expr.next(at);
            while (next != null && !next.isAfter(now)) next = expr.next(next);
            List<OutboxEntry> out = new ArrayList<>();
            if (rule.enabled()) {
                ObjectNode event = EventEnvelope.build(Ids.uuid(), "Scheduled Event", "aws.events", rule.accountId(), at,
                        rule.region(), List.of(rule.arn()), EventEnvelope.JSON.createObjectNode());
                dispatcher.toTargets(rule, repo.targets(rule.accountId(), rule.region(), rule.busName(), rule.name()),
                        event, EventEnvelope.text(event), now, out);
            }
            if (repo.claimSchedule(rule, at, next, out) && rule.enabled()) fired++;
        }
        if (fired > 0) deliveries.kick();
        return fired;
    }
}
