package dev.vigil.cloudwatch.math;

/**
 * A problem with an expression found before any data is read or while typing its values: a syntax error, an
 * unknown function or id, a wrong argument type or count. AWS answers these with ValidationError, so callers
 * turn this into a request error; data problems (dropped points) are {@link Diagnostics} instead. Immutable.
 */
public final class MathException extends RuntimeException {
    public MathException(String message) {
        super(message, null, false, false);
    }
}
