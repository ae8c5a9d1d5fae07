package dev.vigil.cloudwatch.search;

import dev.vigil.cloudwatch.math.MathException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses the first argument of SEARCH per "CloudWatch search expression syntax":
 * {@code [{Namespace, DimensionName, ...}][,] [SearchTerm]}. Names in the schema may be double-quoted; in the
 * SearchTerm a double-quoted string is an exact match (with {@code \" \\ \( \)} escaped), a bare word a
 * partial match, {@code name=term} restricts a term to one property, and the case-sensitive operators
 * {@code AND}, {@code OR} (looser) and {@code NOT} (tighter), with parentheses, combine terms; terms side by side
 * are ANDed. Not thread-safe (one parse per instance; use {@link #parse}).
 */
public final class SearchParser {
    public static final int MAX_LENGTH = 1024;

    private enum Kind { WORD, QUOTED, OPEN, CLOSE, EQUALS, END }

    private record Token(Kind kind, String text, int position) {}

    private final List<Token> tokens;
    private int at;

    private SearchParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    public static SearchQuery parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new MathException("The search expression query must be at most " + MAX_LENGTH
                    + " characters long.");
        }
        int i = skipSpace(text, 0);
        String namespace = null;
        Set<String> dims = null;
        if (i < text.length() && text.charAt(i) == '{') {
            int close = schemaEnd(text, i);
            List<String> names = schemaNames(text.substring(i + 1, close), i + 1);
            if (names.isEmpty() || names.get(0).isEmpty()) {
                throw syntax(i, "the metric schema must start with a namespace");
            }
            namespace = names.get(0);
            dims = new LinkedHashSet<>(names.subList(1, names.size()));
            i = skipSpace(text, close + 1);
            if (i < text.length() && text.charAt(i) == ',') i++;
        }
        SearchParser p = new SearchParser(lex(text, i));
        SearchTerm term;
        if (p.peek().kind() == Kind.END) {
            if (namespace == null) {
                throw new MathException("A search expression must contain a metric schema, a search term, or both.");
            }
            term = new SearchTerm.All();
        } else {
            term = p.or();
            if (p.peek().kind() != Kind.END) throw syntax(p.peek().position(), "unexpected '" + p.peek().text() + "'");
        }
        return new SearchQuery(namespace, dims, term);
    }

    private SearchTerm or() {
        SearchTerm t = and();
        while (acceptWord("OR")) t = new SearchTerm.Or(t, and());
        return t;
    }

    private SearchTerm and() {
        SearchTerm t = not();
        while (true) {
            if (acceptWord("AND")) {
                t = new SearchTerm.And(t, not());
            } else if (startsTerm(peek())) {
                t = new SearchTerm.And(t, not());
            } else {
                return t;
            }
        }
    }

    private SearchTerm not() {
        if (acceptWord("NOT")) return new SearchTerm.Not(not());
        return primary();
    }

    private SearchTerm primary() {
        Token t = next();
        switch (t.kind()) {
            case OPEN -> {
                SearchTerm inner = or();
                Token close = next();
                if (close.kind() != Kind.CLOSE) throw syntax(close.position(), "expected ')'");
                return inner;
            }
            case QUOTED -> {
                return new SearchTerm.Match(null, t.text(), true);
            }
            case WORD -> {
                if (peek().kind() == Kind.EQUALS) {
                    at++;
                    Token v = next();
                    if (v.kind() == Kind.QUOTED) return new SearchTerm.Match(t.text(), v.text(), true);
                    if (v.kind() == Kind.WORD && !isOperator(v.text())) return new SearchTerm.Match(t.text(), v.text(), false);
                    throw syntax(v.position(), "expected a value after " + t.text() + "=");
                }
                if (isOperator(t.text())) throw syntax(t.position(), "unexpected " + t.text());
                return new SearchTerm.Match(null, t.text(), false);
            }
            case END -> throw syntax(t.position(), "unexpected end of the search term");
            default -> throw syntax(t.position(), "unexpected '" + t.text() + "'");
        }
    }

    private static boolean startsTerm(Token t) {
        return t.kind() == Kind.OPEN || t.kind() == Kind.QUOTED
                || (t.kind() == Kind.WORD && (t.text().equals("NOT") || !isOperator(t.text())));
    }

    private static boolean isOperator(String w) {
        return w.equals("AND") || w.equals("OR") || w.equals("NOT");
    }

    private boolean acceptWord(String w) {
        if (peek().kind() == Kind.WORD && peek().text().equals(w)) {
            at++;
            return true;
        }
        return false;
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token next() {
        Token t = tokens.get(at);
        if (t.kind() != Kind.END) at++;
        return t;
    }

    private static List<Token> lex(String text, int from) {
        List<Token> out = new ArrayList<>();
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == '=') {
                out.add(new Token(c == '(' ? Kind.OPEN : c == ')' ? Kind.CLOSE : Kind.EQUALS, String.valueOf(c), i));
                i++;
            } else if (c == '"') {
                int start = i;
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < text.length() && text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\' && i + 1 < text.length()) i++;
                    sb.append(text.charAt(i++));
                }
                if (i >= text.length()) throw syntax(start, "unterminated quoted term");
                i++;
                out.add(new Token(Kind.QUOTED, sb.toString(), start));
            } else {
                int start = i;
                while (i < text.length() && !Character.isWhitespace(text.charAt(i)) && "()=\"".indexOf(text.charAt(i)) < 0) i++;
                out.add(new Token(Kind.WORD, text.substring(start, i), start));
            }
        }
        out.add(new Token(Kind.END, "", text.length()));
        return out;
    }

    private static int schemaEnd(String text, int open) {
        boolean quoted = false;
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted) i++;
            else if (c == '"') quoted = !quoted;
            else if (c == '}' && !quoted) return i;
        }
        throw syntax(open, "the metric schema has no closing '}'");
    }

    private static List<String> schemaNames(String inner, int offset) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (quoted && c == '\\' && i + 1 < inner.length()) {
                cur.append(inner.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else if (quoted || !Character.isWhitespace(c) || cur.length() > 0) {
                cur.append(c);
            }
        }
        out.add(cur.toString().strip());
        for (String name : out.subList(1, out.size())) {
            if (name.isEmpty()) throw syntax(offset, "the metric schema has an empty dimension name");
        }
        return out;
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
        return i;
    }

    private static MathException syntax(int position, String problem) {
        return new MathException("Search expression syntax error at position " + position + ": " + problem + ".");
    }
}
