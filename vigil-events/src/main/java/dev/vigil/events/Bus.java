package dev.vigil.events;

import java.time.Instant;

/** A stored event bus. Immutable. */
public record Bus(String accountId, String region, String name, String description, String policy,
                       Instant createdAt, Instant modifiedAt) {
    public static final String DEFAULT = "default";

    /** The implicit default bus of an account and region, as it looks before anything is written about it. */
    static Bus implicitDefault(String accountId, String region) {
        return new Bus(accountId, region, DEFAULT, null, null, null, null);
    }

    public String arn() { return EventsArns.bus(region, accountId, name); }
}
