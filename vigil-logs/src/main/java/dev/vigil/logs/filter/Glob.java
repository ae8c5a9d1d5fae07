package dev.vigil.logs.filter;

/**
 * A value with {@code *} wildcards. AWS matches the pieces between the stars left to right, each at its
 * first occurrence, without backtracking, and a last piece that is not followed by a star must then end
 * the value: on AWS {@code *111.111.111} does not match {@code 111.111.111.111} while
 * {@code *.111.111.111} does, and {@code 1*3} matches {@code 123}. Immutable.
 */
final class Glob {
    private final String[] pieces;
    private final boolean leadingStar;
    private final boolean trailingStar;

    private Glob(String[] pieces, boolean leadingStar, boolean trailingStar) {
        this.pieces = pieces;
        this.leadingStar = leadingStar;
        this.trailingStar = trailingStar;
    }

    /** Null when the text has no star (plain equality applies). */
    static Glob of(String text) {
        if (text.indexOf('*') < 0) {
            return null;
        }
        boolean leading = text.startsWith("*");
        boolean trailing = text.endsWith("*");
        String[] parts = text.split("\\*+");
        int n = 0;
        for (String p : parts) {
            if (!p.isEmpty()) n++;
        }
        String[] pieces = new String[n];
        int i = 0;
        for (String p : parts) {
            if (!p.isEmpty()) pieces[i++] = p;
        }
        return new Glob(pieces, leading, trailing);
    }

    /** The longest literal piece, or null for a value of stars only. */
    String longestPiece() {
        String best = null;
        for (String p : pieces) {
            if (best == null || p.length() > best.length()) best = p;
        }
        return best;
    }

    boolean matches(String value) {
        if (pieces.length == 0) {
            return true;
        }
        int pos = 0;
        int first = 0;
        if (!leadingStar) {
            if (!value.startsWith(pieces[0])) return false;
            pos = pieces[0].length();
            first = 1;
            if (pieces.length == 1) {
                return trailingStar || pos == value.length();
            }
        }
        for (int i = first; i < pieces.length; i++) {
            int at = value.indexOf(pieces[i], pos);
            if (at < 0) return false;
            pos = at + pieces[i].length();
        }
        return trailingStar || pos == value.length();
    }
}
