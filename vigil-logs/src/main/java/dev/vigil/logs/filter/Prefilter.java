package dev.vigil.logs.filter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Texts that must all occur in an event's raw message for a JSON or space-delimited pattern to match, so
 * most non-matching events are dismissed with {@code indexOf} before any parsing. Only conjunctive parts of
 * a pattern contribute. For JSON, escapes could hide a text, so the check is skipped for messages that
 * contain a backslash. Immutable.
 */
final class Prefilter {
    private static final Prefilter NONE = new Prefilter(new String[0], false);

    private final String[] required;
    private final boolean json;

    private Prefilter(String[] required, boolean json) {
        this.required = required;
        this.json = json;
    }

    static Prefilter forJson(JsonCondition condition) {
        Set<String> out = new LinkedHashSet<>();
        collect(condition, out);
        out.removeIf(Prefilter::needsJsonEscape);
        return of(out, true);
    }

    static Prefilter forDelimited(List<FieldCondition> slotConditions) {
        Set<String> out = new LinkedHashSet<>();
        for (FieldCondition c : slotConditions) {
            collect(c, out);
        }
        return of(out, false);
    }

    private static Prefilter of(Set<String> texts, boolean json) {
        if (texts.isEmpty()) return NONE;
        List<String> sorted = new ArrayList<>(texts);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return new Prefilter(sorted.toArray(new String[0]), json);
    }

    /**
     * The texts every matching raw message contains; none for JSON, where an escape could spell a text
     * differently from the pattern.
     */
    java.util.List<String> rawTexts() {
        return json ? java.util.List.of() : java.util.List.of(required);
    }

    /** False when the message certainly cannot match. */
    boolean mayMatch(String message) {
        if (required.length == 0 || (json && message.indexOf('\\') >= 0)) return true;
        for (String s : required) {
            if (message.indexOf(s) < 0) return false;
        }
        return true;
    }

    private static void collect(JsonCondition c, Set<String> out) {
        if (c instanceof JsonCondition.All all) {
            for (JsonCondition part : all.parts()) collect(part, out);
        } else if (c instanceof JsonCondition.Compare cmp) {
            out.addAll(cmp.selector().names());
            String text = cmp.comparison().requiredText();
            if (text != null) out.add(text);
        } else if (c instanceof JsonCondition.Is is && is.kind() != JsonCondition.Is.Kind.NOT_EXISTS) {
            out.addAll(is.selector().names());
            out.add(is.kind().name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    private static void collect(FieldCondition c, Set<String> out) {
        if (c instanceof FieldCondition.All all) {
            for (FieldCondition part : all.parts()) collect(part, out);
        } else if (c instanceof FieldCondition.Compare cmp) {
            String text = cmp.comparison().requiredText();
            if (text != null) out.add(text);
        }
    }

    private static boolean needsJsonEscape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) return true;
        }
        return false;
    }
}
