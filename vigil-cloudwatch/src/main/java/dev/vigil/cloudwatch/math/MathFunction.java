package dev.vigil.cloudwatch.math;

import java.util.List;

/**
 * One metric math function over already-evaluated arguments. Implementations are stateless; this interface is
 * also the extension point for functions that need I/O (SEARCH, ANOMALY_DETECTION_BAND): register them with
 * {@link MetricMath#withFunction}, capturing whatever reads metrics.
 */
@FunctionalInterface
public interface MathFunction {
    Value apply(List<Value> args, EvalContext ctx);
}
