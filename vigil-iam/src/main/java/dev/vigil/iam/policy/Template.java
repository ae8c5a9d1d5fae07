package dev.vigil.iam.policy;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * A policy string that may hold policy variables ({@code ${aws:username}}, {@code ${aws:PrincipalTag/team, 'none'}})
 * and the fixed variables {@code ${*}}, {@code ${?}}, {@code ${$}} (IAM policy elements: Variables and tags).
 * Parsed once; resolved per request. A value substituted for a variable is always literal: it never
 * acts as a wildcard. Only a version 2012-10-17 policy has variables; otherwise the text is literal.
 * Immutable, thread-safe.
 */
final class Template {
    private sealed interface Part permits Text, Literal, Var {}

    /** Policy text: its {@code *} and {@code ?} are wildcards where the operator supports them. */
    private record Text(String text) implements Part {}

    /** Characters that are never wildcards (from {@code ${*}}, {@code ${?}}, {@code ${$}}). */
    private record Literal(String text) implements Part {}

    /** A context key, lower-cased (key names are case-insensitive), and its default or null. */
    private record Var(String key, String originalKey, String defaultValue) implements Part {}

    private final String raw;
    private final Part[] parts;
    private final boolean constant;

    private Template(String raw, Part[] parts) {
        this.raw = raw;
        this.parts = parts;
        boolean c = true;
        for (Part p : parts) c &= !(p instanceof Var);
        this.constant = c;
    }

    static Template literal(String raw) {
        return new Template(raw, new Part[] {new Text(raw)});
    }

    static Template compile(String raw, boolean variablesEnabled) {
        if (!variablesEnabled || !raw.contains("${")) return literal(raw);
        List<Part> parts = new ArrayList<>();
        int i = 0;
        while (i < raw.length()) {
            int open = raw.indexOf("${", i);
            int close = open < 0 ? -1 : raw.indexOf('}', open + 2);
            if (open < 0 || close < 0) {
                parts.add(new Text(raw.substring(i)));
                break;
            }
            if (open > i) parts.add(new Text(raw.substring(i, open)));
            parts.add(variable(raw.substring(open + 2, close), raw.substring(open, close + 1)));
            i = close + 1;
        }
        return new Template(raw, parts.toArray(new Part[0]));
    }

    private static Part variable(String inside, String whole) {
        String body = inside.trim();
        if (body.equals("*") || body.equals("?") || body.equals("$")) return new Literal(body);
        String key = body;
        String def = null;
        int comma = body.indexOf(',');
        if (comma >= 0) {
            key = body.substring(0, comma).trim();
            def = body.substring(comma + 1).trim();
            if (def.length() >= 2 && def.startsWith("'") && def.endsWith("'")) def = def.substring(1, def.length() - 1);
        }
        if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) return new Text(whole);
        return new Var(key.toLowerCase(Locale.ROOT), key, def);
    }

    boolean isConstant() { return constant; }

    String raw() { return raw; }

    /** The context keys this template reads, as written in the policy. */
    List<String> variableKeys() {
        List<String> keys = new ArrayList<>();
        for (Part p : parts) if (p instanceof Var v) keys.add(v.originalKey());
        return keys;
    }

    /** The text with variables substituted (wildcards kept as characters), or null if a variable has no value. */
    String resolve(ConditionContext ctx) {
        if (parts.length == 1 && parts[0] instanceof Text t) return t.text();
        StringBuilder sb = new StringBuilder(raw.length() + 16);
        for (Part p : parts) {
            if (p instanceof Text t) sb.append(t.text());
            else if (p instanceof Literal l) sb.append(l.text());
            else {
                String v = value((Var) p, ctx);
                if (v == null) return null;
                sb.append(v);
            }
        }
        return sb.toString();
    }

    /** A wildcard pattern with variables substituted as literal text, or null if a variable has no value. */
    Glob resolveGlob(ConditionContext ctx, boolean ignoreCase) {
        StringBuilder text = new StringBuilder(raw.length() + 16);
        BitSet wild = new BitSet();
        for (Part p : parts) {
            String s;
            if (p instanceof Text t) {
                s = t.text();
                for (int i = 0; i < s.length(); i++) {
                    if (s.charAt(i) == '*' || s.charAt(i) == '?') wild.set(text.length() + i);
                }
            } else if (p instanceof Literal l) {
                s = l.text();
            } else {
                s = value((Var) p, ctx);
                if (s == null) return null;
            }
            text.append(s);
        }
        char[] chars = new char[text.length()];
        text.getChars(0, chars.length, chars, 0);
        boolean[] w = new boolean[chars.length];
        for (int i = wild.nextSetBit(0); i >= 0; i = wild.nextSetBit(i + 1)) w[i] = true;
        return Glob.of(chars, w, ignoreCase);
    }

    private static String value(Var v, ConditionContext ctx) {
        String value = ctx == null ? null : ctx.single(v.key());
        return value != null ? value : v.defaultValue();
    }

    @Override
    public String toString() { return raw; }
}
