package dev.vigil.logs;

import dev.vigil.logs.insights.QueryResult;
import java.util.List;

/**
 * One Logs Insights query execution on this node. Its status moves Scheduled → Running → Complete / Failed /
 * Cancelled / Timeout and never back. Thread-safe (volatile fields written by the one worker running it and
 * read by GetQueryResults; the terminal status is set once, under the instance lock).
 */
final class QueryExecution {
    final String id;
    final String accountId;
    final String region;
    final String queryString;
    final List<LogGroup> groups;
    final long startMs;
    final long endMs;
    final int limit;
    final long createTime;
    private volatile String status = "Scheduled";
    private volatile QueryResult result;
    private volatile long finishedAt;
    volatile boolean cancelRequested;

    QueryExecution(String id, String accountId, String region, String queryString, List<LogGroup> groups, long startMs,
                   long endMs, int limit, long createTime) {
        this.id = id;
        this.accountId = accountId;
        this.region = region;
        this.queryString = queryString;
        this.groups = groups;
        this.startMs = startMs;
        this.endMs = endMs;
        this.limit = limit;
        this.createTime = createTime;
    }

    String status() { return status; }

    QueryResult result() { return result; }

    long finishedAt() { return finishedAt; }

    boolean active() {
        String s = status;
        return "Scheduled".equals(s) || "Running".equals(s);
    }

    synchronized boolean running() {
        if (!"Scheduled".equals(status)) return false;
        status = "Running";
        return true;
    }

    /** Sets a terminal status once; later calls change nothing. */
    synchronized boolean finish(String terminal, QueryResult r, long now) {
        if (!active()) return false;
        result = r;
        finishedAt = now;
        status = terminal;
        return true;
    }
}
