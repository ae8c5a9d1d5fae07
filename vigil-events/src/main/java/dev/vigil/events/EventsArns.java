package dev.vigil.events;

import dev.vigil.core.Arn;

/** EventBridge's ARN forms, built through {@link Arn}. Stateless. */
public final class EventsArns {
    private EventsArns() {}

    public static String bus(String region, String account, String name) {
        return Arn.of("events", region, account, "event-bus/" + name).toString();
    }

    /** Rules of the default bus are {@code rule/<name>}; of any other bus {@code rule/<bus>/<name>}. */
    public static String rule(String region, String account, String bus, String name) {
        String resource = Bus.DEFAULT.equals(bus) ? "rule/" + name : "rule/" + bus + "/" + name;
        return Arn.of("events", region, account, resource).toString();
    }
}
