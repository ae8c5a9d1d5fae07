package dev.vigil.logs.insights;

/**
 * A strict JSON reader (RFC 8259, as Jackson reads it by default) that walks one object and hands its
 * scalar values to a {@link FieldDiscovery.Walk}, building names and values only where the walk wants them.
 * One instance reads one message; not thread-safe.
 */
final class JsonFields {
    /** Jackson's default limit on nesting, kept so deep documents are rejected the same way. */
    private static final int MAX_DEPTH = 1000;

    private static final class Malformed extends RuntimeException {
        Malformed() { super(null, null, false, false); }
    }

    private static final Malformed MALFORMED = new Malformed();

    private final String s;
    private final int n;
    private final FieldDiscovery.Walk w;
    private int i;
    private int depth;

    private JsonFields(String s, int start, FieldDiscovery.Walk w) {
        this.s = s;
        this.n = s.length();
        this.i = start;
        this.w = w;
    }

    /** Reads the object at {@code start}; {@code whole}: only white space may surround it. */
    static boolean read(String message, int start, boolean whole, FieldDiscovery.Walk w) {
        JsonFields p = new JsonFields(message, start, w);
        try {
            p.space();
            if (p.i >= p.n || message.charAt(p.i) != '{') return false;
            p.object("", true);
            if (!whole) return true;
            p.space();
            return p.i == p.n;
        } catch (Malformed | StackOverflowError e) {
            return false;
        }
    }

    private void space() {
        while (i < n) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            i++;
        }
    }

    private char next() {
        if (i >= n) throw MALFORMED;
        return s.charAt(i++);
    }

    private boolean containerNext() {
        if (i >= n) throw MALFORMED;
        char c = s.charAt(i);
        return c == '{' || c == '[';
    }

    /** At '{'. prefix is null when nothing inside is wanted. */
    private void object(String prefix, boolean top) {
        if (++depth > MAX_DEPTH) throw MALFORMED;
        i++;
        space();
        if (i < n && s.charAt(i) == '}') {
            i++;
            depth--;
            return;
        }
        while (true) {
            if (next() != '"') throw MALFORMED;
            if (prefix == null) {
                skipName();
                colon();
                value(null, null);
            } else if (w.wanted != null) {
                wantedMember(prefix, top);
            } else {
                String name = name(prefix, top);
                colon();
                value(name, containerNext() ? name + "." : null);
            }
            space();
            char c = next();
            if (c == '}') break;
            if (c != ',') throw MALFORMED;
            space();
        }
        depth--;
    }

    private void colon() {
        space();
        if (next() != ':') throw MALFORMED;
        space();
    }

    /** After the opening quote of a member name: the field name it makes under {@code prefix}. */
    private String name(String prefix, boolean top) {
        int open = i;
        String key = string();
        // like Jackson, a name written with escapes must not decode to a lone surrogate
        int backslash = s.indexOf('\\', open);
        if (backslash >= 0 && backslash < i && hasLoneSurrogate(key)) throw MALFORMED;
        // AWS shows a discovered name that starts with @ with one more @, apart from its own fields
        return top && key.startsWith("@") ? "@" + key : prefix + key;
    }

    /** A member when only some names are wanted: its name is matched in place, never built. */
    private void wantedMember(String prefix, boolean top) {
        int from = i, hash;
        boolean at = top && i < n && s.charAt(i) == '@';
        hash = at ? '@' : prefix.hashCode();
        while (true) {
            if (i >= n) throw MALFORMED;
            char c = s.charAt(i);
            if (c == '"') break;
            if (c == '\\' || c < 0x20) { // escaped (or malformed) names take the general path
                i = from;
                String name = name(prefix, top);
                colon();
                String child = containerNext() ? w.child(name) : null;
                value(w.wanted.names.contains(name) ? name : null, child);
                return;
            }
            hash = 31 * hash + c;
            i++;
        }
        int to = i++;
        colon();
        if (containerNext()) {
            value(null, w.wanted.prefix(31 * hash + '.', prefix, at, s, from, to));
        } else {
            value(w.wanted.name(hash, prefix, at, s, from, to), null);
        }
    }

    /** At '['. */
    private void array(String prefix) {
        if (++depth > MAX_DEPTH) throw MALFORMED;
        i++;
        space();
        if (i < n && s.charAt(i) == ']') {
            i++;
            depth--;
            return;
        }
        int index = 0;
        while (true) {
            if (prefix == null) {
                value(null, null);
            } else {
                String name = prefix + index;
                value(name, containerNext() ? w.child(name) : null);
            }
            index++;
            space();
            char c = next();
            if (c == ']') break;
            if (c != ',') throw MALFORMED;
            space();
        }
        depth--;
    }

    /** leaf: the name a scalar value is kept under (if wanted); child: the prefix inside a container. */
    private void value(String leaf, String child) {
        if (i >= n) throw MALFORMED;
        char c = s.charAt(i);
        switch (c) {
            case '{' -> object(child, false);
            case '[' -> array(child);
            case '"' -> {
                i++;
                if (w.keep(leaf)) w.out.put(leaf, string());
                else skipString();
            }
            case 't' -> literal("true", leaf);
            case 'f' -> literal("false", leaf);
            case 'n' -> literal("null", null);
            default -> {
                int start = i;
                number();
                if (w.keep(leaf)) w.out.put(leaf, s.substring(start, i));
            }
        }
    }

    /** true, false or null (null is no field). */
    private void literal(String word, String name) {
        if (!s.startsWith(word, i)) throw MALFORMED;
        i += word.length();
        if (i < n && Character.isJavaIdentifierPart(s.charAt(i))) throw MALFORMED;
        if (!word.equals("null") && w.keep(name)) w.out.put(name, word);
    }

    /** -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
    private void number() {
        if (i < n && s.charAt(i) == '-') i++;
        if (i >= n) throw MALFORMED;
        char c = s.charAt(i);
        if (c == '0') {
            i++;
        } else if (c >= '1' && c <= '9') {
            digits();
        } else {
            throw MALFORMED;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            if (i >= n || !digit(s.charAt(i))) throw MALFORMED;
            digits();
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
            if (i >= n || !digit(s.charAt(i))) throw MALFORMED;
            digits();
        }
        // a number must end at a separator: "01" or "1x" are not numbers
        if (i < n) {
            char e = s.charAt(i);
            if (digit(e) || Character.isJavaIdentifierPart(e) || e == '.' || e == '-' || e == '+') throw MALFORMED;
        }
    }

    private void digits() {
        while (i < n && digit(s.charAt(i))) i++;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    /** After the opening quote: the unescaped text; leaves i after the closing quote. */
    private String string() {
        int start = i;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '"') return s.substring(start, i++);
            if (c == '\\') return escaped(start);
            if (c < 0x20) throw MALFORMED;
            i++;
        }
        throw MALFORMED;
    }

    private String escaped(int start) {
        StringBuilder b = new StringBuilder(s.length() - start).append(s, start, i);
        while (true) {
            char c = next();
            if (c == '"') return b.toString();
            if (c < 0x20) throw MALFORMED;
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> b.append(hex4());
                default -> throw MALFORMED;
            }
        }
    }

    private char hex4() {
        if (i + 4 > n) throw MALFORMED;
        int v = 0;
        for (int k = 0; k < 4; k++) {
            char c = s.charAt(i++);
            int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) throw MALFORMED;
            v = v * 16 + d;
        }
        return (char) v;
    }

    /** Skips a name; one with escapes is decoded to check it the way Jackson does. */
    private void skipName() {
        int open = i;
        skipString();
        int close = i;
        int backslash = s.indexOf('\\', open);
        if (backslash >= 0 && backslash < close) {
            i = open;
            if (hasLoneSurrogate(string())) throw MALFORMED;
        }
    }

    private static boolean hasLoneSurrogate(String k) {
        for (int j = 0; j < k.length(); j++) {
            char c = k.charAt(j);
            if (Character.isHighSurrogate(c)) {
                if (j + 1 == k.length() || !Character.isLowSurrogate(k.charAt(j + 1))) return true;
                j++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private void skipString() {
        while (true) {
            char c = next();
            if (c == '"') return;
            if (c < 0x20) throw MALFORMED;
            if (c == '\\') {
                char e = next();
                if (e == 'u') {
                    hex4();
                } else if ("\"\\/bfnrt".indexOf(e) < 0) {
                    throw MALFORMED;
                }
            }
        }
    }
}
