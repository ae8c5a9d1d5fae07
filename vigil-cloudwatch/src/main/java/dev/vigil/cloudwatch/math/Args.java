package dev.vigil.cloudwatch.math;

import java.util.List;

/** Argument checks shared by the functions: count and type, each failure a {@link MathException}. Stateless. */
final class Args {
    private Args() {}

    static void count(String fn, List<Value> args, int min, int max) {
        if (args.size() < min || args.size() > max) {
            String expected = min == max ? Integer.toString(min) : min + " to " + max;
            throw new MathException("The function " + fn + " takes " + expected + " argument" + (max == 1 ? "" : "s")
                    + " but was given " + args.size() + ".");
        }
    }

    static Series series(String fn, List<Value> args, int i) {
        if (args.get(i) instanceof Value.Single s) return s.series();
        throw wrongType(fn, i, "a time series", args.get(i));
    }

    static List<Series> array(String fn, List<Value> args, int i) {
        if (args.get(i) instanceof Value.Array a) return a.series();
        throw wrongType(fn, i, "an array of time series", args.get(i));
    }

    static double scalar(String fn, List<Value> args, int i) {
        if (args.get(i) instanceof Value.Scalar s) return s.value();
        throw wrongType(fn, i, "a scalar", args.get(i));
    }

    static String word(String fn, List<Value> args, int i, List<String> allowed) {
        if (args.get(i) instanceof Value.Word w && allowed.contains(w.word())) return w.word();
        throw wrongType(fn, i, "one of " + String.join(", ", allowed), args.get(i));
    }

    static MathException wrongType(String fn, int i, String expected, Value got) {
        return new MathException("Argument " + (i + 1) + " of " + fn + " must be " + expected + " but is a "
                + Value.typeName(got) + ".");
    }
}
