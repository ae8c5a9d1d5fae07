package dev.vigil.cloudwatch.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Tokenization per "CloudWatch search expressions: Tokenization": non-alphanumeric characters delimit words; a
 * word splits further where camel-case capitalization changes and where digits start or end; all tokens are
 * lower case, and the whole name without delimiters is a token too ({@code Project2-trial333} gives
 * {@code project2trial333, project, 2, trial, 333}). Composite tokens (two or more consecutive parts) keep their
 * case: they are matched case-sensitively. Stateless.
 */
final class SearchTokens {
    private SearchTokens() {}

    /** The alphanumeric words of a string, in order. */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                w.append(c);
            } else if (w.length() > 0) {
                out.add(w.toString());
                w.setLength(0);
            }
        }
        if (w.length() > 0) out.add(w.toString());
        return out;
    }

    /** The parts of one word: {@code SDBFailure} → SDB, Failure; {@code CustomCount1} → Custom, Count, 1. */
    static List<String> parts(String word) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i < word.length(); i++) {
            char prev = word.charAt(i - 1);
            char c = word.charAt(i);
            boolean boundary = Character.isDigit(c) != Character.isDigit(prev)
                    || (Character.isLowerCase(prev) && Character.isUpperCase(c))
                    || (Character.isUpperCase(prev) && Character.isUpperCase(c) && i + 1 < word.length()
                            && Character.isLowerCase(word.charAt(i + 1)));
            if (boundary) {
                out.add(word.substring(start, i));
                start = i;
            }
        }
        out.add(word.substring(start));
        return out;
    }

    /** The case-insensitive single tokens of a name (lower case). */
    static Set<String> singles(String name) {
        Set<String> out = new HashSet<>();
        List<String> words = words(name);
        out.add(String.join("", words).toLowerCase(Locale.ROOT));
        for (String w : words) {
            out.add(w.toLowerCase(Locale.ROOT));
            for (String p : parts(w)) out.add(p.toLowerCase(Locale.ROOT));
        }
        out.remove("");
        return out;
    }

    /** The case-sensitive composite tokens of a name: every run of two or more consecutive parts, joined. */
    static Set<String> composites(String name) {
        List<String> parts = new ArrayList<>();
        for (String w : words(name)) parts.addAll(parts(w));
        Set<String> out = new HashSet<>();
        for (int i = 0; i < parts.size(); i++) {
            StringBuilder sb = new StringBuilder(parts.get(i));
            for (int j = i + 1; j < parts.size(); j++) {
                sb.append(parts.get(j));
                out.add(sb.toString());
            }
        }
        return out;
    }

    /**
     * Whether a partial-match term matches a name: every word of the term must match, a one-part word as a
     * case-insensitive single token, a word of several parts ({@code CustomCount}, {@code couNT}) as a
     * case-sensitive composite token or token.
     */
    static boolean partialMatch(String term, String name) {
        List<String> words = words(term);
        if (words.isEmpty()) return false;
        Set<String> singles = singles(name);
        Set<String> composites = null;
        for (String w : words) {
            boolean onePart = parts(w).size() == 1;
            if (onePart && singles.contains(w.toLowerCase(Locale.ROOT))) continue;
            // A lower-case word of several parts (customcount1) can still equal a whole-name token.
            if (!onePart && singles.contains(w)) continue;
            if (!onePart) {
                if (composites == null) composites = composites(name);
                if (composites.contains(w)) continue;
            }
            return false;
        }
        return true;
    }
}
