package dev.vigil.cloudwatch.math;

/**
 * Data problems met while evaluating one expression, reported per result in GetMetricData's Messages rather
 * than failing the request. Not thread-safe: confined to one evaluation.
 */
public final class Diagnostics {
    private int dropped;

    /** Records a datapoint dropped because its value was NaN or infinite (division by zero, LOG of 0 ...). */
    void dropped() {
        dropped++;
    }

    public boolean droppedNonNumeric() {
        return dropped > 0;
    }
}
