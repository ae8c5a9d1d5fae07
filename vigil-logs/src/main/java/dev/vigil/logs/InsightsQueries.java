package dev.vigil.logs;

import dev.vigil.core.Ids;
import dev.vigil.core.RequestContext;
import dev.vigil.logs.insights.InsightsQuery;
import dev.vigil.logs.insights.InsightsQueryException;
import dev.vigil.logs.insights.LogRecord;
import dev.vigil.logs.insights.QueryResult;
import dev.vigil.logs.insights.QueryRun;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
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
 * {@value #MAX_CONCURRENT} active a account as on AWS, each reading its groups' events in the time range through
 * the Insights engine until the engine needs no more, the query is stopped, or it runs out of time (60 minutes,
 * as on AWS). Executions live in this node's memory for 7 days after they finish (AWS keeps results that long);
 * a restart forgets them. Thread-safe (a concurrent map of thread-safe executions).
 */
final class InsightsQueries implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InsightsQueries.class);
    static final int MAX_CONCURRENT = 30;
    static final int MAX_GROUPS = 50;
    static final int MAX_ROWS = 10_000;
    static final Duration TIMEOUT = Duration.ofMinutes(60);
    static final Duration KEPT = Duration.ofDays(7);

    private final GroupStore groups;
    private final EventStore events;
    private final GroupResolver resolver;
    private final Clock clock;
    private final Map<String, QueryExecution> queries = new ConcurrentHashMap<>();
    private final ExecutorService workers;

    InsightsQueries(GroupStore groups, EventStore events, GroupResolver resolver, Clock clock, int workers) {
        this.groups = groups;
        this.events = events;
        this.resolver = resolver;
        this.clock = clock;
        this.workers = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "vigil-logs-insights");
            t.setDaemon(true);
            return t;
        });
    }

    StartQueryResponse startQuery(RequestContext ctx, StartQueryRequest r) {
        InsightsQuery query;
        try {
            query = InsightsQuery.parse(r.queryString());
        } catch (InsightsQueryException e) {
            throw LogsErrors.malformed(e.getMessage());
        }
        List<LogGroup> targets = targets(ctx, r);
        LogClasses.checkQuery(query, targets);
        long start = r.startTime();
        long end = r.endTime();
        if (end < start) throw LogsErrors.invalid("End time must not be before start time.");
        int limit = r.limit() == null ? MAX_ROWS : r.limit();
        expireOld();
        long active = queries.values().stream().filter(q -> q.accountId.equals(ctx.accountId()) && q.active()).count();
        if (active >= MAX_CONCURRENT) {
            throw LogsErrors.limit("Account maximum query concurrency limit of [" + MAX_CONCURRENT + "] reached.");
        }
        QueryExecution q = new QueryExecution(Ids.uuid(), ctx.accountId(), ctx.region(), r.queryString(), targets,
                start * 1000, (end + 1) * 1000, limit, clock.millis());
        queries.put(q.id, q);
        try {
            workers.execute(() -> run(q, query));
        } catch (RejectedExecutionException e) {
            q.finish("Failed", null, clock.millis());
        }
        return StartQueryResponse.builder().queryId(q.id).build();
    }

    private List<LogGroup> targets(RequestContext ctx, StartQueryRequest r) {
        int given = (r.logGroupName() != null ? 1 : 0) + (r.hasLogGroupNames() ? 1 : 0)
                + (r.hasLogGroupIdentifiers() ? 1 : 0);
        if (given != 1) {
            throw LogsErrors.invalid("Exactly one of logGroupName, logGroupNames and logGroupIdentifiers must be"
                    + " specified.");
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
            q.finish(status, result, clock.millis());
        } catch (RuntimeException e) {
            LOG.warn("Insights query {} failed", q.id, e);
            q.finish("Failed", null, clock.millis());
        }
    }

    private void expireOld() {
        long cutoff = clock.millis() - KEPT.toMillis();
        queries.values().removeIf(q -> !q.active() && q.finishedAt() < cutoff);
    }

    private QueryExecution find(RequestContext ctx, String id) {
        QueryExecution q = id == null ? null : queries.get(id);
        if (q == null || !q.accountId.equals(ctx.accountId()) || !q.region.equals(ctx.region())) {
            throw LogsErrors.notFound("Query does not exist.");
        }
        return q;
    }

    GetQueryResultsResponse getQueryResults(RequestContext ctx, GetQueryResultsRequest r) {
        QueryExecution q = find(ctx, r.queryId());
        String status = q.status();
        QueryResult result = q.result();
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
                .logGroupsScanned((double) q.groups.size())
                .build()).build();
    }

    StopQueryResponse stopQuery(RequestContext ctx, StopQueryRequest r) {
        QueryExecution q = find(ctx, r.queryId());
        if (!q.active()) return StopQueryResponse.builder().success(false).build();
        q.cancelRequested = true;
        // A query still waiting for a worker is cancelled here; a running one by its worker at the next event.
        if ("Scheduled".equals(q.status())) q.finish("Cancelled", null, clock.millis());
        return StopQueryResponse.builder().success(true).build();
    }

    DescribeQueriesResponse describeQueries(RequestContext ctx, DescribeQueriesRequest r) {
        int max = r.maxResults() == null ? 1000 : r.maxResults();
        List<QueryExecution> all = queries.values().stream()
                .filter(q -> q.accountId.equals(ctx.accountId()) && q.region.equals(ctx.region()))
                .filter(q -> r.status() == null || r.statusAsString().equals(q.status()))
                .filter(q -> r.logGroupName() == null || q.groups.stream().anyMatch(g -> g.name().equals(r.logGroupName())))
                .sorted(Comparator.comparingLong((QueryExecution q) -> q.createTime).reversed()
                        .thenComparing(q -> q.id))
                .toList();
        int start = 0;
        if (r.nextToken() != null) {
            String after = Tokens.decode(r.nextToken(), 1)[0];
            start = all.size();
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).id.equals(after)) {
                    start = i + 1;
                    break;
                }
            }
        }
        int end = Math.min(all.size(), start + max);
        List<QueryExecution> page = all.subList(start, end);
        DescribeQueriesResponse.Builder out = DescribeQueriesResponse.builder().queries(page.stream()
                .map(q -> QueryInfo.builder().queryLanguage("CWLI").queryId(q.id).queryString(q.queryString)
                        .status(q.status()).createTime(q.createTime)
                        .logGroupName(q.groups.isEmpty() ? null : q.groups.get(0).name()).build()).toList());
        if (end < all.size()) out.nextToken(Tokens.encode(page.get(page.size() - 1).id));
        return out.build();
    }

    /**
     * Stops the running queries at their next event and waits briefly for the workers. No thread is interrupted:
     * an interrupt during a file read can close the embedded store's file channel for everyone.
     */
    @Override
    public void close() {
        queries.values().forEach(q -> q.cancelRequested = true);
        workers.shutdown();
        try {
            workers.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
