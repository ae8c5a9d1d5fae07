package dev.vigil.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.Arn;
import dev.vigil.core.AwsException;
import dev.vigil.core.Caller;
import dev.vigil.core.Ids;
import dev.vigil.core.RequestContext;
import dev.vigil.core.spi.Authorizer;
import dev.vigil.core.spi.Interconnect;
import dev.vigil.core.spi.LogSink;
import dev.vigil.core.spi.MessageSink;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the outbox: each due delivery is claimed (so concurrent workers on any node never attempt it twice at
 * once), handed to the {@link MessageSink} as {@code events.amazonaws.com}, and deleted once delivered. A failed
 * attempt is retried with exponential back-off until its RetryPolicy runs out (MaximumRetryAttempts retries or
 * MaximumEventAgeInSeconds since ingestion); then the event goes to the target's dead-letter queue with AWS's DLQ
 * message attributes, or is dropped and recorded as a delivery failure. Runs from the scheduler and right after
 * events are queued. Thread-safe.
 */
final class Deliveries implements AutoCloseable {
    static final String PRINCIPAL = "events.amazonaws.com";
    static final Duration CLAIM = Duration.ofSeconds(60);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(3);
    private static final int BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(Deliveries.class);

    private final EventsRepository repo;
    private final Interconnect interconnect;
    private final Clock clock;
    private final AtomicBoolean kicked = new AtomicBoolean();
    private final AtomicBoolean forwardedMore = new AtomicBoolean();
    private final ExecutorService worker;
    /** Runs slices of a large drain in parallel (null: drains run on the caller's thread only). */
    private final ExecutorService pool;
    static final int PARALLEL = 4;

    private final Dispatcher dispatcher;
    private volatile ArchiveRepository archiveStore;
    private volatile Archives archives;
    private final HttpTargetInvoker http;

    Deliveries(EventsRepository repo, Interconnect interconnect, Dispatcher dispatcher, Clock clock) {
        this(repo, interconnect, dispatcher, clock, true);
    }

    /** With {@code eager} false only explicit {@link #drain()} calls deliver (tests drive it by hand). */
    Deliveries(EventsRepository repo, Interconnect interconnect, Dispatcher dispatcher, Clock clock, boolean eager) {
        this(repo, interconnect, dispatcher, clock, eager, null);
    }

    /** With an {@link HttpTargetInvoker}, API destination targets are invoked (without one they fail). */
    Deliveries(EventsRepository repo, Interconnect interconnect, Dispatcher dispatcher, Clock clock, boolean eager,
               HttpTargetInvoker http) {
        this.http = http;
        this.repo = repo;
        this.interconnect = interconnect;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.worker = eager ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vigil-events-delivery");
            t.setDaemon(true);
            return t;
        }) : null;
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        this.pool = eager ? Executors.newFixedThreadPool(PARALLEL, r -> {
            Thread t = new Thread(r, "vigil-events-delivery-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** Asks for a drain soon, coalescing requests that arrive while one is pending. */
    void kick() {
        if (worker != null && kicked.compareAndSet(false, true)) {
            try {
                worker.execute(() -> {
                    kicked.set(false);
                    try {
                        drain();
                    } catch (RuntimeException e) {
                        LOG.warn("event delivery drain failed; the scheduler retries", e);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                kicked.set(false);
            }
        }
    }

    /** Attempts every due delivery once; answers how many were attempted. */
    int drain() {
        int attempted = 0;
        while (true) {
            Instant now = clock.instant();
            List<OutboxEntry> due = repo.due(now, BATCH);
            if (due.isEmpty()) return attempted;
            List<OutboxEntry> mine = repo.claimAll(due, now.plus(CLAIM));
            attemptAll(mine, now);
            int round = mine.size();
            attempted += round;
            // Deliveries a bus target just queued on another bus are due now: take them in this drain too.
            if ((round == 0 || due.size() < BATCH) && !forwardedMore.getAndSet(false)) return attempted;
        }
    }

    /**
     * Attempts claimed deliveries, in {@link #PARALLEL} slices on the delivery pool when there are many (each
     * target call is a store transaction of its own, so slices overlap their waits); each slice removes its
     * delivered entries in one batch. A crash before that batch only repeats deliveries (at least once).
     */
    private void attemptAll(List<OutboxEntry> mine, Instant now) {
        if (pool == null || mine.size() < 2 * PARALLEL) {
            List<Long> done = new java.util.ArrayList<>(mine.size());
            attemptSlice(mine, now, done);
            repo.deliveredAll(done);
            return;
        }
        List<java.util.concurrent.Future<?>> slices = new java.util.ArrayList<>();
        int per = (mine.size() + PARALLEL - 1) / PARALLEL;
        for (int from = 0; from < mine.size(); from += per) {
            List<OutboxEntry> slice = mine.subList(from, Math.min(mine.size(), from + per));
            slices.add(pool.submit(() -> {
                List<Long> done = new java.util.ArrayList<>(slice.size());
                attemptSlice(slice, now, done);
                repo.deliveredAll(done);
            }));
        }
        for (java.util.concurrent.Future<?> f : slices) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.warn("a delivery slice failed; its deliveries are retried when their claims lapse", e.getCause());
            }
        }
    }

    /**
     * Attempts a slice: the SQS/SNS deliveries of one rule to one target go to the {@link MessageSink} together (one
     * policy check and one store transaction for a queue, instead of one each), in their order; the rest one by one.
     */
    private void attemptSlice(List<OutboxEntry> slice, Instant now, List<Long> done) {
        Map<List<String>, List<OutboxEntry>> toSink = new java.util.LinkedHashMap<>();
        for (OutboxEntry e : slice) {
            if (isSinkTarget(e.targetArn())) {
                toSink.computeIfAbsent(List.of(e.ruleArn(), e.targetArn()), k -> new java.util.ArrayList<>()).add(e);
            } else {
                attempt(e, now, done);
            }
        }
        for (List<OutboxEntry> group : toSink.values()) {
            if (group.size() == 1) {
                attempt(group.get(0), now, done);
            } else {
                attemptTogether(group, now, done);
            }
        }
    }

    private static boolean isSinkTarget(String arn) {
        TargetKind kind = TargetKind.of(arn);
        return kind != TargetKind.API_DESTINATION && kind != TargetKind.LOG_GROUP && kind != TargetKind.BUS;
    }

    /** Deliveries of one rule to one queue or topic, each settled by its own outcome. */
    private void attemptTogether(List<OutboxEntry> group, Instant now, List<Long> done) {
        OutboxEntry first = group.get(0);
        List<String> bodies = new java.util.ArrayList<>(group.size());
        for (OutboxEntry e : group) bodies.add(e.body());
        List<RuntimeException> outcomes;
        try {
            outcomes = interconnect.get(MessageSink.class).deliverAll(PRINCIPAL, first.ruleArn(), first.targetArn(),
                    bodies);
        } catch (RuntimeException failure) {
            outcomes = java.util.Collections.nCopies(group.size(), failure);
        }
        for (int i = 0; i < group.size(); i++) {
            OutboxEntry e = group.get(i);
            RuntimeException failure = outcomes.get(i);
            try {
                if (failure == null) {
                    done.add(e.id());
                } else if (failure instanceof AwsException aws) {
                    failed(e, now, aws.code(), aws.getMessage());
                } else {
                    failed(e, now, "InternalException", String.valueOf(failure.getMessage()));
                }
            } catch (RuntimeException settle) {
                LOG.warn("could not settle the delivery {} to {}; it is retried when its claim lapses", e.id(),
                        e.targetArn(), settle);
            }
        }
    }

    /** One attempt; a synchronous success adds the entry's id to {@code done} (removed in one batch by the caller). */
    private void attempt(OutboxEntry e, Instant now, List<Long> done) {
        try {
            if (ApiDestinations.isArn(e.targetArn())) {
                toApiDestination(e, now);
            } else if (LogTargets.isLogGroup(e.targetArn())) {
                LogTargets.deliver(interconnect.get(LogSink.class), e);
                done.add(e.id());
            } else if (Dispatcher.isBus(e.targetArn())) {
                toBus(e, now);
            } else {
                interconnect.get(MessageSink.class).deliver(PRINCIPAL, e.ruleArn(), e.targetArn(), e.body(), Map.of());
                done.add(e.id());
            }
            return;
        } catch (AwsException failure) {
            failed(e, now, failure.code(), failure.getMessage());
        } catch (RuntimeException failure) {
            failed(e, now, "InternalException", String.valueOf(failure.getMessage()));
        }
    }

    /**
     * An API destination target: the HTTP call runs asynchronously and its outcome settles the delivery (the claim
     * keeps other workers off it meanwhile; a call cut short by a crash is retried once the claim lapses). A call the
     * destination's rate limit or the in-flight cap does not allow now is put back, due when it may go, with no
     * attempt counted.
     */
    private void toApiDestination(OutboxEntry e, Instant now) {
        if (http == null) throw new AwsException("ServiceUnavailable", 503, "API destinations are not available.");
        HttpTargetInvoker.Started started = http.start(e, now);
        if (started.deferUntil() != null) {
            repo.retryLater(e.id(), e.attempts(), started.deferUntil());
            return;
        }
        started.outcome().whenComplete((outcome, failure) -> {
            try {
                Instant at = clock.instant();
                if (failure != null) {
                    failed(e, at, "InternalException", String.valueOf(failure.getMessage()), true);
                } else if (outcome.delivered()) {
                    repo.delivered(e.id());
                } else {
                    failed(e, at, outcome.code(), outcome.message(), outcome.retryable());
                }
            } catch (RuntimeException settle) {
                LOG.warn("could not settle the delivery {} to {}; it is retried when its claim lapses", e.id(),
                        e.targetArn(), settle);
            }
        });
    }

    /**
     * An event-bus target: the event is put on that bus (another account's only if its policy lets the rule's
     * account PutEvents there, decided by the policy engine) and its deliveries are queued with this one's removal.
     */
    private void toBus(OutboxEntry e, Instant now) {
        Arn bus = Arn.parse(e.targetArn());
        String name = bus.resource().substring("event-bus/".length());
        if (!bus.accountId().equals(e.accountId())) {
            RequestContext ctx = new RequestContext(Ids.requestId(), now, bus.region(), Caller.root(e.accountId(), null),
                    "events.amazonaws.com", null, "events", "PutEvents");
            interconnect.get(Authorizer.class).authorize(ctx, "events:PutEvents", List.of(e.targetArn()));
        }
        if (!Bus.DEFAULT.equals(name) && repo.bus(bus.accountId(), bus.region(), name).isEmpty()) {
            throw EventsErrors.busNotFound(name);
        }
        JsonNode event;
        try {
            event = EventEnvelope.JSON.readTree(e.body());
        } catch (JsonProcessingException malformed) {
            throw EventsErrors.validation("The input for an event bus target must be an event.");
        }
        List<OutboxEntry> next = dispatcher.route(bus.accountId(), bus.region(), name, event, e.body(), now, true);
        Archives a = archives;
        List<ArchivedEvent> archived = a == null ? List.of()
                : a.archive(bus.accountId(), bus.region(), name, event, e.body(), e.eventTime(), now);
        if (archived.isEmpty()) {
            repo.forwarded(e.id(), next);
        } else {
            archiveStore.archive(archived, () -> repo.forwarded(e.id(), next)); // the receiving bus's archives
        }
        if (!next.isEmpty()) forwardedMore.set(true);
    }

    /** Feeds the receiving bus's archives with forwarded events (set once at start; unset: not archived). */
    void archiveInto(Archives archives, ArchiveRepository store) {
        this.archiveStore = store;
        this.archives = archives;
    }

    private void failed(OutboxEntry e, Instant now, String code, String message) {
        failed(e, now, code, message, true);
    }

    /** A failure that is not {@code retryable} (AWS: e.g. an endpoint's 400) goes to the dead-letter queue at once. */
    private void failed(OutboxEntry e, Instant now, String code, String message, boolean retryable) {
        int retries = e.attempts() + 1; // attempts counts the retries already made
        boolean tooOld = !now.isBefore(e.eventTime().plusSeconds(e.maxAgeSeconds()));
        boolean noRetriesLeft = e.attempts() >= e.maxRetries();
        if (retryable && !tooOld && !noRetriesLeft) {
            long backoff = Math.min(MAX_BACKOFF.toMillis(), 1000L << Math.min(20, e.attempts()));
            repo.retryLater(e.id(), retries, now.plusMillis(backoff));
            interconnect.failures().record(e.ruleArn(), e.targetArn(), code + ": " + message + " (retry " + retries
                    + " of " + e.maxRetries() + " due in " + backoff + " ms)");
            return;
        }
        String condition = !retryable ? null : noRetriesLeft ? "MaximumRetryAttemptsExceeded" : "MaximumEventAgeExceeded";
        if (e.deadLetterArn() != null) {
            Map<String, String> attrs = new java.util.TreeMap<>(Map.of("RULE_ARN", e.ruleArn(), "TARGET_ARN",
                    e.targetArn(), "ERROR_CODE", code, "ERROR_MESSAGE", message == null ? "" : message,
                    "RETRY_ATTEMPTS", String.valueOf(e.attempts())));
            if (condition != null) attrs.put("EXHAUSTED_RETRY_CONDITION", condition);
            try {
                interconnect.get(MessageSink.class).deliver(PRINCIPAL, e.ruleArn(), e.deadLetterArn(), e.body(), attrs);
            } catch (RuntimeException dlqFailure) {
                interconnect.failures().record(e.ruleArn(), e.deadLetterArn(),
                        "dead-letter delivery failed: " + dlqFailure.getMessage());
            }
        } else {
            interconnect.failures().record(e.ruleArn(), e.targetArn(), (condition == null ? "NotRetryable" : condition)
                    + ": " + code + ": " + message);
        }
        repo.delivered(e.id());
    }

    @Override
    public void close() {
        if (worker != null) worker.shutdownNow();
        if (pool != null) pool.shutdownNow();
        if (http != null) http.close();
    }
}
