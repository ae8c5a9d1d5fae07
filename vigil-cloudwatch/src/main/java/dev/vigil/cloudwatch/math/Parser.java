package dev.vigil.cloudwatch.math;

import dev.vigil.cloudwatch.math.Lexer.Kind;
import dev.vigil.cloudwatch.math.Lexer.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive descent over the metric math grammar, loosest binding first: {@code OR}, {@code AND}, {@code NOT},
 * comparisons, {@code + -}, {@code * /}, unary minus, {@code ^} (right-associative, so {@code -2^2} is -4 and
 * {@code 2^3^2} is 512, as in ordinary mathematics), then numbers, strings, parentheses, arrays, calls and
 * ids. Ids start with a lower-case letter (AWS's Id rule); a bare upper-case word is a keyword argument.
 * Not thread-safe (one parse per instance; use {@link #parse}).
 */
final class Parser {
    private final List<Token> tokens;
    private int at;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Node parse(String text) {
        if (text == null || text.isBlank()) throw new MathException("The expression is empty.");
        Parser p = new Parser(Lexer.tokens(text));
        Node n = p.or();
        Token t = p.peek();
        if (t.kind() != Kind.END) throw unexpected(t);
        return n;
    }

    private Node or() {
        Node n = and();
        while (accept("||")) n = new Node.Binary("||", n, and());
        return n;
    }

    private Node and() {
        Node n = not();
        while (accept("&&")) n = new Node.Binary("&&", n, not());
        return n;
    }

    private Node not() {
        if (accept("!")) return new Node.Unary("!", not());
        return comparison();
    }

    private Node comparison() {
        Node n = additive();
        while (true) {
            String op = peek().text();
            if (peek().kind() == Kind.OP && List.of("<", "<=", ">", ">=", "==", "!=").contains(op)) {
                at++;
                n = new Node.Binary(op, n, additive());
            } else {
                return n;
            }
        }
    }

    private Node additive() {
        Node n = multiplicative();
        while (true) {
            if (accept("+")) n = new Node.Binary("+", n, multiplicative());
            else if (accept("-")) n = new Node.Binary("-", n, multiplicative());
            else return n;
        }
    }

    private Node multiplicative() {
        Node n = unary();
        while (true) {
            if (accept("*")) n = new Node.Binary("*", n, unary());
            else if (accept("/")) n = new Node.Binary("/", n, unary());
            else return n;
        }
    }

    private Node unary() {
        if (accept("-")) return new Node.Unary("-", unary());
        if (accept("+")) return unary();
        return power();
    }

    private Node power() {
        Node base = primary();
        if (accept("^")) return new Node.Binary("^", base, unary());
        return base;
    }

    private Node primary() {
        Token t = tokens.get(at++);
        switch (t.kind()) {
            case NUMBER:
                return new Node.Num(Double.parseDouble(t.text()));
            case STRING:
                return new Node.Text(t.text());
            case WORD:
                if (accept("(")) return new Node.Call(t.text(), arguments(")"));
                if (Character.isLowerCase(t.text().charAt(0))) return new Node.Ref(t.text());
                return new Node.Word(t.text());
            case OP:
                if (t.text().equals("(")) {
                    Node inner = or();
                    expect(")");
                    return inner;
                }
                if (t.text().equals("[")) {
                    List<Node> items = arguments("]");
                    if (items.isEmpty()) throw new MathException("An array must hold at least one time series.");
                    return new Node.ArrayOf(items);
                }
                throw unexpected(t);
            default:
                throw unexpected(t);
        }
    }

    /** Comma-separated expressions up to {@code close}, which is consumed. */
    private List<Node> arguments(String close) {
        List<Node> args = new ArrayList<>();
        if (accept(close)) return args;
        do {
            args.add(or());
        } while (accept(","));
        expect(close);
        return args;
    }

    private Token peek() {
        return tokens.get(at);
    }

    private boolean accept(String op) {
        Token t = peek();
        if (t.kind() == Kind.OP && t.text().equals(op)) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(String op) {
        if (!accept(op)) {
            Token t = peek();
            throw new MathException("Expected '" + op + "' " + where(t) + ".");
        }
    }

    private static MathException unexpected(Token t) {
        if (t.kind() == Kind.END) return new MathException("Unexpected end of expression.");
        return new MathException("Unexpected '" + t.text() + "' at position " + t.position() + ".");
    }

    private static String where(Token t) {
        if (t.kind() == Kind.END) return "at the end of the expression";
        return "at position " + t.position() + " but found '" + t.text() + "'";
    }
}
