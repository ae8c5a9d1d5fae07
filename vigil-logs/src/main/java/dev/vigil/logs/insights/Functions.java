package dev.vigil.logs.insights;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The scalar functions of the query language. Stateless and thread-safe. */
final class Functions {
    @FunctionalInterface
    interface Impl {
        Object apply(Object[] a);
    }

    record Fn(String name, int minArgs, int maxArgs, Impl impl) {
        Object apply(Object[] args) { return impl.apply(args); }
    }

    private static final Map<String, Fn> FUNCTIONS = new HashMap<>();

    private static void def(String name, int min, int max, Impl impl) {
        FUNCTIONS.put(name.toLowerCase(Locale.ROOT), new Fn(name, min, max, impl));
    }

    /** The function named {@code name} (case-insensitive), or null. */
    static Fn lookup(String name) {
        return FUNCTIONS.get(name.toLowerCase(Locale.ROOT));
    }

    private Functions() { }

    static {
        // general
        def("ispresent", 1, 1, a -> a[0] != null);
        def("coalesce", 1, Integer.MAX_VALUE, a -> {
            for (Object o : a) if (o != null) return o;
            return null;
        });
        def("unmask", 1, 1, a -> a[0]);
        // string
        def("isempty", 1, 1, a -> a[0] == null || Values.toText(a[0]).isEmpty());
        def("isblank", 1, 1, a -> a[0] == null || Values.toText(a[0]).isBlank());
        def("concat", 1, Integer.MAX_VALUE, a -> {
            StringBuilder b = new StringBuilder();
            for (Object o : a) if (o != null) b.append(Values.toText(o));
            return b.toString();
        });
        def("ltrim", 1, 2, a -> str(a[0]) == null ? null : trim(str(a[0]), a.length > 1 ? str(a[1]) : null, true, false));
        def("rtrim", 1, 2, a -> str(a[0]) == null ? null : trim(str(a[0]), a.length > 1 ? str(a[1]) : null, false, true));
        def("trim", 1, 2, a -> str(a[0]) == null ? null : trim(str(a[0]), a.length > 1 ? str(a[1]) : null, true, true));
        def("strlen", 1, 1, a -> str(a[0]) == null ? null : (double) str(a[0]).codePointCount(0, str(a[0]).length()));
        def("toupper", 1, 1, a -> str(a[0]) == null ? null : str(a[0]).toUpperCase(Locale.ROOT));
        def("tolower", 1, 1, a -> str(a[0]) == null ? null : str(a[0]).toLowerCase(Locale.ROOT));
        def("substr", 2, 3, Functions::substr);
        def("replace", 3, 3, a -> str(a[0]) == null || str(a[1]) == null ? str(a[0])
                : str(a[0]).replace(str(a[1]), a[2] == null ? "" : str(a[2])));
        def("strcontains", 2, 2, a -> str(a[0]) == null || str(a[1]) == null ? null
                : (str(a[0]).contains(str(a[1])) ? 1.0 : 0.0));
        // numeric
        def("abs", 1, 1, a -> num(a[0], Math::abs));
        def("ceil", 1, 1, a -> num(a[0], Math::ceil));
        def("floor", 1, 1, a -> num(a[0], Math::floor));
        def("log", 1, 1, a -> num(a[0], Math::log));
        def("sqrt", 1, 1, a -> num(a[0], Math::sqrt));
        def("round", 1, 2, Functions::round);
        def("greatest", 1, Integer.MAX_VALUE, a -> extreme(a, true));
        def("least", 1, Integer.MAX_VALUE, a -> extreme(a, false));
        // datetime (bin, datefloor and dateceil compile to Expr.TimeBucket)
        def("fromMillis", 1, 1, a -> {
            double d = Values.toNumber(a[0]);
            return Double.isNaN(d) ? null : new Values.Time((long) d);
        });
        def("toMillis", 1, 1, a -> a[0] == null ? null : (double) Values.toMillis(a[0]));
        // IP addresses
        def("isValidIp", 1, 1, a -> Ip.parse(str(a[0])) != null);
        def("isValidIpV4", 1, 1, a -> Ip.parseV4(str(a[0])) != null);
        def("isValidIpV6", 1, 1, a -> Ip.parseV6(str(a[0])) != null);
        def("isIpInSubnet", 2, 2, a -> Ip.inSubnet(str(a[0]), str(a[1]), 0));
        def("isIpv4InSubnet", 2, 2, a -> Ip.inSubnet(str(a[0]), str(a[1]), 4));
        def("isIpv6InSubnet", 2, 2, a -> Ip.inSubnet(str(a[0]), str(a[1]), 16));
    }

    private static String str(Object o) {
        return Values.toText(o);
    }

    private static Object num(Object o, java.util.function.DoubleUnaryOperator f) {
        double d = Values.toNumber(o);
        if (Double.isNaN(d)) return null;
        double r = f.applyAsDouble(d);
        return Double.isNaN(r) || Double.isInfinite(r) ? null : r;
    }

    private static Object round(Object[] a) {
        double d = Values.toNumber(a[0]);
        if (Double.isNaN(d)) return null;
        int digits = 0;
        if (a.length > 1) {
            double p = Values.toNumber(a[1]);
            if (Double.isNaN(p)) return null;
            digits = (int) p;
        }
        return new BigDecimal(Double.toString(d)).setScale(digits, RoundingMode.HALF_UP).doubleValue();
    }

    private static Object extreme(Object[] a, boolean greatest) {
        double best = Double.NaN;
        for (Object o : a) {
            double d = Values.toNumber(o);
            if (Double.isNaN(d)) continue;
            if (Double.isNaN(best) || (greatest ? d > best : d < best)) best = d;
        }
        return Double.isNaN(best) ? null : best;
    }

    private static Object substr(Object[] a) {
        String s = str(a[0]);
        double start = Values.toNumber(a[1]);
        if (s == null || Double.isNaN(start)) return null;
        int cps = s.codePointCount(0, s.length());
        int from = (int) Math.max(0, Math.min(cps, start));
        int to = cps;
        if (a.length > 2) {
            double len = Values.toNumber(a[2]);
            if (Double.isNaN(len)) return null;
            to = (int) Math.max(from, Math.min(cps, from + len));
        }
        return s.substring(s.offsetByCodePoints(0, from), s.offsetByCodePoints(0, to));
    }

    private static String trim(String s, String chars, boolean left, boolean right) {
        int b = 0, e = s.length();
        if (left) while (b < e && strip(s.charAt(b), chars)) b++;
        if (right) while (e > b && strip(s.charAt(e - 1), chars)) e--;
        return s.substring(b, e);
    }

    private static boolean strip(char c, String chars) {
        return chars == null ? Character.isWhitespace(c) : chars.indexOf(c) >= 0;
    }
}
