package dev.vigil.messaging.sns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.MutableClock;
import dev.vigil.store.JdbcDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Topics, subscriptions, the http outbox and the signing key against a real database; one subclass per engine. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TopicStoreContract {
    private JdbcDatabase db;
    private JdbcTopicRepository repo;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));

    abstract JdbcDatabase open();

    @BeforeAll
    void setUp() {
        db = open();
        repo = new JdbcTopicRepository(db);
    }

    @AfterAll
    void tearDown() { db.close(); }

    Topic topic() {
        String name = "t-" + UUID.randomUUID().toString().substring(0, 8);
        return new Topic("arn:aws:sns:us-east-1:123456789012:" + name, "123456789012", "us-east-1", name, false,
                Map.of("DisplayName", "x"), clock.instant());
    }

    @Test
    void topicsSubscriptionsAndTagsLiveAndDieTogether() {
        Topic t = topic();
        assertThat(repo.createTopic(t, Map.of("team", "ops"))).isTrue();
        assertThat(repo.createTopic(t, Map.of())).isFalse();
        assertThat(repo.topic(t.arn())).contains(t);
        Subscription s = new Subscription(t.arn() + ":s1", t.arn(), "123456789012", "us-east-1", "http", "http://e/x",
                false, "tok", Map.of(), clock.instant());
        repo.saveSubscription(s);
        repo.saveSubscription(s.confirmedNow());
        assertThat(repo.subscriptionsOf(t.arn())).extracting(Subscription::confirmed).containsExactly(true);
        assertThat(repo.tags(t.arn())).containsEntry("team", "ops");
        repo.deleteTopic(t.arn());
        assertThat(repo.topic(t.arn())).isEmpty();
        assertThat(repo.subscription(s.arn())).isEmpty();
        assertThat(repo.tags(t.arn())).isEmpty();
    }

    @Test
    void outboxDeliveriesAreClaimedOnceAndRescheduled() {
        Instant now = clock.instant();
        HttpDelivery d = new HttpDelivery(UUID.randomUUID().toString(), "sub", "topic", "http://e", "Notification", "m",
                "{}", false, 0, now, now, null);
        repo.addDelivery(d);
        List<HttpDelivery> due = repo.due(now, 10);
        assertThat(due).extracting(HttpDelivery::deliveryId).contains(d.deliveryId());
        HttpDelivery mine = due.stream().filter(x -> x.deliveryId().equals(d.deliveryId())).findFirst().orElseThrow();
        assertThat(repo.claim(mine, now.plusSeconds(60))).isTrue();
        assertThat(repo.claim(mine, now.plusSeconds(60))).isFalse();
        assertThat(repo.due(now, 10)).extracting(HttpDelivery::deliveryId).doesNotContain(d.deliveryId());
        repo.reschedule(d.deliveryId(), 1, now.plus(Duration.ofSeconds(20)), "HTTP 500");
        assertThat(repo.due(now.plusSeconds(20), 10)).filteredOn(x -> x.deliveryId().equals(d.deliveryId()))
                .singleElement().satisfies(x -> {
                    assertThat(x.attempts()).isEqualTo(1);
                    assertThat(x.lastError()).isEqualTo("HTTP 500");
                });
        repo.finish(d.deliveryId());
        assertThat(repo.due(now.plusSeconds(3600), 100)).extracting(HttpDelivery::deliveryId).doesNotContain(d.deliveryId());
    }

    @Test
    void oneSigningKeyForEveryNode() {
        String[] a = repo.signingKey(() -> new String[] {"p1", "k1"}, clock.instant());
        String[] b = new JdbcTopicRepository(db).signingKey(() -> new String[] {"p2", "k2"}, clock.instant());
        assertThat(b).containsExactly(a);
    }
}
