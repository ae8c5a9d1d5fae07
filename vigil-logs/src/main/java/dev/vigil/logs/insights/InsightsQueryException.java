package dev.vigil.logs.insights;

/**
 * A query that does not compile. The message is what AWS puts in {@code MalformedQueryException};
 * the location mirrors {@code QueryCompileError.location} (character offsets into the query string).
 */
public final class InsightsQueryException extends RuntimeException {
    private final int line;
    private final int column;
    private final int startCharOffset;
    private final int endCharOffset;

    InsightsQueryException(String message, int line, int column, int startCharOffset, int endCharOffset) {
        super(message);
        this.line = line;
        this.column = column;
        this.startCharOffset = startCharOffset;
        this.endCharOffset = endCharOffset;
    }

    /** 1-based line of the offending symbol. */
    public int line() { return line; }

    /** 0-based position of the offending symbol within its line (AWS's "position"). */
    public int column() { return column; }

    public int length() { return Math.max(0, endCharOffset - startCharOffset); }

    public int startCharOffset() { return startCharOffset; }

    public int endCharOffset() { return endCharOffset; }
}
