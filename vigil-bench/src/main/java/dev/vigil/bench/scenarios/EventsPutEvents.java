package dev.vigil.bench.scenarios;

import dev.vigil.bench.BenchClient;
import dev.vigil.bench.LatencyHistogram;
import dev.vigil.bench.RequestSpec;
import dev.vigil.bench.Scenario;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * EventBridge PutEvents (awsJson1_1), 10 entries per request, on a default bus with 100 rules of which exactly one
 * matches, with an SQS target (issue 8's bench). items/s = events accepted per second. A monitor watches the queue:
 * events delivered per second over the measured window (queue depth sampled every 200 ms), how long deliveries
 * took to catch up after it, and delivery latency (the SQS SentTimestamp minus the event's ingestion time, which
 * the target's input transformer puts in each message) over the messages it samples (received and deleted 10 at a
 * time while it runs). Thread-safe after setup.
 */
public final class EventsPutEvents implements Scenario {
    public static final String NAME = "events-put-events";
    static final int ENTRIES = 10;
    static final int RULES = 100;
    static final String QUEUE = "bench-events";

    @Override public String name() { return NAME; }

    @Override public String description() {
        return "EventBridge PutEvents, " + ENTRIES + " entries, " + RULES + " rules (1 matching, SQS target); reports"
                + " delivered events/s and delivery latency";
    }

    @Override public int itemsPerRequest() { return ENTRIES; }

    @Override
    public void setup(BenchClient client) throws IOException {
        // Rules and queue need answers (ARNs, URLs): the monitor creates them with SDK clients.
    }

    @Override
    public RequestSpec request(int variant) {
        StringBuilder b = new StringBuilder("{\"Entries\":[");
        for (int i = 0; i < ENTRIES; i++) {
            if (i > 0) b.append(',');
            b.append("{\"Source\":\"bench.app\",\"DetailType\":\"type-0\",\"Detail\":\"{\\\"slot\\\":").append(variant)
                    .append(",\\\"n\\\":").append(i).append(",\\\"status\\\":\\\"ok\\\"}\"}");
        }
        b.append("]}");
        return RequestSpec.awsJson("events", "1.1", "AWSEvents", "PutEvents", b.toString());
    }

    @Override
    public Monitor monitor(Target target) {
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(target.accessKey(), target.secretKey()));
        var config = ClientOverrideConfiguration.builder().retryStrategy(r -> r.maxAttempts(1)).build();
        SqsClient sqs = SqsClient.builder().endpointOverride(target.endpoint()).region(Region.of(target.region()))
                .credentialsProvider(creds).overrideConfiguration(config)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        try (EventBridgeClient events = EventBridgeClient.builder().endpointOverride(target.endpoint())
                .region(Region.of(target.region())).credentialsProvider(creds).overrideConfiguration(config)
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            String url = sqs.createQueue(r -> r.queueName(QUEUE)).queueUrl();
            String queueArn = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            String account = queueArn.split(":")[4];
            String ruleArn = "arn:aws:events:" + target.region() + ":" + account + ":rule/bench-rule-0";
            sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(Map.of(QueueAttributeName.POLICY,
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                            + "\"events.amazonaws.com\"},\"Action\":\"sqs:SendMessage\",\"Resource\":\"" + queueArn
                            + "\",\"Condition\":{\"ArnEquals\":{\"aws:SourceArn\":\"" + ruleArn + "\"}}}]}")));
            for (int i = 0; i < RULES; i++) {
                int n = i;
                events.putRule(r -> r.name("bench-rule-" + n)
                        .eventPattern("{\"source\":[\"bench.app\"],\"detail-type\":[\"type-" + n + "\"]}"));
            }
            events.putTargets(r -> r.rule("bench-rule-0").targets(t -> t.id("queue").arn(queueArn)
                    .inputTransformer(x -> x.inputPathsMap(Map.of("slot", "$.detail.slot", "n", "$.detail.n"))
                            .inputTemplate("{\"ingested\":\"<aws.events.event.ingestion-time>\",\"slot\":<slot>,"
                                    + "\"n\":<n>}"))));
        }
        return new QueueWatch(sqs, sqs.getQueueUrl(r -> r.queueName(QUEUE)).queueUrl());
    }

    /** Samples the queue from a daemon thread until {@link #finish}. Thread-safe. */
    static final class QueueWatch implements Monitor {
        private final SqsClient sqs;
        private final String url;
        private final List<long[]> samples = new ArrayList<>(); // {nanoTime, delivered so far}
        private final LatencyHistogram latency = new LatencyHistogram();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final Thread thread;
        private long deleted;

        QueueWatch(SqsClient sqs, String url) {
            this.sqs = sqs;
            this.url = url;
            this.thread = new Thread(this::run, "bench-queue-watch");
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            while (!stop.get()) {
                try {
                    sample();
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // a slow answer under load: the next tick samples again
                }
            }
        }

        private void sample() {
            long depth = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                    .attributes().values().stream().mapToLong(Long::parseLong).sum();
            long at = System.nanoTime();
            synchronized (samples) {
                samples.add(new long[] {at, depth + deleted});
            }
            List<Message> got = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                    .messageSystemAttributeNames(MessageSystemAttributeName.SENT_TIMESTAMP)).messages();
            List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
            for (Message m : got) {
                String body = m.body();
                int pos = body.indexOf("\"ingested\":\"");
                String sent = m.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP);
                if (pos >= 0 && sent != null) {
                    Instant ingested = Instant.parse(body.substring(pos + 12, body.indexOf('"', pos + 12)));
                    long nanos = (Long.parseLong(sent) - ingested.toEpochMilli()) * 1_000_000L;
                    synchronized (latency) { latency.record(Math.max(0, nanos)); }
                }
                done.add(DeleteMessageBatchRequestEntry.builder().id(String.valueOf(done.size()))
                        .receiptHandle(m.receiptHandle()).build());
            }
            if (!done.isEmpty()) {
                // Received messages count as not visible until deleted; after the delete they count here.
                sqs.deleteMessageBatch(r -> r.queueUrl(url).entries(done));
                synchronized (samples) { deleted += done.size(); }
            }
        }

        @Override
        public List<String> finish(long windowStart, long windowEnd) throws InterruptedException {
            // Deliveries may lag the load: wait until at least 10 successful samples over 10 s show no growth
            // (a retry back-off or a slow sample must not end the wait early), at most 5 minutes.
            long give = System.nanoTime() + 300_000_000_000L;
            long last = -1;
            while (System.nanoTime() < give && !quiet()) Thread.sleep(250);
            synchronized (samples) { last = samples.isEmpty() ? 0 : samples.get(samples.size() - 1)[1]; }
            stop.set(true);
            thread.join(10_000);
            sqs.close();
            long atStart = countAt(windowStart);
            long atEnd = countAt(windowEnd);
            long lastChange = lastChangeTime();
            double seconds = (windowEnd - windowStart) / 1e9;
            List<String> out = new ArrayList<>();
            out.add(String.format(Locale.ROOT, "delivered to SQS in the window: %d events, %.1f events/s", atEnd - atStart,
                    (atEnd - atStart) / seconds));
            out.add(String.format(Locale.ROOT, "all %d events delivered %.1f s after the window ended", last,
                    Math.max(0, lastChange - windowEnd) / 1e9));
            synchronized (latency) {
                out.add(String.format(Locale.ROOT, "delivery latency over %d sampled events: p50 %.1f ms, p99 %.1f ms,"
                        + " max %.1f ms", latency.count(), latency.percentile(50) / 1e6, latency.percentile(99) / 1e6,
                        latency.max() / 1e6));
            }
            return out;
        }

        private boolean quiet() {
            synchronized (samples) {
                if (samples.size() < 10) return false;
                long[] newest = samples.get(samples.size() - 1);
                int n = 0;
                for (int i = samples.size() - 1; i >= 0; i--) {
                    long[] s = samples.get(i);
                    if (s[1] != newest[1]) return false;
                    n++;
                    if (newest[0] - s[0] >= 10_000_000_000L) return n >= 10;
                }
                return false;
            }
        }

        private long countAt(long nanos) {
            synchronized (samples) {
                long c = 0;
                for (long[] s : samples) {
                    if (s[0] > nanos) break;
                    c = s[1];
                }
                return c;
            }
        }

        private long lastChangeTime() {
            synchronized (samples) {
                long t = 0;
                long prev = -1;
                for (long[] s : samples) {
                    if (s[1] != prev) t = s[0];
                    prev = s[1];
                }
                return t;
            }
        }
    }
}
