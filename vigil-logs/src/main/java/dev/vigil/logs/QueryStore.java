package dev.vigil.logs;

import dev.vigil.logs.insights.QueryResult;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Logs Insights query executions as every node sees them. Implementations are thread-safe. */
public interface QueryStore {

    /**
     * One execution. {@code result} is loaded only by {@link #find} and only once the query is complete;
     * {@code logGroupNames} are the queried groups' names, in order.
     */
    record StoredQuery(String id, String accountId, String region, String queryString, List<String> logGroupNames,
                       long createTime, String status, long heartbeat, boolean cancelRequested, Long finishedAt,
                       QueryResult result) {
        boolean active() {
            return "Scheduled".equals(status) || "Running".equals(status);
        }
    }

    /** Records a new execution (status Scheduled). */
    void insert(StoredQuery query);

    /** Scheduled → Running. */
    void running(String id, long now);

    /** Sets the terminal status (and the result, if any) of an execution still active; false if it was not. */
    boolean finish(String id, String status, QueryResult result, long now);

    Optional<StoredQuery> find(String accountId, String region, String id);

    /** An account's executions in a region, newest first, without their results. */
    List<StoredQuery> list(String accountId, String region);

    /** Executions of the account, any region, still Scheduled or Running with a heartbeat at or after {@code since}. */
    int activeCount(String accountId, long since);

    /** Marks an active execution for cancellation; false if it is not active. */
    boolean requestCancel(String accountId, String region, String id);

    /** Refreshes the heartbeat of these executions; returns those among them whose cancellation was requested. */
    Set<String> heartbeat(Collection<String> ids, long now);

    /** Deletes executions finished before {@code cutoff}; returns how many. */
    int expire(long cutoff);
}
