package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.MutableClock;
import dev.vigil.core.spi.MessageSink;
import dev.vigil.testkit.VigilTestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * A delivery accepted by PutEvents lives in the store's outbox: when its target cannot take it (no messaging service
 * here), it survives a restart of Vigil on the same data directory and arrives once the target can take it.
 */
class EventBridgeOutboxIT {
    static final String QUEUE = "arn:aws:sqs:us-east-1:000000000000:durable";

    @Test
    void aPendingDeliverySurvivesARestart(@TempDir Path data) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
        try (VigilTestServer first = VigilTestServer.start(c -> c.withDataDir(data), clock);
             EventBridgeClient events = first.client(EventBridgeClient.builder())) {
            events.putRule(r -> r.name("durable").eventPattern("{\"source\": [\"it.durable\"]}"));
            events.putTargets(r -> r.rule("durable").targets(t -> t.id("q").arn(QUEUE)));
            assertThat(events.putEvents(r -> r.entries(e -> e.source("it.durable").detailType("T").detail("{\"n\": 1}")))
                    .failedEntryCount()).isZero();
            // The queue does not exist, so the delivery fails and stays queued.
            for (int i = 0; i < 100 && first.server().interconnect().failures().recent().isEmpty(); i++) Thread.sleep(50);
            assertThat(first.server().interconnect().failures().recent()).anyMatch(f -> f.target().equals(QUEUE));
        }

        List<String> delivered = Collections.synchronizedList(new ArrayList<>());
        try (VigilTestServer second = VigilTestServer.start(c -> c.withDataDir(data), clock)) {
            second.server().interconnect().register(MessageSink.class,
                    (principal, source, target, body, attrs) -> delivered.add(target + " " + body));
            clock.advance(Duration.ofMinutes(5)); // past the retry back-off
            for (int i = 0; i < 200 && delivered.isEmpty(); i++) Thread.sleep(50);
            assertThat(delivered).hasSize(1);
            assertThat(delivered.get(0)).startsWith(QUEUE + " ").contains("\"source\":\"it.durable\"");
        }
    }
}
