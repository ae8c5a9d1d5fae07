package dev.vigil.logs.insights;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The engine's dynamic values: {@code null} (absent), {@link String}, {@link Double}, {@link Boolean} and
 * {@link Time}. Field values discovered in events are strings; they act as numbers wherever a number is
 * needed and they parse as one, as Insights does. Stateless.
 */
final class Values {
    /** A point in time (epoch milliseconds), printed as AWS prints {@code @timestamp}. */
    record Time(long millis) implements Comparable<Time> {
        @Override public int compareTo(Time o) { return Long.compare(millis, o.millis); }
    }

    static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private Values() { }

    /** How a value appears in GetQueryResults; null for an absent value (the field is left out of the row). */
    static String format(Object v) {
        if (v == null) return null;
        if (v instanceof String s) return s;
        if (v instanceof Double d) return formatNumber(d);
        if (v instanceof Long l) return Long.toString(l);
        if (v instanceof Boolean b) return b ? "1" : "0";
        if (v instanceof Time t) return TIMESTAMP.format(Instant.ofEpochMilli(t.millis));
        return v.toString();
    }

    static String formatNumber(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return null;
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    /** The numeric value, or NaN when the value is absent or not numeric. */
    static double toNumber(Object v) {
        if (v == null) return Double.NaN;
        if (v instanceof Double d) return d;
        if (v instanceof Long l) return l;
        if (v instanceof Time t) return t.millis;
        if (v instanceof Boolean b) return b ? 1 : 0;
        if (v instanceof String s) return parseNumber(s);
        return Double.NaN;
    }

    static double parseNumber(String s) {
        int n = s.length();
        if (n == 0 || n > 64) return Double.NaN;
        char c = s.charAt(0);
        if (!(c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9'))) return Double.NaN;
        char last = s.charAt(n - 1);
        if (!(last == '.' || (last >= '0' && last <= '9'))) return Double.NaN;
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static boolean isNumeric(Object v) {
        return v instanceof Double || v instanceof Long || v instanceof Time || v instanceof Boolean
                || (v instanceof String s && !Double.isNaN(parseNumber(s)));
    }

    static String toText(Object v) {
        if (v == null) return null;
        return v instanceof String s ? s : format(v);
    }

    static boolean truthy(Object v) {
        if (v == null) return false;
        if (v instanceof Boolean b) return b;
        if (v instanceof String s) return !s.isEmpty() && !s.equals("0") && !s.equalsIgnoreCase("false");
        double d = toNumber(v);
        return !Double.isNaN(d) && d != 0;
    }

    /** Long millis of a time-like value: a {@link Time}, or a number of epoch milliseconds. */
    static long toMillis(Object v) {
        if (v instanceof Time t) return t.millis;
        double d = toNumber(v);
        return Double.isNaN(d) ? Long.MIN_VALUE : (long) d;
    }

    /**
     * Compares two present values: numerically when either side is a number and both read as numbers,
     * otherwise as strings. Times compare with times and with epoch milliseconds.
     */
    static int compare(Object a, Object b) {
        boolean an = !(a instanceof String), bn = !(b instanceof String);
        if (an || bn || (isNumeric(a) && isNumeric(b))) {
            double x = toNumber(a), y = toNumber(b);
            if (!Double.isNaN(x) && !Double.isNaN(y)) return Double.compare(x, y);
        }
        return toText(a).compareTo(toText(b));
    }

    /** Equality as {@code =} sees it: numeric when either side is a non-string and both read as numbers. */
    static boolean equal(Object a, Object b) {
        if (a instanceof String sa && b instanceof String sb) return sa.equals(sb);
        double x = toNumber(a), y = toNumber(b);
        if (!Double.isNaN(x) && !Double.isNaN(y)) return x == y;
        return toText(a).equals(toText(b));
    }

    /**
     * AWS's sort order (ascending): values that are numbers come after all other values and compare by
     * value; other values compare naturally — runs of digits by length, then by value, everything else by
     * Unicode code unit. Absent values come last; {@link #sortCompareDescending} keeps them last.
     */
    static int sortCompare(Object a, Object b) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : 1) : -1;
        return order(a, b);
    }

    static int sortCompareDescending(Object a, Object b) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : 1) : -1;
        return -order(a, b);
    }

    private static int order(Object a, Object b) {
        double x = sortNumber(a), y = sortNumber(b);
        boolean an = !Double.isNaN(x), bn = !Double.isNaN(y);
        if (an && bn) {
            int c = Double.compare(x, y);
            return c != 0 ? c : toText(a).compareTo(toText(b));
        }
        if (an != bn) return an ? 1 : -1;
        return natural(toText(a), toText(b));
    }

    private static double sortNumber(Object v) {
        return v instanceof String s ? parseNumber(s) : toNumber(v);
    }

    static int natural(String s, String t) {
        int i = 0, j = 0, n = s.length(), m = t.length();
        while (i < n && j < m) {
            char c = s.charAt(i), d = t.charAt(j);
            if (isDigit(c) && isDigit(d)) {
                int ie = i, je = j;
                while (ie < n && isDigit(s.charAt(ie))) ie++;
                while (je < m && isDigit(t.charAt(je))) je++;
                if (ie - i != je - j) return (ie - i) - (je - j);
                int c2 = s.substring(i, ie).compareTo(t.substring(j, je));
                if (c2 != 0) return c2;
                i = ie;
                j = je;
            } else if (c != d) {
                return c - d;
            } else {
                i++;
                j++;
            }
        }
        return (n - i) - (m - j);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
