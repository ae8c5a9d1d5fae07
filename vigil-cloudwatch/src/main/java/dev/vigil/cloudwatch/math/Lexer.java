package dev.vigil.cloudwatch.math;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression into tokens: numbers, words (ids, function names, keywords), string literals in single,
 * double or typographic quotes (AWS's own docs print {@code METRICS(“4xx”)}), and operators. {@code AND},
 * {@code OR} and {@code NOT} become the operators {@code &&}, {@code ||} and {@code !}. Stateless.
 */
final class Lexer {
    enum Kind { NUMBER, WORD, STRING, OP, END }

    record Token(Kind kind, String text, int position) {}

    private static final List<String> OPERATORS =
            List.of("<=", ">=", "==", "!=", "&&", "||", "<", ">", "+", "-", "*", "/", "^", "(", ")", "[", "]", ",",
                    "!");

    private Lexer() {}

    static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c)
                    || (c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                i = number(text, i, out);
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) i++;
                String word = text.substring(start, i);
                switch (word) {
                    case "AND" -> out.add(new Token(Kind.OP, "&&", start));
                    case "OR" -> out.add(new Token(Kind.OP, "||", start));
                    case "NOT" -> out.add(new Token(Kind.OP, "!", start));
                    default -> out.add(new Token(Kind.WORD, word, start));
                }
            } else if (c == '"' || c == '\'' || c == '“' || c == '‘') {
                i = string(text, i, out);
            } else {
                i = operator(text, i, out);
            }
        }
        out.add(new Token(Kind.END, "", text.length()));
        return out;
    }

    private static int number(String text, int i, List<Token> out) {
        int start = i;
        while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) i++;
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < text.length() && (text.charAt(j) == '+' || text.charAt(j) == '-')) j++;
            if (j < text.length() && Character.isDigit(text.charAt(j))) {
                i = j;
                while (i < text.length() && Character.isDigit(text.charAt(i))) i++;
            }
        }
        String n = text.substring(start, i);
        try {
            Double.parseDouble(n);
        } catch (NumberFormatException e) {
            throw new MathException("Invalid number '" + n + "' at position " + start + ".");
        }
        out.add(new Token(Kind.NUMBER, n, start));
        return i;
    }

    private static int string(String text, int i, List<Token> out) {
        char open = text.charAt(i);
        char close = open == '“' ? '”' : open == '‘' ? '’' : open;
        StringBuilder sb = new StringBuilder();
        int j = i + 1;
        while (j < text.length() && text.charAt(j) != close) {
            if (text.charAt(j) == '\\' && j + 1 < text.length()) j++;
            sb.append(text.charAt(j++));
        }
        if (j >= text.length()) throw new MathException("Unterminated string starting at position " + i + ".");
        out.add(new Token(Kind.STRING, sb.toString(), i));
        return j + 1;
    }

    private static int operator(String text, int i, List<Token> out) {
        for (String op : OPERATORS) {
            if (text.startsWith(op, i)) {
                out.add(new Token(Kind.OP, op, i));
                return i + op.length();
            }
        }
        throw new MathException("Unexpected character '" + text.charAt(i) + "' at position " + i + ".");
    }
}
