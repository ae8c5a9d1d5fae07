package dev.vigil.messaging.sns;

import dev.vigil.core.store.Database;
import dev.vigil.messaging.Json;
import dev.vigil.store.Dialect;
import dev.vigil.store.Jdbc;
import dev.vigil.store.Rows;
import dev.vigil.store.StoreException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/** {@link TopicRepository} over the sns_* tables. Thread-safe (stateless; connections per call). */
public final class JdbcTopicRepository implements TopicRepository {
    private static final String TOPIC_COLUMNS = "topic_arn, account_id, region, topic_name, fifo, attributes, created_at";
    private static final String SUB_COLUMNS = "subscription_arn, topic_arn, account_id, region, protocol, endpoint,"
            + " confirmed, token, attributes, created_at";
    private static final String DELIVERY_COLUMNS = "delivery_id, subscription_arn, topic_arn, endpoint, message_type,"
            + " message_id, body, raw, attempts, next_attempt_at, created_at, last_error";

    private final Jdbc jdbc;
    private final String upsertTag;
    private final String upsertSubscription;

    public JdbcTopicRepository(Database database) {
        this.jdbc = new Jdbc(database);
        Dialect d = Dialect.of(database.engine());
        this.upsertTag = d.upsert("sns_topic_tags", List.of("topic_arn", "tag_key"), List.of("tag_value"));
        this.upsertSubscription = d.upsert("sns_subscriptions", List.of("subscription_arn"), List.of("topic_arn",
                "account_id", "region", "protocol", "endpoint", "confirmed", "token", "attributes", "created_at"));
    }

    @Override
    public boolean createTopic(Topic t, Map<String, String> tags) {
        try {
            return jdbc.inTransaction(c -> {
                jdbc.update("INSERT INTO sns_topics (" + TOPIC_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", t.arn(),
                        t.accountId(), t.region(), t.name(), t.fifo(), Json.write(t.attributes()), t.createdAt());
                tag(t.arn(), tags);
                return true;
            });
        } catch (StoreException e) {
            if (e.isUniqueViolation()) return false;
            throw e;
        }
    }

    @Override
    public Optional<Topic> topic(String arn) {
        return jdbc.queryOne("SELECT " + TOPIC_COLUMNS + " FROM sns_topics WHERE topic_arn = ?",
                JdbcTopicRepository::topic, arn);
    }

    @Override
    public List<Topic> topics(String accountId, String region) {
        return jdbc.query("SELECT " + TOPIC_COLUMNS + " FROM sns_topics WHERE account_id = ? AND region = ?"
                + " ORDER BY topic_arn", JdbcTopicRepository::topic, accountId, region);
    }

    @Override
    public void updateTopic(String arn, Map<String, String> attributes) {
        jdbc.update("UPDATE sns_topics SET attributes = ? WHERE topic_arn = ?", Json.write(attributes), arn);
    }

    @Override
    public void deleteTopic(String arn) {
        jdbc.inTransaction(c -> {
            jdbc.update("DELETE FROM sns_subscriptions WHERE topic_arn = ?", arn);
            jdbc.update("DELETE FROM sns_topic_tags WHERE topic_arn = ?", arn);
            jdbc.update("DELETE FROM sns_topics WHERE topic_arn = ?", arn);
            return null;
        });
    }

    @Override
    public SortedMap<String, String> tags(String arn) {
        SortedMap<String, String> out = new TreeMap<>();
        for (String[] kv : jdbc.query("SELECT tag_key, tag_value FROM sns_topic_tags WHERE topic_arn = ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, arn)) {
            out.put(kv[0], kv[1]);
        }
        return out;
    }

    @Override
    public void tag(String arn, Map<String, String> tags) {
        List<Object[]> rows = new ArrayList<>();
        tags.forEach((k, v) -> rows.add(new Object[] {arn, k, v}));
        jdbc.batch(upsertTag, rows);
    }

    @Override
    public void untag(String arn, Collection<String> keys) {
        for (String k : keys) jdbc.update("DELETE FROM sns_topic_tags WHERE topic_arn = ? AND tag_key = ?", arn, k);
    }

    @Override
    public void saveSubscription(Subscription s) {
        jdbc.update(upsertSubscription, s.arn(), s.topicArn(), s.accountId(), s.region(), s.protocol(), s.endpoint(),
                s.confirmed(), s.token(), Json.write(s.attributes()), s.createdAt());
    }

    @Override
    public Optional<Subscription> subscription(String arn) {
        return jdbc.queryOne("SELECT " + SUB_COLUMNS + " FROM sns_subscriptions WHERE subscription_arn = ?",
                JdbcTopicRepository::subscription, arn);
    }

    @Override
    public List<Subscription> subscriptionsOf(String topicArn) {
        return jdbc.query("SELECT " + SUB_COLUMNS + " FROM sns_subscriptions WHERE topic_arn = ? ORDER BY subscription_arn",
                JdbcTopicRepository::subscription, topicArn);
    }

    @Override
    public List<Subscription> subscriptionsOwnedBy(String accountId, String region) {
        return jdbc.query("SELECT " + SUB_COLUMNS + " FROM sns_subscriptions WHERE account_id = ? AND region = ?"
                + " ORDER BY subscription_arn", JdbcTopicRepository::subscription, accountId, region);
    }

    @Override
    public boolean deleteSubscription(String arn) {
        return jdbc.update("DELETE FROM sns_subscriptions WHERE subscription_arn = ?", arn) == 1;
    }

    @Override
    public void addDelivery(HttpDelivery d) {
        jdbc.update("INSERT INTO sns_http_deliveries (" + DELIVERY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                d.deliveryId(), d.subscriptionArn(), d.topicArn(), d.endpoint(), d.messageType(), d.messageId(), d.body(),
                d.raw(), d.attempts(), d.nextAttemptAt(), d.createdAt(), d.lastError());
    }

    @Override
    public List<HttpDelivery> due(Instant now, int limit) {
        return jdbc.query("SELECT " + DELIVERY_COLUMNS + " FROM sns_http_deliveries WHERE next_attempt_at <= ?"
                + " ORDER BY next_attempt_at LIMIT " + Math.max(1, limit), JdbcTopicRepository::delivery, now);
    }

    @Override
    public boolean claim(HttpDelivery d, Instant leaseUntil) {
        return jdbc.update("UPDATE sns_http_deliveries SET next_attempt_at = ? WHERE delivery_id = ? AND next_attempt_at = ?",
                leaseUntil, d.deliveryId(), d.nextAttemptAt()) == 1;
    }

    @Override
    public void finish(String deliveryId) {
        jdbc.update("DELETE FROM sns_http_deliveries WHERE delivery_id = ?", deliveryId);
    }

    @Override
    public void reschedule(String deliveryId, int attempts, Instant next, String error) {
        String e = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
        jdbc.update("UPDATE sns_http_deliveries SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE delivery_id = ?",
                attempts, next, e, deliveryId);
    }

    @Override
    public String[] signingKey(Supplier<String[]> create, Instant now) {
        Optional<String[]> existing = readKey();
        if (existing.isPresent()) return existing.get();
        String[] pair = create.get();
        try {
            jdbc.update("INSERT INTO sns_signing_keys (key_id, private_key, public_key, created_at) VALUES (?, ?, ?, ?)",
                    "default", pair[0], pair[1], now);
        } catch (StoreException e) {
            if (!e.isUniqueViolation()) throw e; // another node created it first: use theirs
        }
        return readKey().orElse(pair);
    }

    private Optional<String[]> readKey() {
        return jdbc.queryOne("SELECT private_key, public_key FROM sns_signing_keys WHERE key_id = 'default'",
                rs -> new String[] {rs.getString(1), rs.getString(2)});
    }

    private static Topic topic(ResultSet rs) throws SQLException {
        return new Topic(rs.getString("topic_arn"), rs.getString("account_id"), rs.getString("region"),
                rs.getString("topic_name"), rs.getBoolean("fifo"), Json.stringMap(rs.getString("attributes")),
                Rows.instant(rs, "created_at"));
    }

    private static Subscription subscription(ResultSet rs) throws SQLException {
        return new Subscription(rs.getString("subscription_arn"), rs.getString("topic_arn"), rs.getString("account_id"),
                rs.getString("region"), rs.getString("protocol"), rs.getString("endpoint"), rs.getBoolean("confirmed"),
                rs.getString("token"), Json.stringMap(rs.getString("attributes")), Rows.instant(rs, "created_at"));
    }

    private static HttpDelivery delivery(ResultSet rs) throws SQLException {
        return new HttpDelivery(rs.getString("delivery_id"), rs.getString("subscription_arn"), rs.getString("topic_arn"),
                rs.getString("endpoint"), rs.getString("message_type"), rs.getString("message_id"), rs.getString("body"),
                rs.getBoolean("raw"), rs.getInt("attempts"), Rows.instant(rs, "next_attempt_at"),
                Rows.instant(rs, "created_at"), rs.getString("last_error"));
    }
}
