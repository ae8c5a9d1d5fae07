package dev.vigil.events.schemas;

import dev.vigil.core.Arn;

/** Discoverer states and identifiers. Stateless. */
final class Discoverers {
    static final String STARTED = "STARTED";
    static final String STOPPED = "STOPPED";
    static final String ID_PREFIX = "events-event-bus-";

    private Discoverers() {}

    /** The bus name of an event-bus ARN, or null when the ARN names something else. */
    static String busName(String sourceArn) {
        try {
            Arn a = Arn.parse(sourceArn);
            if (!a.service().equals("events") || !a.resource().startsWith("event-bus/")) return null;
            String name = a.resource().substring("event-bus/".length());
            return name.isEmpty() ? null : name;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A discoverer's id as AWS forms it: {@code events-event-bus-<bus name>}. */
    static String idFor(String busName) {
        return ID_PREFIX + busName;
    }
}
