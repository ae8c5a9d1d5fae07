package dev.vigil.cloudwatch.insights;

import dev.vigil.cloudwatch.insights.InsightsLexer.Kind;
import dev.vigil.cloudwatch.insights.InsightsLexer.Token;
import dev.vigil.cloudwatch.insights.InsightsQuery.Aggregate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Recursive descent over "Metrics Insights query components and syntax":
 * {@code SELECT FUNCTION(metricName) FROM namespace | SCHEMA(namespace[, labelKey ...]) [WHERE condition]
 * [GROUP BY labelKey[, ...]] [ORDER BY FUNCTION() [ASC | DESC]] [LIMIT number]}. Conditions are
 * {@code key = 'v'}, {@code !=}, {@code [NOT] IN ('a', 'b')}, {@code [NOT] LIKE 'pat%'}, joined by AND (binding
 * tighter) and OR, grouped with parentheses. LIMIT is 1 to 500. Not thread-safe (one parse per instance).
 */
public final class InsightsParser {
    public static final int MAX_LIMIT = 500;

    private final List<Token> tokens;
    private int at;

    private InsightsParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Whether an Expression is a Metrics Insights query rather than metric math. */
    public static boolean isQuery(String expression) {
        String s = expression.stripLeading();
        return s.length() >= 6 && s.regionMatches(true, 0, "SELECT", 0, 6)
                && (s.length() == 6 || !Character.isLetterOrDigit(s.charAt(6)) && s.charAt(6) != '_');
    }

    /** @throws dev.vigil.cloudwatch.math.MathException describing the first problem */
    public static InsightsQuery parse(String text) {
        return new InsightsParser(InsightsLexer.tokens(text)).query();
    }

    private InsightsQuery query() {
        keyword("SELECT");
        Aggregate function = aggregate();
        op("(");
        String metric = ident("a metric name");
        op(")");
        keyword("FROM");
        String namespace;
        Set<String> schema = null;
        if (accept("SCHEMA")) {
            op("(");
            namespace = ident("a namespace");
            schema = new LinkedHashSet<>();
            while (accept(",")) schema.add(ident("a label key"));
            op(")");
        } else {
            namespace = ident("a namespace or SCHEMA(...)");
        }
        Condition where = accept("WHERE") ? or() : null;
        List<String> groupBy = new ArrayList<>();
        if (accept("GROUP")) {
            keyword("BY");
            do {
                groupBy.add(ident("a label key"));
            } while (accept(","));
        }
        Aggregate orderBy = null;
        boolean descending = false;
        if (accept("ORDER")) {
            keyword("BY");
            orderBy = aggregate();
            op("(");
            op(")");
            if (accept("DESC")) descending = true;
            else accept("ASC");
        }
        Integer limit = null;
        if (accept("LIMIT")) {
            Token t = next();
            if (t.kind() != Kind.NUMBER) throw InsightsException.at(t.position(), "LIMIT takes a whole number");
            long n = t.text().length() > 9 ? Long.MAX_VALUE : Long.parseLong(t.text());
            if (n < 1 || n > MAX_LIMIT) {
                throw InsightsException.of("The LIMIT of a Metrics Insights query must be between 1 and " + MAX_LIMIT
                        + ", not " + t.text() + ".");
            }
            limit = (int) n;
        }
        Token end = peek();
        if (end.kind() != Kind.END) throw unexpected(end);
        return new InsightsQuery(function, metric, namespace, schema, where, groupBy, orderBy, descending, limit);
    }

    private Condition or() {
        Condition c = and();
        while (accept("OR")) c = new Condition.Or(c, and());
        return c;
    }

    private Condition and() {
        Condition c = comparison();
        while (accept("AND")) c = new Condition.And(c, comparison());
        return c;
    }

    private Condition comparison() {
        if (accept("(")) {
            Condition inner = or();
            op(")");
            return inner;
        }
        String key = ident("a label key");
        if (accept("=")) return new Condition.Equals(key, value(), false);
        if (accept("!=")) return new Condition.Equals(key, value(), true);
        boolean negated = accept("NOT");
        if (accept("IN")) {
            op("(");
            List<String> values = new ArrayList<>();
            do {
                values.add(value());
            } while (accept(","));
            op(")");
            return new Condition.In(key, values, negated);
        }
        if (accept("LIKE")) return Condition.Like.of(key, value(), negated);
        Token t = peek();
        throw InsightsException.at(t.position(), "expected =, !=, IN, NOT IN, LIKE or NOT LIKE after " + key
                + " but found " + shown(t));
    }

    private Aggregate aggregate() {
        Token t = next();
        if (t.kind() == Kind.KEYWORD) {
            for (Aggregate a : Aggregate.values()) if (a.name().equals(t.text())) return a;
        }
        throw InsightsException.at(t.position(), "expected one of AVG, COUNT, MAX, MIN, SUM but found " + shown(t));
    }

    private String ident(String what) {
        Token t = next();
        if (t.kind() == Kind.IDENT) return t.text();
        if (t.kind() == Kind.KEYWORD) {
            throw InsightsException.at(t.position(), t.text() + " is a reserved keyword; enclose it in double quotes"
                    + " to use it as " + what);
        }
        throw InsightsException.at(t.position(), "expected " + what + " but found " + shown(t));
    }

    private String value() {
        Token t = next();
        if (t.kind() == Kind.STRING) return t.text();
        throw InsightsException.at(t.position(), "expected a label value in single quotes but found " + shown(t));
    }

    private void keyword(String k) {
        Token t = next();
        if (!t.is(k)) throw InsightsException.at(t.position(), "expected " + k + " but found " + shown(t));
    }

    private void op(String o) {
        keyword(o);
    }

    private boolean accept(String keywordOrOp) {
        if (peek().is(keywordOrOp)) {
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

    private static dev.vigil.cloudwatch.math.MathException unexpected(Token t) {
        return InsightsException.at(t.position(), "unexpected " + shown(t));
    }

    private static String shown(Token t) {
        if (t.kind() == Kind.END) return "the end of the query";
        if (t.kind() == Kind.STRING) return "'" + t.text() + "'";
        return "'" + t.text() + "'";
    }
}
