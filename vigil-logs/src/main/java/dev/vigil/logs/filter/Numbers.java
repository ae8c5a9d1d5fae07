package dev.vigil.logs.filter;

/** The number syntax of filter patterns: optional sign, digits with an optional fraction, optional exponent. */
final class Numbers {
    private Numbers() { }

    /** The value of {@code text}, or NaN when it is not a number in that syntax (no exception on the hot path). */
    static double parse(String text) {
        return isNumber(text) ? Double.parseDouble(text) : Double.NaN;
    }

    static boolean isNumber(String s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
        int intDigits = 0;
        while (i < n && isDigit(s.charAt(i))) { i++; intDigits++; }
        int fracDigits = 0;
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) { i++; fracDigits++; }
        }
        if (intDigits == 0 && fracDigits == 0) return false;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
            int expDigits = 0;
            while (i < n && isDigit(s.charAt(i))) { i++; expDigits++; }
            if (expDigits == 0) return false;
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
