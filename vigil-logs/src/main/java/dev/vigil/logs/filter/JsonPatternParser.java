package dev.vigil.logs.filter;

import dev.vigil.logs.filter.Lexer.Kind;
import dev.vigil.logs.filter.Lexer.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the inside of {@code { ... }}: conditions joined by {@code &&} (binding tighter) and {@code ||},
 * grouped with parentheses. Single use; not thread-safe.
 */
final class JsonPatternParser {
    /** AWS allows at most two regular expressions in one JSON or space-delimited pattern. */
    static final int MAX_REGEX = 2;

    private final List<Token> tokens;
    private int pos;
    private int regexCount;

    private JsonPatternParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    record Result(JsonCondition condition, int regexCount) { }

    static Result parse(String inside) {
        JsonPatternParser p = new JsonPatternParser(Lexer.tokenize(inside));
        if (p.tokens.isEmpty()) {
            throw FilterPatternException.invalid();
        }
        JsonCondition c = p.or();
        if (p.pos != p.tokens.size()) {
            throw FilterPatternException.invalid();
        }
        if (p.regexCount > MAX_REGEX) {
            throw FilterPatternException.invalid();
        }
        return new Result(c, p.regexCount);
    }

    private JsonCondition or() {
        List<JsonCondition> parts = new ArrayList<>();
        parts.add(and());
        while (peek(Kind.OR)) {
            pos++;
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new JsonCondition.Any(List.copyOf(parts));
    }

    private JsonCondition and() {
        List<JsonCondition> parts = new ArrayList<>();
        parts.add(primary());
        while (peek(Kind.AND)) {
            pos++;
            parts.add(primary());
        }
        return parts.size() == 1 ? parts.get(0) : new JsonCondition.All(List.copyOf(parts));
    }

    private JsonCondition primary() {
        if (peek(Kind.LPAREN)) {
            pos++;
            JsonCondition inner = or();
            expect(Kind.RPAREN);
            return inner;
        }
        Token sel = expect(Kind.WORD);
        if (sel.text().endsWith(".") && peek(Kind.QUOTED)) {
            // AWS reads a quoted property name as part of the selector and stops at the quote.
            throw FilterPatternException.invalidCharacters(sel.text() + "\"");
        }
        JsonSelector selector = JsonSelector.parse(sel.text());
        if (peek(Kind.OP)) {
            Token op = tokens.get(pos++);
            Token value = next();
            Comparison c = Comparison.of(op, value);
            if (c.usesRegex()) regexCount++;
            return new JsonCondition.Compare(selector, c);
        }
        Token word = expect(Kind.WORD);
        if (word.text().equals("IS")) {
            Token what = expect(Kind.WORD);
            JsonCondition.Is.Kind kind = switch (what.text()) {
                case "NULL" -> JsonCondition.Is.Kind.NULL;
                case "TRUE" -> JsonCondition.Is.Kind.TRUE;
                case "FALSE" -> JsonCondition.Is.Kind.FALSE;
                default -> throw FilterPatternException.invalid();
            };
            return new JsonCondition.Is(selector, kind);
        }
        if (word.text().equals("NOT")) {
            Token what = expect(Kind.WORD);
            if (!what.text().equals("EXISTS")) throw FilterPatternException.invalid();
            return new JsonCondition.Is(selector, JsonCondition.Is.Kind.NOT_EXISTS);
        }
        throw FilterPatternException.invalid();
    }

    private boolean peek(Kind kind) {
        return pos < tokens.size() && tokens.get(pos).kind() == kind;
    }

    private Token next() {
        if (pos >= tokens.size()) throw FilterPatternException.invalid();
        return tokens.get(pos++);
    }

    private Token expect(Kind kind) {
        Token t = next();
        if (t.kind() != kind) throw FilterPatternException.invalid();
        return t;
    }
}
