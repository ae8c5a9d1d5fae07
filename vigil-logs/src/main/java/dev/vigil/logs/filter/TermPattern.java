package dev.vigil.logs.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * An unstructured pattern: terms and quoted phrases that must all occur in the event (case-sensitive
 * substrings, so {@code ERROR} matches {@code ERRORCODE}), {@code -term} that must not occur, and
 * {@code ?term} which starts an alternative: {@code ?A B ?C D} matches events with both A and B or both C
 * and D. A bare term may hold only ASCII letters, digits and underscores; anything else is quoted.
 * Matching is plain {@code indexOf} scanning. Immutable.
 */
final class TermPattern {
    /** One alternative: every {@code include} occurs and no {@code exclude} does. */
    private record Group(String[] include, String[] exclude, AwsRegex[] regexes) {
        boolean matches(String message) {
            for (String s : include) {
                if (message.indexOf(s) < 0) return false;
            }
            for (String s : exclude) {
                if (message.indexOf(s) >= 0) return false;
            }
            for (AwsRegex r : regexes) {
                if (!r.find(message)) return false;
            }
            return true;
        }
    }

    private final Group[] groups;
    private final int regexCount;

    private TermPattern(Group[] groups, int regexCount) {
        this.groups = groups;
        this.regexCount = regexCount;
    }

    int regexCount() {
        return regexCount;
    }

    /** Texts every matching message contains: the terms and phrases of a pattern without {@code ?} alternatives. */
    List<String> requiredTexts() {
        return groups.length == 1 ? List.of(groups[0].include()) : List.of();
    }

    boolean matches(String message) {
        for (Group g : groups) {
            if (g.matches(message)) return true;
        }
        return false;
    }

    /** Null when the pattern matches every event (e.g. a phrase of blanks, AWS's "match everything"). */
    static TermPattern parse(String pattern) {
        List<Group> groups = new ArrayList<>();
        List<String> include = new ArrayList<>();
        List<String> exclude = new ArrayList<>();
        List<AwsRegex> regexes = new ArrayList<>();
        int regexCount = 0;
        boolean touched = false;
        int i = 0;
        int n = pattern.length();
        while (true) {
            while (i < n && Character.isWhitespace(pattern.charAt(i))) i++;
            if (i >= n) break;
            char prefix = pattern.charAt(i);
            boolean or = false;
            boolean not = false;
            if (prefix == '?' || prefix == '-') {
                or = prefix == '?';
                not = prefix == '-';
                i++;
                while (i < n && Character.isWhitespace(pattern.charAt(i))) i++;
                if (i >= n) throw FilterPatternException.invalid();
            }
            if (or && touched) {
                groups.add(group(include, exclude, regexes));
                include.clear();
                exclude.clear();
                regexes.clear();
            }
            touched = true;
            char c = pattern.charAt(i);
            if (c == '"') {
                StringBuilder sb = new StringBuilder();
                i = quoted(pattern, i, sb);
                String phrase = sb.toString();
                if (phrase.isBlank()) {
                    // AWS documents a quoted blank as the pattern that matches everything.
                    continue;
                }
                (not ? exclude : include).add(phrase);
            } else if (c == '%') {
                int end = pattern.indexOf('%', i + 1);
                if (end < 0) throw FilterPatternException.invalidCharacters("%");
                AwsRegex regex = AwsRegex.compile(pattern.substring(i + 1, end));
                if (not) throw FilterPatternException.invalid();
                regexes.add(regex);
                regexCount++;
                i = end + 1;
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(pattern.charAt(i))) {
                    char t = pattern.charAt(i);
                    boolean ok = (t >= 'a' && t <= 'z') || (t >= 'A' && t <= 'Z') || (t >= '0' && t <= '9') || t == '_';
                    if (!ok) throw FilterPatternException.invalidCharacters(String.valueOf(t));
                    i++;
                }
                (not ? exclude : include).add(pattern.substring(start, i));
            }
        }
        if (touched) {
            groups.add(group(include, exclude, regexes));
        }
        for (Group g : groups) {
            if (isEmpty(g)) return null;
        }
        if (groups.isEmpty()) {
            return null;
        }
        return new TermPattern(groups.toArray(new Group[0]), regexCount);
    }

    private static boolean isEmpty(Group g) {
        return g.include().length == 0 && g.exclude().length == 0 && g.regexes().length == 0;
    }

    private static Group group(List<String> include, List<String> exclude, List<AwsRegex> regexes) {
        return new Group(include.toArray(new String[0]), exclude.toArray(new String[0]), regexes.toArray(new AwsRegex[0]));
    }

    /** Reads a double-quoted phrase starting at {@code start}; {@code \"} and {@code \\} are escapes. */
    private static int quoted(String s, int start, StringBuilder sb) {
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\\')) {
                sb.append(s.charAt(i + 1));
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else {
                sb.append(c);
                i++;
            }
        }
        throw FilterPatternException.invalid();
    }
}
