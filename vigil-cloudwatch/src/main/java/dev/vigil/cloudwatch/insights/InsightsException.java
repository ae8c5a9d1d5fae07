package dev.vigil.cloudwatch.insights;

import dev.vigil.cloudwatch.math.MathException;

/** Builds the errors of a Metrics Insights query that does not parse or breaks a documented limit. Stateless. */
final class InsightsException {
    private InsightsException() {}

    static MathException at(int position, String problem) {
        return new MathException("Metrics Insights query syntax error at position " + position + ": " + problem + ".");
    }

    static MathException of(String problem) {
        return new MathException(problem);
    }
}
