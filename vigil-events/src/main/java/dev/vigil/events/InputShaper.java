package dev.vigil.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a target receives for an event: the whole event, {@code Input} (constant JSON), {@code InputPath} (a JSON
 * path into the event) or {@code InputTransformer} ({@code InputPathsMap} + {@code InputTemplate}). In a template a
 * placeholder inside a JSON string gets the value's text (a string unquoted, anything else as JSON), outside one the
 * value's JSON; a path that matches nothing gives an empty string inside quotes and {@code null} outside. A template
 * that is not JSON at all (plain text such as {@code <instance> is in state <status>}) gets every value as text. The
 * predefined {@code <aws.events.rule-arn>}, {@code <aws.events.rule-name>}, {@code <aws.events.event.ingestion-time>},
 * {@code <aws.events.event>} (the event without its detail) and {@code <aws.events.event.json>} (the whole event) are
 * always available. Stateless.
 */
final class InputShaper {
    private static final Pattern PLACEHOLDER = Pattern.compile("<([A-Za-z0-9_.\\-]+)>");
    private static final Pattern PATH_STEP = Pattern.compile("\\.([^.\\[]+)|\\[(\\d+)]|\\['([^']*)']");

    private InputShaper() {}

    static String shape(RuleTarget t, JsonNode event, String eventText, String ruleArn, String ruleName,
                        String ingestionTime) {
        if (t.input() != null) return t.input();
        if (t.inputPath() != null) {
            JsonNode n = path(event, t.inputPath());
            return n == null ? "null" : EventEnvelope.text(n);
        }
        if (t.inputTemplate() == null) return eventText;
        Map<String, String> paths = t.inputPathsMap() == null ? Map.of() : t.inputPathsMap();
        String template = t.inputTemplate();
        StringBuilder out = new StringBuilder(template.length() + 64);
        Matcher m = PLACEHOLDER.matcher(template);
        int at = 0;
        boolean inString = false;
        String trimmed = template.strip();
        boolean json = trimmed.startsWith("{") || trimmed.startsWith("[") || trimmed.startsWith("\"");
        while (m.find()) {
            inString = scanQuotes(template, at, m.start(), inString);
            boolean asText = inString || !json;
            out.append(template, at, m.start());
            String key = m.group(1);
            JsonNode value;
            boolean known = true;
            if (paths.containsKey(key)) {
                value = path(event, paths.get(key));
            } else {
                switch (key) {
                    case "aws.events.rule-arn" -> value = TextNode.valueOf(ruleArn);
                    case "aws.events.rule-name" -> value = TextNode.valueOf(ruleName);
                    case "aws.events.event.ingestion-time" -> value = TextNode.valueOf(ingestionTime);
                    case "aws.events.event" -> value = withoutDetail(event);
                    case "aws.events.event.json" -> value = event;
                    default -> {
                        value = null;
                        known = false;
                    }
                }
            }
            if (!known) {
                out.append(m.group()); // not a variable: left as written
            } else if (asText) {
                String text = value == null || value.isNull() ? ""
                        : value.isTextual() ? value.asText() : EventEnvelope.text(value);
                out.append(inString ? escape(text) : text);
            } else {
                out.append(value == null ? "null" : EventEnvelope.text(value));
            }
            at = m.end();
        }
        out.append(template, at, template.length());
        return out.toString();
    }

    private static JsonNode withoutDetail(JsonNode event) {
        if (!event.isObject()) return event;
        com.fasterxml.jackson.databind.node.ObjectNode copy = ((com.fasterxml.jackson.databind.node.ObjectNode) event).deepCopy();
        copy.remove("detail");
        return copy;
    }

    /** Whether position {@code to} is inside a JSON string, given the state at {@code from}. */
    private static boolean scanQuotes(String s, int from, int to, boolean inString) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (inString && c == '\\') {
                i++;
            } else if (c == '"') {
                inString = !inString;
            }
        }
        return inString;
    }

    private static String escape(String s) {
        String quoted = EventEnvelope.text(TextNode.valueOf(s));
        return quoted.substring(1, quoted.length() - 1);
    }

    /** A JSON path of the form {@code $}, {@code $.a.b}, {@code $.a[0]}, {@code $['a-b']}; null when nothing is there. */
    static JsonNode path(JsonNode root, String path) {
        if (!path.startsWith("$")) return null;
        JsonNode n = root;
        Matcher m = PATH_STEP.matcher(path);
        int at = 1;
        while (at < path.length()) {
            if (!m.find(at) || m.start() != at) return null;
            if (m.group(1) != null) n = n.get(m.group(1));
            else if (m.group(2) != null) n = n.get(Integer.parseInt(m.group(2)));
            else n = n.get(m.group(3));
            if (n == null) return null;
            at = m.end();
        }
        return n;
    }

    /** Whether a path is one {@link #path} understands (PutTargets validation). */
    static boolean validPath(String path) {
        if (path == null || !path.startsWith("$")) return false;
        Matcher m = PATH_STEP.matcher(path);
        int at = 1;
        while (at < path.length()) {
            if (!m.find(at) || m.start() != at) return false;
            at = m.end();
        }
        return true;
    }
}
