package dev.vigil.logs.filter;

import java.util.ArrayList;
import java.util.List;

/** Splits the inside of a JSON ({@code { }}) or space-delimited ({@code [ ]}) pattern into tokens. Stateless. */
final class Lexer {
    enum Kind { LPAREN, RPAREN, AND, OR, OP, COMMA, QUOTED, REGEX, WORD }

    /** {@code text} is the unescaped value; {@code raw} is the source text, as AWS quotes it in errors. */
    record Token(Kind kind, String text, String raw) { }

    private Lexer() { }

    static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                out.add(new Token(Kind.LPAREN, "(", "("));
                i++;
            } else if (c == ')') {
                out.add(new Token(Kind.RPAREN, ")", ")"));
                i++;
            } else if (c == ',') {
                out.add(new Token(Kind.COMMA, ",", ","));
                i++;
            } else if (c == '&' || c == '|') {
                if (i + 1 >= n || s.charAt(i + 1) != c) {
                    throw FilterPatternException.invalidCharacters(String.valueOf(c));
                }
                String op = s.substring(i, i + 2);
                out.add(new Token(c == '&' ? Kind.AND : Kind.OR, op, op));
                i += 2;
            } else if (c == '=' || c == '<' || c == '>' || c == '!') {
                int len = (i + 1 < n && s.charAt(i + 1) == '=' && c != '=') ? 2 : 1;
                String op = s.substring(i, i + len);
                if (op.equals("!")) {
                    throw FilterPatternException.invalidCharacters("!");
                }
                out.add(new Token(Kind.OP, op, op));
                i += len;
            } else if (c == '"') {
                i = quoted(s, i, out);
            } else if (c == '%') {
                int end = s.indexOf('%', i + 1);
                if (end < 0) {
                    throw FilterPatternException.invalid();
                }
                out.add(new Token(Kind.REGEX, s.substring(i + 1, end), s.substring(i, end + 1)));
                i = end + 1;
            } else {
                int start = i;
                while (i < n && !endsWord(s.charAt(i))) {
                    i++;
                }
                String w = s.substring(start, i);
                out.add(new Token(Kind.WORD, w, w));
            }
        }
        return out;
    }

    private static boolean endsWord(char c) {
        return Character.isWhitespace(c) || "()&|=<>!,\"%".indexOf(c) >= 0;
    }

    private static int quoted(String s, int start, List<Token> out) {
        StringBuilder sb = new StringBuilder();
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char next = s.charAt(i + 1);
                if (next == '"' || next == '\\') {
                    sb.append(next);
                } else {
                    sb.append(c).append(next);
                }
                i += 2;
            } else if (c == '"') {
                out.add(new Token(Kind.QUOTED, sb.toString(), s.substring(start, i + 1)));
                return i + 1;
            } else {
                sb.append(c);
                i++;
            }
        }
        throw FilterPatternException.invalid();
    }
}
