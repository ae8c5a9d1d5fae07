package dev.vigil.logs.insights;

/** One execution of a query. Not thread-safe: one thread at a time. */
public interface QueryRun {
    /**
     * Feeds one event of the queried time range (any order). Interrupting the calling thread stops a
     * regular expression that runs away: accept then throws {@link java.util.concurrent.CancellationException}.
     */
    void accept(LogRecord record);

    /**
     * Feeds one event whose message size in UTF-8 bytes the caller already knows (stored at ingestion):
     * a query that reads only system fields then never touches the message text.
     */
    default void accept(LogRecord record, long messageBytes) {
        accept(record);
    }

    /** True when no further record can change the result, so the caller may stop scanning. */
    boolean done();

    QueryResult finish();
}
