package dev.vigil.events;

import dev.vigil.core.Arn;
import java.time.Instant;

/** A stored archive of one bus's events. Immutable. */
public record EventArchive(String accountId, String region, String name, String busName, String description,
                           String eventPattern, int retentionDays, String kmsKey, String state, Instant createdAt) {
    public static final String ENABLED = "ENABLED";

    public String arn() { return Arn.of("events", region, accountId, "archive/" + name).toString(); }

    public String busArn() { return EventsArns.bus(region, accountId, busName); }

    /** The managed rule AWS creates on the source bus to feed the archive. */
    public String managedRuleName() { return "Events-Archive-" + name; }
}
