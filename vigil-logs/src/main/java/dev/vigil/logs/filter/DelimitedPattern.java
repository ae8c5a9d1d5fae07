package dev.vigil.logs.filter;

import dev.vigil.logs.filter.Lexer.Kind;
import dev.vigil.logs.filter.Lexer.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A space-delimited pattern such as {@code [ip, user, ..., status_code = 4*, bytes > 1000]}: one slot per
 * field of the event, at most one {@code ...} standing for any number of fields. Without {@code ...} the
 * event must have exactly as many fields as the pattern has slots. Immutable.
 */
final class DelimitedPattern {
    /** One comma-separated part of the pattern. */
    record Slot(String name, FieldCondition condition, boolean ellipsis) { }

    private final Slot[] slots;
    private final int ellipsisAt; // -1 when there is none
    private final int regexCount;

    private DelimitedPattern(Slot[] slots, int ellipsisAt, int regexCount) {
        this.slots = slots;
        this.ellipsisAt = ellipsisAt;
        this.regexCount = regexCount;
    }

    /** The conditions of the slots that have any. */
    List<FieldCondition> conditions() {
        List<FieldCondition> out = new ArrayList<>();
        for (Slot s : slots) {
            if (s.condition() != null) out.add(s.condition());
        }
        return out;
    }

    int regexCount() {
        return regexCount;
    }

    static DelimitedPattern parse(String inside) {
        List<Token> tokens = Lexer.tokenize(inside);
        List<List<Token>> parts = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (Token t : tokens) {
            if (t.kind() == Kind.COMMA) {
                parts.add(current);
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        parts.add(current);
        if (tokens.isEmpty()) {
            throw FilterPatternException.invalid();
        }
        List<Slot> slots = new ArrayList<>();
        int ellipsisAt = -1;
        int[] regexes = {0};
        for (List<Token> part : parts) {
            Slot slot = slot(part, regexes);
            if (slot.ellipsis()) {
                if (ellipsisAt >= 0) throw FilterPatternException.invalid();
                ellipsisAt = slots.size();
            }
            slots.add(slot);
        }
        if (regexes[0] > JsonPatternParser.MAX_REGEX) {
            throw FilterPatternException.invalid();
        }
        return new DelimitedPattern(slots.toArray(new Slot[0]), ellipsisAt, regexes[0]);
    }

    private static Slot slot(List<Token> part, int[] regexes) {
        if (part.isEmpty()) {
            return new Slot(null, null, false);
        }
        if (part.size() == 1 && part.get(0).kind() == Kind.WORD) {
            String w = part.get(0).text();
            if (w.equals("...")) return new Slot(null, null, true);
            return new Slot(checkName(w), null, false);
        }
        ConditionParser p = new ConditionParser(part);
        FieldCondition c = p.or();
        if (p.pos != part.size()) throw FilterPatternException.invalid();
        regexes[0] += p.regexCount;
        return new Slot(p.firstName, c, false);
    }

    private static String checkName(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!ok) throw FilterPatternException.invalidCharacters(String.valueOf(c));
        }
        return name;
    }

    /** The extracted fields ({@code $name} for named slots, {@code $<position>} otherwise), or null. */
    Map<String, String> match(String message) {
        List<String> fields = EventFields.split(message);
        int n = fields.size();
        int fixed = ellipsisAt < 0 ? slots.length : slots.length - 1;
        if (ellipsisAt < 0 ? n != fixed : n < fixed) {
            return null;
        }
        String[] keys = new String[n];
        for (int s = 0; s < slots.length; s++) {
            Slot slot = slots[s];
            if (slot.ellipsis()) continue;
            int field = (ellipsisAt >= 0 && s > ellipsisAt) ? n - (slots.length - s) : s;
            String value = fields.get(field);
            if (slot.condition() != null && !slot.condition().test(value, Numbers.parse(value))) {
                return null;
            }
            if (slot.name() != null) keys[field] = "$" + slot.name();
        }
        Map<String, String> extracted = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            extracted.put(keys[i] != null ? keys[i] : "$" + (i + 1), fields.get(i));
        }
        return extracted;
    }

    /** Parses the conditions of one slot. Single use; not thread-safe. */
    private static final class ConditionParser {
        private final List<Token> tokens;
        private int pos;
        private int regexCount;
        private String firstName;

        ConditionParser(List<Token> tokens) {
            this.tokens = tokens;
        }

        FieldCondition or() {
            List<FieldCondition> parts = new ArrayList<>();
            parts.add(and());
            while (peek(Kind.OR)) {
                pos++;
                parts.add(and());
            }
            return parts.size() == 1 ? parts.get(0) : new FieldCondition.Any(List.copyOf(parts));
        }

        private FieldCondition and() {
            List<FieldCondition> parts = new ArrayList<>();
            parts.add(primary());
            while (peek(Kind.AND)) {
                pos++;
                parts.add(primary());
            }
            return parts.size() == 1 ? parts.get(0) : new FieldCondition.All(List.copyOf(parts));
        }

        private FieldCondition primary() {
            if (peek(Kind.LPAREN)) {
                pos++;
                FieldCondition inner = or();
                if (!peek(Kind.RPAREN)) throw FilterPatternException.invalid();
                pos++;
                return inner;
            }
            Token name = next();
            if (name.kind() != Kind.WORD || name.text().equals("...")) throw FilterPatternException.invalid();
            checkName(name.text());
            if (firstName == null) firstName = name.text();
            Token op = next();
            if (op.kind() != Kind.OP) throw FilterPatternException.invalid();
            Comparison c = Comparison.of(op, next());
            if (c.usesRegex()) regexCount++;
            return new FieldCondition.Compare(c);
        }

        private boolean peek(Kind kind) {
            return pos < tokens.size() && tokens.get(pos).kind() == kind;
        }

        private Token next() {
            if (pos >= tokens.size()) throw FilterPatternException.invalid();
            return tokens.get(pos++);
        }
    }
}
