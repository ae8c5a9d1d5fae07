package dev.vigil.events;

import java.time.Instant;

/** A stored rule: an event pattern, a schedule, or both (schedules only on the default bus). Immutable. */
public record EventRule(String accountId, String region, String busName, String name, String eventPattern,
                        String scheduleExpression, String state, String description, String roleArn,
                        String createdBy, Instant createdAt, Instant nextFireAt) {
    public static final String ENABLED = "ENABLED";
    public static final String DISABLED = "DISABLED";

    public String arn() { return EventsArns.rule(region, accountId, busName, name); }

    public boolean enabled() { return !DISABLED.equals(state); }

    EventRule withState(String s) {
        return new EventRule(accountId, region, busName, name, eventPattern, scheduleExpression, s, description,
                roleArn, createdBy, createdAt, nextFireAt);
    }
}
