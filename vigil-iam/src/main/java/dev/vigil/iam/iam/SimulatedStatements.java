package dev.vigil.iam.iam;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the policy simulator reports about the statements of one policy document, read from the JSON text
 * itself (the compiled {@code Policy} keeps neither positions nor raw elements): where each statement starts
 * and ends (1-based line and column, the end just past the closing brace, as the simulator's
 * StartPosition/EndPosition), the action patterns it names, and the context keys its conditions and policy
 * variables read. The document has already been validated by {@code PolicyParser}. Immutable, thread-safe.
 */
final class SimulatedStatements {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}\\s,]+)");

    /** One statement: position, Action/NotAction patterns and context keys (as first written). */
    record Entry(int startLine, int startColumn, int endLine, int endColumn, List<String> actions, boolean notAction,
                 List<String> contextKeys) {

        /** Whether the statement's Action/NotAction element covers the action; case-insensitive, * and ? wildcards. */
        boolean coversAction(String action) {
            if (actions.isEmpty()) return true; // no Action element (validated policies always have one)
            boolean hit = false;
            for (String a : actions) {
                if (glob(a, action)) {
                    hit = true;
                    break;
                }
            }
            return hit != notAction;
        }
    }

    private final List<Entry> entries;

    private SimulatedStatements(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The entry of the statement at a zero-based index, or null. */
    Entry at(int index) {
        return index >= 0 && index < entries.size() ? entries.get(index) : null;
    }

    List<Entry> entries() { return entries; }

    static SimulatedStatements of(String document) {
        List<int[]> positions = positions(document);
        List<Entry> out = new ArrayList<>();
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (IOException e) {
            return new SimulatedStatements(List.of());
        }
        JsonNode st = root == null ? null : root.get("Statement");
        List<JsonNode> statements = new ArrayList<>();
        if (st != null && st.isArray()) st.forEach(statements::add);
        else if (st != null && st.isObject()) statements.add(st);
        for (int i = 0; i < statements.size(); i++) {
            JsonNode s = statements.get(i);
            int[] pos = i < positions.size() ? positions.get(i) : new int[] {0, 0, 0, 0};
            boolean notAction = !s.has("Action") && s.has("NotAction");
            List<String> actions = strings(notAction ? s.get("NotAction") : s.get("Action"));
            out.add(new Entry(pos[0], pos[1], pos[2], pos[3], actions, notAction, contextKeys(s)));
        }
        return new SimulatedStatements(out);
    }

    /** Condition keys (every operator's keys) and the policy variables of Resource/NotResource and condition values. */
    private static List<String> contextKeys(JsonNode statement) {
        Map<String, String> keys = new LinkedHashMap<>();
        JsonNode cond = statement.get("Condition");
        if (cond != null && cond.isObject()) {
            for (Iterator<JsonNode> ops = cond.elements(); ops.hasNext(); ) {
                JsonNode op = ops.next();
                if (!op.isObject()) continue;
                for (Iterator<Map.Entry<String, JsonNode>> it = op.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    keys.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getKey());
                    for (String v : strings(e.getValue())) variables(v, keys);
                }
            }
        }
        for (String field : List.of("Resource", "NotResource")) {
            for (String v : strings(statement.get(field))) variables(v, keys);
        }
        return List.copyOf(keys.values());
    }

    private static void variables(String text, Map<String, String> into) {
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            String key = m.group(1);
            if (key.equals("*") || key.equals("?") || key.equals("$")) continue;
            into.putIfAbsent(key.toLowerCase(Locale.ROOT), key);
        }
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n == null) return out;
        if (n.isArray()) n.forEach(e -> out.add(e.asText()));
        else out.add(n.asText());
        return out;
    }

    /** Start (line, column) and end (line, column just past '}') of every statement object, in order. */
    private static List<int[]> positions(String document) {
        List<int[]> out = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(document)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return out;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.getCurrentName();
                JsonToken t = p.nextToken();
                if (!"Statement".equals(name)) {
                    p.skipChildren();
                    continue;
                }
                if (t == JsonToken.START_OBJECT) {
                    out.add(object(p));
                } else if (t == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) out.add(object(p));
                }
                break;
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** With the parser on a START_OBJECT: its position, leaving the parser on the matching END_OBJECT. */
    private static int[] object(JsonParser p) throws IOException {
        JsonLocation start = p.getTokenLocation();
        p.skipChildren();
        JsonLocation end = p.getTokenLocation();
        return new int[] {start.getLineNr(), start.getColumnNr(), end.getLineNr(), end.getColumnNr() + 1};
    }

    /** IAM action matching: case-insensitive, '*' any run of characters, '?' one character. */
    static boolean glob(String pattern, String text) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String s = text.toLowerCase(Locale.ROOT);
        int pi = 0;
        int si = 0;
        int star = -1;
        int mark = 0;
        while (si < s.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == s.charAt(si))) {
                pi++;
                si++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = si;
            } else if (star >= 0) {
                pi = star + 1;
                si = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') pi++;
        return pi == p.length();
    }
}
