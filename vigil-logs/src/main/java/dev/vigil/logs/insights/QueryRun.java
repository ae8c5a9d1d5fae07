package dev.vigil.logs.insights;

/** One execution of a query. Not thread-safe: one thread at a time. */
public interface QueryRun {
    /** Feeds one event of the queried time range (any order). */
    void accept(LogRecord record);

    /** True when no further record can change the result, so the caller may stop scanning. */
    boolean done();

    QueryResult finish();
}
