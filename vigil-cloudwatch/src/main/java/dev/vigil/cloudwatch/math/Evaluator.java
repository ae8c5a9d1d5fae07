package dev.vigil.cloudwatch.math;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;

/**
 * Walks an expression tree to its value. Operators follow the docs' argument table: S op S, TS op TS, TS op S,
 * TS[] op TS, TS[] op S (an array is combined member by member); comparisons give 1 (true) or 0 (false);
 * AND/OR treat any non-zero value as true. Stateless apart from the function table it was built with.
 */
final class Evaluator {
    private final Map<String, MathFunction> functions;

    Evaluator(Map<String, MathFunction> functions) {
        this.functions = functions;
    }

    Value eval(Node n, EvalContext ctx) {
        if (n instanceof Node.Num x) return new Value.Scalar(x.value());
        if (n instanceof Node.Text x) return new Value.Text(x.text());
        if (n instanceof Node.Word x) return new Value.Word(x.word());
        if (n instanceof Node.Ref r) {
            Value v = ctx.values().get(r.id());
            if (v == null) throw new MathException("Unknown id '" + r.id() + "'.");
            return v;
        }
        if (n instanceof Node.ArrayOf a) return array(a, ctx);
        if (n instanceof Node.Unary u) return unary(u, ctx);
        if (n instanceof Node.Binary b) return binary(b.op(), eval(b.left(), ctx), eval(b.right(), ctx), ctx);
        Node.Call c = (Node.Call) n;
        MathFunction f = functions.get(c.function());
        if (f == null) throw MetricMath.unknownFunction(c.function());
        List<Value> args = new ArrayList<>();
        for (Node a : c.args()) args.add(eval(a, ctx));
        return f.apply(args, ctx);
    }

    /** [m1, m2, METRICS("x")]: series and arrays flattened into one array. */
    private Value array(Node.ArrayOf a, EvalContext ctx) {
        List<Series> out = new ArrayList<>();
        for (Node item : a.items()) {
            Value v = eval(item, ctx);
            if (v instanceof Value.Single s) out.add(s.series());
            else if (v instanceof Value.Array arr) out.addAll(arr.series());
            else throw new MathException("An array may hold only time series, not a " + Value.typeName(v) + ".");
        }
        return new Value.Array(out);
    }

    private Value unary(Node.Unary u, EvalContext ctx) {
        Value v = eval(u.operand(), ctx);
        if (u.op().equals("-")) return binary("*", new Value.Scalar(-1), v, ctx);
        return binary("==", v, new Value.Scalar(0), ctx);
    }

    static Value binary(String op, Value l, Value r, EvalContext ctx) {
        DoubleBinaryOperator f = operator(op);
        Diagnostics d = ctx.diagnostics();
        if (l instanceof Value.Scalar a && r instanceof Value.Scalar b) {
            return new Value.Scalar(f.applyAsDouble(a.value(), b.value()));
        }
        if (l instanceof Value.Single a && r instanceof Value.Single b) {
            return new Value.Single(SeriesMath.combine(a.series(), b.series(), f, d));
        }
        if (l instanceof Value.Single a && r instanceof Value.Scalar b) {
            return new Value.Single(SeriesMath.map(a.series(), x -> f.applyAsDouble(x, b.value()), d));
        }
        if (l instanceof Value.Scalar a && r instanceof Value.Single b) {
            return new Value.Single(SeriesMath.map(b.series(), x -> f.applyAsDouble(a.value(), x), d));
        }
        if (l instanceof Value.Array a && (r instanceof Value.Scalar || r instanceof Value.Single)) {
            List<Series> out = new ArrayList<>();
            for (Series s : a.series()) out.add(((Value.Single) binary(op, new Value.Single(s), r, ctx)).series());
            return new Value.Array(out);
        }
        if (r instanceof Value.Array a && (l instanceof Value.Scalar || l instanceof Value.Single)) {
            List<Series> out = new ArrayList<>();
            for (Series s : a.series()) out.add(((Value.Single) binary(op, l, new Value.Single(s), ctx)).series());
            return new Value.Array(out);
        }
        throw new MathException("The operator " + display(op) + " cannot combine a " + Value.typeName(l) + " and a "
                + Value.typeName(r) + ".");
    }

    private static DoubleBinaryOperator operator(String op) {
        return switch (op) {
            case "+" -> Double::sum;
            case "-" -> (a, b) -> a - b;
            case "*" -> (a, b) -> a * b;
            case "/" -> (a, b) -> a / b;
            case "^" -> Math::pow;
            case "<" -> (a, b) -> a < b ? 1 : 0;
            case "<=" -> (a, b) -> a <= b ? 1 : 0;
            case ">" -> (a, b) -> a > b ? 1 : 0;
            case ">=" -> (a, b) -> a >= b ? 1 : 0;
            case "==" -> (a, b) -> a == b ? 1 : 0;
            case "!=" -> (a, b) -> a != b ? 1 : 0;
            case "&&" -> (a, b) -> a != 0 && b != 0 ? 1 : 0;
            case "||" -> (a, b) -> a != 0 || b != 0 ? 1 : 0;
            default -> throw new IllegalStateException(op);
        };
    }

    private static String display(String op) {
        return switch (op) {
            case "&&" -> "AND";
            case "||" -> "OR";
            default -> op;
        };
    }
}
