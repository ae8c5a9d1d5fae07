package dev.vigil.cloudwatch.math;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The metric math engine: parses an Expression and evaluates it against already-read series. Pure: no I/O, no
 * clock. Immutable and thread-safe; {@link #withFunction} returns a new engine.
 */
public final class MetricMath {
    private final Map<String, MathFunction> functions;
    private final Evaluator evaluator;

    private MetricMath(Map<String, MathFunction> functions) {
        this.functions = Map.copyOf(functions);
        this.evaluator = new Evaluator(this.functions);
    }

    public static MetricMath standard() {
        return new MetricMath(Functions.builtIns());
    }

    /** This engine plus one more function (the extension point for SEARCH and other I/O-bound functions). */
    public MetricMath withFunction(String name, MathFunction f) {
        Map<String, MathFunction> more = new HashMap<>(functions);
        more.put(name, f);
        return new MetricMath(more);
    }

    /** A parsed expression and the Ids it names. */
    public record Expression(String text, Node root, Set<String> references) {}

    /** Parses and checks every function name; a {@link MathException} describes the first problem. */
    public Expression parse(String text) {
        Node root = Parser.parse(text);
        checkFunctions(root);
        Set<String> refs = new LinkedHashSet<>();
        Node.collectRefs(root, refs);
        return new Expression(text, root, refs);
    }

    /** The value of a parsed expression: a series or an array of them; a scalar result is an error, as in AWS. */
    public Value evaluate(Expression e, EvalContext ctx) {
        Value v = evaluator.eval(e.root(), ctx);
        if (v instanceof Value.Single || v instanceof Value.Array) return v;
        throw new MathException("The expression must produce a time series or an array of time series, not a "
                + Value.typeName(v) + ".");
    }

    /** Like {@link #evaluate} but any value type is returned (for tests and nested use). */
    public Value evaluateAny(Expression e, EvalContext ctx) {
        return evaluator.eval(e.root(), ctx);
    }

    private void checkFunctions(Node n) {
        if (n instanceof Node.Call c) {
            if (!functions.containsKey(c.function())) throw unknownFunction(c.function());
            c.args().forEach(this::checkFunctions);
        } else if (n instanceof Node.ArrayOf a) {
            a.items().forEach(this::checkFunctions);
        } else if (n instanceof Node.Binary b) {
            checkFunctions(b.left());
            checkFunctions(b.right());
        } else if (n instanceof Node.Unary u) {
            checkFunctions(u.operand());
        }
    }

    static MathException unknownFunction(String name) {
        if (Functions.NOT_BUILT_IN.contains(name)) {
            return new MathException("The function " + name + " is not supported by Vigil.");
        }
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        if (!upper.equals(name) && Functions.builtIns().containsKey(upper)) {
            return new MathException("Unknown function " + name + ": functions must be written in upper case ("
                    + upper + ").");
        }
        return new MathException("Unknown function " + name + ".");
    }
}
