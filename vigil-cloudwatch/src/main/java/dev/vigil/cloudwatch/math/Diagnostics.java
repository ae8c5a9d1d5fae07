package dev.vigil.cloudwatch.math;

/**
 * Data problems met while evaluating one expression, reported per result in GetMetricData's Messages rather
 * than failing the request. Not thread-safe: confined to one evaluation.
 */
public final class Diagnostics {
    private int dropped;
    private final java.util.Map<String, String> notes = new java.util.LinkedHashMap<>();

    /** Records a message for the result (code → text), e.g. that only part of the matching metrics was read. */
    public void note(String code, String message) {
        notes.putIfAbsent(code, message);
    }

    public java.util.Map<String, String> notes() {
        return java.util.Map.copyOf(notes);
    }

    /** Records a datapoint dropped because its value was NaN or infinite (division by zero, LOG of 0 ...). */
    void dropped() {
        dropped++;
    }

    public boolean droppedNonNumeric() {
        return dropped > 0;
    }
}
