package dev.vigil.cloudwatch.insights;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a Metrics Insights query into tokens. Per "What needs quotation marks or escape characters?": label
 * values are in single quotes; namespaces, metric names and label keys are bare (letters, digits, underscore)
 * or in double quotes; a quote inside either is escaped with a backslash. Keywords are case-insensitive and a
 * bare identifier may not be one. Stateless.
 */
final class InsightsLexer {
    enum Kind { KEYWORD, IDENT, STRING, NUMBER, OP, END }

    record Token(Kind kind, String text, int position) {
        boolean is(String keywordOrOp) {
            return (kind == Kind.KEYWORD || kind == Kind.OP) && text.equals(keywordOrOp);
        }
    }

    /** The words of the grammar; the documented reserved list is longer, these are the ones the grammar uses. */
    static final Set<String> KEYWORDS = Set.of("SELECT", "FROM", "SCHEMA", "WHERE", "GROUP", "BY", "ORDER", "LIMIT",
            "AND", "OR", "NOT", "IN", "LIKE", "ASC", "DESC", "AVG", "COUNT", "MAX", "MIN", "SUM");

    private InsightsLexer() {}

    static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) i++;
                String word = text.substring(start, i);
                String upper = word.toUpperCase(Locale.ROOT);
                out.add(KEYWORDS.contains(upper) ? new Token(Kind.KEYWORD, upper, start) : new Token(Kind.IDENT, word, start));
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < text.length() && Character.isDigit(text.charAt(i))) i++;
                out.add(new Token(Kind.NUMBER, text.substring(start, i), start));
            } else if (c == '"' || c == '\'') {
                int start = i;
                StringBuilder sb = new StringBuilder();
                i++;
                while (i < text.length() && text.charAt(i) != c) {
                    if (text.charAt(i) == '\\' && i + 1 < text.length()) i++;
                    sb.append(text.charAt(i++));
                }
                if (i >= text.length()) {
                    throw InsightsException.at(start, "unterminated " + (c == '"' ? "quoted name" : "label value"));
                }
                i++;
                out.add(new Token(c == '"' ? Kind.IDENT : Kind.STRING, sb.toString(), start));
            } else if (text.startsWith("!=", i) || text.startsWith("<>", i)) {
                out.add(new Token(Kind.OP, "!=", i));
                i += 2;
            } else if ("=(),*".indexOf(c) >= 0) {
                out.add(new Token(Kind.OP, String.valueOf(c), i));
                i++;
            } else {
                throw InsightsException.at(i, "unexpected character '" + c + "'");
            }
        }
        out.add(new Token(Kind.END, "", text.length()));
        return out;
    }
}
