package dev.vigil.events;

import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Machine;

/**
 * Event patterns, checked and matched by AWS's event-ruler (never a matcher of our own). Stateless.
 */
public final class EventPatterns {
    private EventPatterns() {}

    /**
     * Throws InvalidEventPatternException with event-ruler's reason, which is AWS's: e.g. {@code Event pattern is not
     * valid. Reason: "source" must be an object or an array\n at [Source: ...; line: 1, column: 13]}. Event-ruler also
     * answers for text that is not JSON or not an object.
     */
    public static void validate(String pattern) {
        String problem = JsonRuleCompiler.check(pattern);
        if (problem != null) throw EventsErrors.invalidPattern(problem);
    }

    /** Whether an event (full JSON envelope) matches a pattern already validated. */
    public static boolean matches(String pattern, String eventJson) {
        Machine m = new Machine();
        try {
            m.addRule("p", pattern);
            return !m.rulesForJSONEvent(eventJson).isEmpty();
        } catch (Exception e) {
            throw EventsErrors.invalidPattern(e.getMessage());
        }
    }
}
