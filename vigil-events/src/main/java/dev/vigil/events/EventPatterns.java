package dev.vigil.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import software.amazon.event.ruler.JsonRuleCompiler;
import software.amazon.event.ruler.Machine;

/**
 * Event patterns, checked and matched by AWS's event-ruler (never a matcher of our own). Stateless.
 */
public final class EventPatterns {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventPatterns() {}

    /** Throws InvalidEventPatternException with event-ruler's reason, as AWS words it. */
    public static void validate(String pattern) {
        JsonNode node;
        try {
            node = JSON.readTree(pattern);
        } catch (IOException e) {
            throw EventsErrors.invalidPattern(e.getMessage());
        }
        if (node == null || !node.isObject()) throw EventsErrors.invalidPattern("Filter is not an object");
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
