package dev.vigil.messaging.sns;

import dev.vigil.core.spi.DeliveryFailures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the http/https outbox: each due delivery is claimed (so one node sends it), POSTed with SNS's
 * headers, and on a 429, a 5xx or a connection failure rescheduled on its delivery policy, by the
 * injectable clock; other 4xx answers and spent retries end it as a recorded delivery failure. Runs on its
 * own thread, kicked after each publish and by the scheduler. Thread-safe.
 */
final class HttpDeliverer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpDeliverer.class);
    private static final Duration LEASE = Duration.ofSeconds(60);

    private final TopicRepository repo;
    private final Clock clock;
    private final DeliveryFailures failures;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "vigil-sns-http");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean pending = new AtomicBoolean();
    private final DeadLetters deadLetters;

    HttpDeliverer(TopicRepository repo, Clock clock, DeliveryFailures failures, DeadLetters deadLetters) {
        this.repo = repo;
        this.clock = clock;
        this.failures = failures;
        this.deadLetters = deadLetters;
    }

    /** Asks for a pass over the due deliveries soon (coalesced). */
    void kick() {
        if (pending.compareAndSet(false, true)) {
            executor.execute(() -> {
                pending.set(false);
                try {
                    runDue();
                } catch (RuntimeException e) {
                    LOG.warn("sns http delivery pass failed", e);
                }
            });
        }
    }

    /** One pass: sends everything due now. */
    void runDue() {
        for (HttpDelivery d : repo.due(clock.instant(), 100)) {
            if (!repo.claim(d, clock.instant().plus(LEASE))) continue;
            attempt(d);
        }
    }

    private void attempt(HttpDelivery d) {
        String error;
        String code;
        boolean retry;
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(d.endpoint())).timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "text/plain; charset=UTF-8")
                    .header("User-Agent", "Amazon Simple Notification Service Agent")
                    .header("x-amz-sns-message-type", d.messageType())
                    .header("x-amz-sns-message-id", d.messageId())
                    .header("x-amz-sns-topic-arn", d.topicArn())
                    .POST(HttpRequest.BodyPublishers.ofString(d.body()));
            if (d.messageType().equals("Notification")) b.header("x-amz-sns-subscription-arn", d.subscriptionArn());
            if (d.raw()) b.header("x-amz-sns-rawdelivery", "true");
            int status = http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                repo.finish(d.deliveryId());
                return;
            }
            error = "HTTP " + status;
            code = String.valueOf(status);
            retry = status == 429 || status >= 500;
        } catch (java.io.IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            code = e.getClass().getSimpleName();
            retry = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            repo.reschedule(d.deliveryId(), d.attempts(), clock.instant(), "interrupted");
            return;
        }
        int attempts = d.attempts() + 1;
        Duration delay = retry ? policyOf(d).delayBefore(attempts) : null;
        if (delay == null) {
            repo.finish(d.deliveryId());
            if (d.messageType().equals("Notification") && deadLetters.redrive(d.subscriptionArn(), d.topicArn(),
                    d.messageId(), d.body(), java.util.Map.of(), null, null, code, error)) {
                return;
            }
            failures.record(d.topicArn(), d.endpoint(), d.messageType() + " " + d.messageId() + " not delivered after "
                    + attempts + " attempt(s): " + error);
            return;
        }
        Instant next = clock.instant().plus(delay);
        repo.reschedule(d.deliveryId(), attempts, next, error);
    }

    private DeliveryPolicy policyOf(HttpDelivery d) {
        String sub = repo.subscription(d.subscriptionArn()).map(s -> s.attributes().get("DeliveryPolicy")).orElse(null);
        String topic = repo.topic(d.topicArn()).map(t -> t.attribute("DeliveryPolicy")).orElse(null);
        return DeliveryPolicy.of(sub, topic);
    }

    @Override
    public void close() { executor.shutdownNow(); }
}
