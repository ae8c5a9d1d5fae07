package dev.vigil.cloudwatch.math;

/**
 * A query language that takes a whole Expression instead of a metric math formula: Metrics Insights' SELECT.
 * GetMetricData hands such an expression to the language that accepts it; its result takes part in the request
 * like any expression's (other expressions may name it by Id). Implementations are immutable.
 */
public interface QueryLanguage {

    /** Whether the Expression is written in this language (checked before metric math parses it). */
    boolean accepts(String expression);

    /**
     * Parses and checks the text before any query is evaluated.
     *
     * @return what evaluates it (called with no arguments)
     * @throws MathException describing the first problem; the request fails with ValidationError
     */
    MathFunction compile(String expression);
}
