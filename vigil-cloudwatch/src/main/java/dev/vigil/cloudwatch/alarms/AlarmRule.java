package dev.vigil.cloudwatch.alarms;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A composite alarm's rule: {@code ALARM(x)}, {@code OK(x)}, {@code INSUFFICIENT_DATA(x)} on an alarm name or ARN
 * (double-quoted when it holds spaces, parentheses or quotes), {@code TRUE}, {@code FALSE}, {@code NOT},
 * {@code AND}, {@code OR} (precedence NOT > AND > OR, as usual) and parentheses. Keywords are upper case, as AWS
 * requires. Parsed once into a tree; evaluation looks each referenced alarm's state up. Immutable.
 */
public final class AlarmRule {

    /** Thrown for a rule that does not parse; the message says where. */
    public static final class RuleException extends RuntimeException {
        RuleException(String message) { super(message); }
    }

    private sealed interface Node permits Const, StateOf, Not, And, Or {}
    private record Const(boolean value) implements Node {}
    private record StateOf(String state, String alarm) implements Node {}
    private record Not(Node inner) implements Node {}
    private record And(Node left, Node right) implements Node {}
    private record Or(Node left, Node right) implements Node {}

    private final Node root;
    private final Set<String> references;

    private AlarmRule(Node root, Set<String> references) {
        this.root = root;
        this.references = references;
    }

    /** The alarm names or ARNs the rule refers to, in order of appearance. */
    public Set<String> references() { return references; }

    /** Evaluates the rule; {@code stateOf} answers a referenced alarm's state (name or ARN as written). */
    public boolean evaluate(Function<String, String> stateOf) { return eval(root, stateOf); }

    private static boolean eval(Node n, Function<String, String> stateOf) {
        if (n instanceof Const c) return c.value();
        if (n instanceof StateOf st) return st.state().equals(stateOf.apply(st.alarm()));
        if (n instanceof Not x) return !eval(x.inner(), stateOf);
        if (n instanceof And a) return eval(a.left(), stateOf) && eval(a.right(), stateOf);
        Or o = (Or) n;
        return eval(o.left(), stateOf) || eval(o.right(), stateOf);
    }

    public static AlarmRule parse(String text) {
        Parser p = new Parser(text);
        Node root = p.or();
        p.skipSpace();
        if (p.pos < text.length()) throw p.error("unexpected '" + text.charAt(p.pos) + "'");
        return new AlarmRule(root, p.refs);
    }

    private static final class Parser {
        final String s;
        int pos;
        final Set<String> refs = new LinkedHashSet<>();

        Parser(String s) { this.s = s; }

        RuleException error(String what) {
            return new RuleException("Error in alarm rule at position " + (pos + 1) + ": " + what + ".");
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
        }

        boolean keyword(String k) {
            skipSpace();
            if (!s.startsWith(k, pos)) return false;
            int end = pos + k.length();
            if (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '_')) return false;
            pos = end;
            return true;
        }

        Node or() {
            Node left = and();
            while (keyword("OR")) left = new Or(left, and());
            return left;
        }

        Node and() {
            Node left = not();
            while (keyword("AND")) left = new And(left, not());
            return left;
        }

        Node not() {
            if (keyword("NOT")) return new Not(not());
            return primary();
        }

        Node primary() {
            skipSpace();
            if (pos >= s.length()) throw error("unexpected end of rule");
            if (s.charAt(pos) == '(') {
                pos++;
                Node inner = or();
                skipSpace();
                if (pos >= s.length() || s.charAt(pos) != ')') throw error("expected ')'");
                pos++;
                return inner;
            }
            if (keyword("TRUE")) return new Const(true);
            if (keyword("FALSE")) return new Const(false);
            for (String state : List.of("ALARM", "OK", "INSUFFICIENT_DATA")) {
                int start = pos;
                if (keyword(state)) {
                    skipSpace();
                    if (pos < s.length() && s.charAt(pos) == '(') {
                        pos++;
                        String ref = reference();
                        refs.add(ref);
                        return new StateOf(state, ref);
                    }
                    pos = start;
                }
            }
            throw error("expected ALARM(), OK(), INSUFFICIENT_DATA(), TRUE, FALSE, NOT or '('");
        }

        /** The argument up to the closing parenthesis: a double-quoted string, or bare text. */
        String reference() {
            skipSpace();
            String ref;
            if (pos < s.length() && s.charAt(pos) == '"') {
                int end = s.indexOf('"', pos + 1);
                if (end < 0) throw error("unterminated quoted alarm name");
                ref = s.substring(pos + 1, end);
                pos = end + 1;
                skipSpace();
                if (pos >= s.length() || s.charAt(pos) != ')') throw error("expected ')'");
            } else {
                int end = s.indexOf(')', pos);
                if (end < 0) throw error("expected ')'");
                ref = s.substring(pos, end).trim();
                pos = end;
                if (ref.contains("(") || ref.contains("\"")) throw error("alarm names with '(' or '\"' must be quoted");
            }
            pos++;
            if (ref.isEmpty()) throw error("empty alarm name");
            return ref;
        }
    }

    /** The references as alarm names, ARNs of other accounts or regions left as they are. */
    public List<String> names(String accountId, String region) {
        List<String> out = new ArrayList<>();
        for (String r : references) out.add(nameOf(r, accountId, region));
        return out;
    }

    static String nameOf(String ref, String accountId, String region) {
        String prefix = Alarm.arn(accountId, region, "");
        return ref.startsWith(prefix) ? ref.substring(prefix.length()) : ref;
    }
}
