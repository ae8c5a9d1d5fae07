package dev.vigil.iam.policy;

/**
 * A compiled wildcard pattern: {@code *} matches any run of characters, {@code ?} exactly one.
 * Which {@code *}/{@code ?} are wildcards is tracked per character, because the policy variables
 * {@code ${*}} and {@code ${?}} put literal asterisks and question marks into a pattern.
 * Matching never allocates. Immutable, thread-safe.
 */
final class Glob {
    private final char[] chars;
    private final boolean[] wild;        // null when no character is a wildcard
    private final boolean ignoreCase;    // chars are lower-cased at compile time when true
    private final boolean everything;    // the pattern is a lone wildcard "*"

    private Glob(char[] chars, boolean[] wild, boolean ignoreCase) {
        this.chars = chars;
        this.wild = wild;
        this.ignoreCase = ignoreCase;
        this.everything = chars.length == 1 && wild != null && wild[0] && chars[0] == '*';
    }

    /** Every {@code *} and {@code ?} in the text is a wildcard. */
    static Glob of(String text, boolean ignoreCase) {
        char[] c = (ignoreCase ? text.toLowerCase(java.util.Locale.ROOT) : text).toCharArray();
        boolean[] w = null;
        for (int i = 0; i < c.length; i++) {
            if (c[i] == '*' || c[i] == '?') {
                if (w == null) w = new boolean[c.length];
                w[i] = true;
            }
        }
        return new Glob(c, w, ignoreCase);
    }

    /** A pattern whose wildcard positions were decided by the caller (see {@link Template}). */
    static Glob of(char[] chars, boolean[] wild, boolean ignoreCase) {
        boolean any = false;
        for (boolean b : wild) any |= b;
        if (ignoreCase) {
            for (int i = 0; i < chars.length; i++) chars[i] = Character.toLowerCase(chars[i]);
        }
        return new Glob(chars, any ? wild : null, ignoreCase);
    }

    boolean hasWildcards() { return wild != null; }

    /** True when the pattern is exactly one {@code *}: the common "everything" case. */
    boolean matchesEverything() { return everything; }

    boolean matches(CharSequence s) {
        return matches(s, 0, s.length());
    }

    /** Matches the region [from, to) of s; the classic linear-backtracking wildcard algorithm. */
    boolean matches(CharSequence s, int from, int to) {
        if (everything) return true;
        int n = chars.length;
        if (wild == null) {
            if (to - from != n) return false;
            for (int i = 0; i < n; i++) {
                if (!same(chars[i], s.charAt(from + i))) return false;
            }
            return true;
        }
        int pi = 0;
        int si = from;
        int starP = -1;
        int starS = -1;
        while (si < to) {
            if (pi < n && wild[pi] && chars[pi] == '*') {
                starP = pi++;
                starS = si;
            } else if (pi < n && ((wild[pi] && chars[pi] == '?') || (!wild[pi] && same(chars[pi], s.charAt(si))))) {
                pi++;
                si++;
            } else if (starP >= 0) {
                pi = starP + 1;
                si = ++starS;
            } else {
                return false;
            }
        }
        while (pi < n && wild[pi] && chars[pi] == '*') pi++;
        return pi == n;
    }

    private boolean same(char patternChar, char c) {
        return patternChar == (ignoreCase ? Character.toLowerCase(c) : c);
    }

    @Override
    public String toString() { return new String(chars); }
}
