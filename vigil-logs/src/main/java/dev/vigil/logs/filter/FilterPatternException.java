package dev.vigil.logs.filter;

/**
 * A filter pattern that CloudWatch Logs would refuse. {@link #getMessage()} is the text AWS puts in its
 * {@code InvalidParameterException}: {@code Invalid character(s) in term '<chars>'} where AWS names the
 * offending characters, otherwise {@value #INVALID_PATTERN}.
 */
public final class FilterPatternException extends RuntimeException {
    /** AWS's message for a pattern that does not parse (PutMetricFilter, TestMetricFilter). */
    public static final String INVALID_PATTERN = "Invalid metric filter pattern";

    private static final long serialVersionUID = 1L;

    public FilterPatternException(String message) {
        super(message);
    }

    static FilterPatternException invalid() {
        return new FilterPatternException(INVALID_PATTERN);
    }

    static FilterPatternException invalidCharacters(String term) {
        return new FilterPatternException("Invalid character(s) in term '" + term + "'");
    }
}
