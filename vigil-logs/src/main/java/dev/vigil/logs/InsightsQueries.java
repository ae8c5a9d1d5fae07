package dev.vigil.logs;

import dev.vigil.core.Ids;
import dev.vigil.core.RequestContext;
import dev.vigil.logs.insights.InsightsQuery;
import dev.vigil.logs.insights.InsightsQueryException;
import dev.vigil.logs.insights.LogRecord;
import dev.vigil.logs.insights.QueryResult;
import dev.vigil.logs.insights.QueryRun;
import dev.vigil.logs.insights.Source;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeQueriesRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeQueriesResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryInfo;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatistics;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResultField;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartQueryRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartQueryResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.StopQueryRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.StopQueryResponse;

/**
 * StartQuery, GetQueryResults, StopQuery and DescribeQueries. Queries run on a small pool of workers, at most
 * {@value #MAX_CONCURRENT} active an account as on AWS, each reading its groups' events in the time range through
 * the Insights engine until the engine needs no more, the query is stopped, or it runs out of time (60 minutes,
 * as on AWS). Every execution is recorded in the store ({@link QueryStore}) when it starts, moves to Running and
 * finishes (with its rows), so any node answers for it, also after a restart, for 7 days after it finished (AWS
 * keeps results that long). While a query runs, the node running it beats every {@value #HEARTBEAT_MS} ms, which
 * also carries StopQuery calls made on other nodes to it; one that stops beating for {@value #STALE_MS} ms lost its
 * node and reads as Failed. Thread-safe (a concurrent map of this node's thread-safe active executions; the store).
 */
final class InsightsQueries implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InsightsQueries.class);
    static final int MAX_CONCURRENT = 30;
    static final int MAX_GROUPS = 50;
    static final int MAX_SOURCE_GROUPS = 10_000;
    static final int MAX_ROWS = 10_000;
    static final Duration TIMEOUT = Duration.ofMinutes(60);
    static final Duration KEPT = Duration.ofDays(7);
    static final long HEARTBEAT_MS = 2_000;
    /** An active execution whose node has not beaten for this long lost its node (crash, stop). */
    static final long STALE_MS = 60_000;

    private final GroupStore groups;
    private final EventStore events;
    private final GroupResolver resolver;
    private final Clock clock;
    private final QueryStore store;
    /** This node's executions while they are active; finished ones are read back from the store. */
    private final Map<String, QueryExecution> queries = new ConcurrentHashMap<>();
    private final ExecutorService workers;
    private final ScheduledExecutorService keeper;
    private volatile long lastExpiry;

    InsightsQueries(GroupStore groups, EventStore events, QueryStore store, GroupResolver resolver, Clock clock,
                    int workers) {
        this.store = store;
        this.groups = groups;
        this.events = events;
        this.resolver = resolver;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "vigil-logs-insights");
            t.setDaemon(true);
            return t;
        });
        this.keeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigil-logs-insights-heartbeat");
            t.setDaemon(true);
            return t;
        });
        keeper.scheduleWithFixedDelay(this::heartbeat, HEARTBEAT_MS, HEARTBEAT_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Tells the other nodes this node's executions are alive, and picks up the StopQuery calls another node
     * recorded for them. Keeper thread.
     */
    private void heartbeat() {
        try {
            List<String> ids = queries.values().stream().filter(QueryExecution::active).map(q -> q.id).toList();
            if (ids.isEmpty()) return;
            for (String id : store.heartbeat(ids, clock.millis())) {
                QueryExecution q = queries.get(id);
                if (q == null) continue;
                q.cancelRequested = true;
                if ("Scheduled".equals(q.status())) complete(q, "Cancelled", null);
            }
        } catch (RuntimeException e) {
            LOG.warn("Insights query heartbeat failed", e);
        }
    }

    StartQueryResponse startQuery(RequestContext ctx, StartQueryRequest r) {
        InsightsQuery query;
        try {
            query = InsightsQuery.parse(r.queryString());
        } catch (InsightsQueryException e) {
            throw LogsErrors.malformed(e.getMessage());
        }
        List<LogGroup> targets = query.source() != null ? selected(ctx, r, query.source()) : targets(ctx, r);
        LogClasses.checkQuery(query, targets);
        long start = r.startTime();
        long end = r.endTime();
        if (end < start) throw LogsErrors.invalid("End time must not be before start time.");
        int limit = r.limit() == null ? MAX_ROWS : r.limit();
        long now = clock.millis();
        expireOld(now);
        if (store.activeCount(ctx.accountId(), now - STALE_MS) >= MAX_CONCURRENT) {
            throw LogsErrors.limit("Account maximum query concurrency limit of [" + MAX_CONCURRENT + "] reached.");
        }
        QueryExecution q = new QueryExecution(Ids.uuid(), ctx.accountId(), ctx.region(), r.queryString(), targets,
                start * 1000, (end + 1) * 1000, limit, now);
        store.insert(new QueryStore.StoredQuery(q.id, q.accountId, q.region, q.queryString,
                targets.stream().map(LogGroup::name).toList(), now, "Scheduled", now, false, null, null));
        queries.put(q.id, q);
        try {
            workers.execute(() -> run(q, query));
        } catch (RejectedExecutionException e) {
            complete(q, "Failed", null);
        }
        return StartQueryResponse.builder().queryId(q.id).build();
    }

    private static int given(StartQueryRequest r) {
        return (r.logGroupName() != null ? 1 : 0) + (r.hasLogGroupNames() ? 1 : 0) + (r.hasLogGroupIdentifiers() ? 1 : 0);
    }

    /**
     * The groups a {@code SOURCE logGroups(...)} command selects: this account's groups in the region by name
     * prefix and class (accountIdentifiers select among linked accounts on AWS; here only the caller's own).
     */
    private List<LogGroup> selected(RequestContext ctx, StartQueryRequest r, Source source) {
        if (given(r) != 0) {
            throw LogsErrors.invalid("A query whose query string selects log groups with SOURCE cannot also specify"
                    + " logGroupName, logGroupNames or logGroupIdentifiers.");
        }
        List<LogGroup> out = new ArrayList<>();
        if (!source.accountIdentifiers().isEmpty() && !source.accountIdentifiers().contains(ctx.accountId())) return out;
        List<String> prefixes = source.namePrefixes().isEmpty() ? java.util.Collections.singletonList(null)
                : source.namePrefixes();
        Map<Long, LogGroup> unique = new java.util.LinkedHashMap<>();
        for (String prefix : prefixes) {
            String after = null;
            while (true) {
                List<LogGroup> page = groups.list(ctx.accountId(), ctx.region(), prefix, after, 1000);
                for (LogGroup g : page) {
                    if (source.selects(g.name(), g.accountId(), g.logGroupClass())) unique.put(g.id(), g);
                }
                if (unique.size() > MAX_SOURCE_GROUPS) {
                    throw LogsErrors.invalid("The SOURCE command selects more than " + MAX_SOURCE_GROUPS
                            + " log groups. Reduce the number of log groups with namePrefix or class.");
                }
                if (page.size() < 1000) break;
                after = page.get(page.size() - 1).name();
            }
        }
        out.addAll(unique.values());
        return out;
    }

    private List<LogGroup> targets(RequestContext ctx, StartQueryRequest r) {
        if (given(r) != 1) {
            throw LogsErrors.invalid("Exactly one of logGroupName, logGroupNames and logGroupIdentifiers must be"
                    + " specified, or the query string must select log groups with SOURCE.");
        }
        List<String> ids = r.logGroupName() != null ? List.of(r.logGroupName())
                : r.hasLogGroupNames() ? r.logGroupNames() : r.logGroupIdentifiers();
        if (ids.size() > MAX_GROUPS) {
            throw LogsErrors.invalid("A query can search at most " + MAX_GROUPS + " log groups.");
        }
        List<LogGroup> out = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            out.add(r.hasLogGroupIdentifiers() ? resolver.byIdentifier(ctx, id) : resolver.byName(ctx, id));
        }
        return out;
    }

    private void run(QueryExecution q, InsightsQuery query) {
        if (q.cancelRequested || !q.running()) return;
        try {
            store.running(q.id, clock.millis());
        } catch (RuntimeException e) {
            LOG.warn("could not record Insights query {} as running", q.id, e);
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try {
            // One group and rows of events (no stats): feed it newest first, so a limit without sort ends the
            // scan as soon as it is reached and returns the newest events, as AWS does. Otherwise any order is
            // as good and cheaper.
            boolean newestFirst = q.groups.size() == 1 && !query.aggregated();
            QueryRun run = newestFirst ? query.startNewestFirst(q.limit) : query.start(q.limit);
            boolean[] timedOut = {false};
            for (LogGroup g : q.groups) {
                Map<Long, String> streams = new HashMap<>();
                for (LogStream s : groups.streams(g.id())) streams.put(s.id(), s.name());
                String log = g.accountId() + ":" + g.name();
                java.util.function.Predicate<StoredEvent> feed = e -> {
                    String stream = streams.computeIfAbsent(e.streamId(), id -> "");
                    run.accept(new LogRecord(e.timestamp(), e.message(), stream, log, e.ingestionTime(),
                            Pointers.encode(g, e)));
                    if (System.nanoTime() > deadline) timedOut[0] = true;
                    return !run.done() && !q.cancelRequested && !timedOut[0];
                };
                if (newestFirst) {
                    events.scan(new EventStore.Range(g.id(), null, q.startMs, q.endMs, null, null, true,
                            Integer.MAX_VALUE), feed);
                } else {
                    events.scanAnyOrder(g.id(), q.startMs, q.endMs, feed);
                }
                if (run.done() || q.cancelRequested || timedOut[0]) break;
            }
            QueryResult result = run.finish();
            String status = q.cancelRequested ? "Cancelled" : timedOut[0] ? "Timeout" : "Complete";
            complete(q, status, result);
        } catch (RuntimeException e) {
            LOG.warn("Insights query {} failed", q.id, e);
            complete(q, "Failed", null);
        }
    }

    /**
     * Finishes an execution: first in the store, so that once this node answers with the final status every node
     * does, then here, and forgets it (from now on every node reads it from the store). If the store cannot take
     * it, it stays here and this node still answers for it. Only the first finisher counts.
     */
    private void complete(QueryExecution q, String status, QueryResult result) {
        synchronized (q) {
            if (!q.active()) return;
            long now = clock.millis();
            boolean stored;
            try {
                store.finish(q.id, status, result, now);
                stored = true;
            } catch (RuntimeException e) {
                LOG.warn("could not store the result of Insights query {}", q.id, e);
                stored = false;
            }
            q.finish(status, result, now);
            if (stored) queries.remove(q.id);
        }
    }

    /** Deletes executions finished more than {@link #KEPT} ago, at most once a minute. */
    private void expireOld(long now) {
        if (now - lastExpiry < 60_000 && now >= lastExpiry) return;
        lastExpiry = now;
        store.expire(now - KEPT.toMillis());
    }

    private QueryExecution local(RequestContext ctx, String id) {
        QueryExecution q = id == null ? null : queries.get(id);
        if (q == null || !q.accountId.equals(ctx.accountId()) || !q.region.equals(ctx.region())) return null;
        return q;
    }

    private QueryStore.StoredQuery stored(RequestContext ctx, String id) {
        if (id == null) throw LogsErrors.notFound("Query does not exist.");
        return store.find(ctx.accountId(), ctx.region(), id).orElseThrow(() -> LogsErrors.notFound("Query does not exist."));
    }

    /** The status another node's execution reads as: an active one whose node stopped beating has Failed. */
    private String status(QueryStore.StoredQuery q) {
        return q.active() && q.heartbeat() < clock.millis() - STALE_MS ? "Failed" : q.status();
    }

    GetQueryResultsResponse getQueryResults(RequestContext ctx, GetQueryResultsRequest r) {
        QueryExecution q = local(ctx, r.queryId());
        if (q == null) {
            QueryStore.StoredQuery s = stored(ctx, r.queryId());
            String status = status(s);
            if (s.active() && !status.equals(s.status())) store.finish(s.id(), status, null, clock.millis());
            return response(status, s.result(), s.logGroupNames().size());
        }
        return response(q.status(), q.result(), q.groups.size());
    }

    private static GetQueryResultsResponse response(String status, QueryResult result, int groupCount) {
        GetQueryResultsResponse.Builder out = GetQueryResultsResponse.builder().status(status).queryLanguage("CWLI");
        if (result == null) {
            return out.results(List.of()).statistics(QueryStatistics.builder().recordsMatched(0.0).recordsScanned(0.0)
                    .bytesScanned(0.0).build()).build();
        }
        List<List<ResultField>> rows = result.rows().stream().map(row -> row.stream()
                .map(f -> ResultField.builder().field(f.field()).value(f.value()).build()).toList()).toList();
        return out.results(rows).statistics(QueryStatistics.builder()
                .recordsMatched((double) result.recordsMatched())
                .recordsScanned((double) result.recordsScanned())
                .bytesScanned((double) result.bytesScanned())
                .logGroupsScanned((double) groupCount)
                .build()).build();
    }

    StopQueryResponse stopQuery(RequestContext ctx, StopQueryRequest r) {
        QueryExecution q = local(ctx, r.queryId());
        if (q == null) {
            // Another node's (or a finished) execution: its node sees the request at its next heartbeat.
            QueryStore.StoredQuery s = stored(ctx, r.queryId());
            boolean stopped = status(s).equals(s.status()) && store.requestCancel(ctx.accountId(), ctx.region(), s.id());
            return StopQueryResponse.builder().success(stopped).build();
        }
        if (!q.active()) return StopQueryResponse.builder().success(false).build();
        q.cancelRequested = true;
        // A query still waiting for a worker is cancelled here; a running one by its worker at the next event.
        if ("Scheduled".equals(q.status())) complete(q, "Cancelled", null);
        return StopQueryResponse.builder().success(true).build();
    }

    DescribeQueriesResponse describeQueries(RequestContext ctx, DescribeQueriesRequest r) {
        int max = r.maxResults() == null ? 1000 : r.maxResults();
        List<QueryStore.StoredQuery> all = new ArrayList<>();
        for (QueryStore.StoredQuery s : store.list(ctx.accountId(), ctx.region())) {
            QueryExecution q = local(ctx, s.id());
            String status = q != null ? q.status() : status(s);
            if (r.status() != null && !r.statusAsString().equals(status)) continue;
            if (r.logGroupName() != null && !s.logGroupNames().contains(r.logGroupName())) continue;
            all.add(new QueryStore.StoredQuery(s.id(), s.accountId(), s.region(), s.queryString(), s.logGroupNames(),
                    s.createTime(), status, s.heartbeat(), s.cancelRequested(), s.finishedAt(), null));
        }
        int start = 0;
        if (r.nextToken() != null) {
            String after = Tokens.decode(r.nextToken(), 1)[0];
            start = all.size();
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).id().equals(after)) {
                    start = i + 1;
                    break;
                }
            }
        }
        int end = Math.min(all.size(), start + max);
        List<QueryStore.StoredQuery> page = all.subList(start, end);
        DescribeQueriesResponse.Builder out = DescribeQueriesResponse.builder().queries(page.stream()
                .map(q -> QueryInfo.builder().queryLanguage("CWLI").queryId(q.id()).queryString(q.queryString())
                        .status(q.status()).createTime(q.createTime())
                        .logGroupName(q.logGroupNames().isEmpty() ? null : q.logGroupNames().get(0)).build()).toList());
        if (end < all.size()) out.nextToken(Tokens.encode(page.get(page.size() - 1).id()));
        return out.build();
    }

    /**
     * Stops the running queries at their next event and waits briefly for the workers. No thread is interrupted:
     * an interrupt during a file read can close the embedded store's file channel for everyone.
     */
    @Override
    public void close() {
        queries.values().forEach(q -> q.cancelRequested = true);
        keeper.shutdownNow();
        workers.shutdown();
        try {
            workers.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
