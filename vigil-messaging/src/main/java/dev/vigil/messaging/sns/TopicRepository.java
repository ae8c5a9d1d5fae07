package dev.vigil.messaging.sns;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/** Where topics, subscriptions, the http outbox and the signing key live. Implementations are thread-safe. */
public interface TopicRepository {

    /** False when the topic exists already. */
    boolean createTopic(Topic topic, Map<String, String> tags);

    Optional<Topic> topic(String arn);

    /** Topics of an account and region, by ARN. */
    List<Topic> topics(String accountId, String region);

    void updateTopic(String arn, Map<String, String> attributes);

    /** Deletes the topic, its subscriptions and tags. */
    void deleteTopic(String arn);

    SortedMap<String, String> tags(String arn);

    void tag(String arn, Map<String, String> tags);

    void untag(String arn, Collection<String> keys);

    void saveSubscription(Subscription s);

    Optional<Subscription> subscription(String arn);

    /** Subscriptions of a topic, by ARN. */
    List<Subscription> subscriptionsOf(String topicArn);

    /** Subscriptions owned by an account in a region, by ARN. */
    List<Subscription> subscriptionsOwnedBy(String accountId, String region);

    boolean deleteSubscription(String arn);

    void addDelivery(HttpDelivery d);

    /** Deliveries due at {@code now}, oldest first. */
    List<HttpDelivery> due(Instant now, int limit);

    /** Takes a due delivery for one sender: moves its next attempt to {@code leaseUntil} if it is unchanged. */
    boolean claim(HttpDelivery d, Instant leaseUntil);

    void finish(String deliveryId);

    void reschedule(String deliveryId, int attempts, Instant next, String error);

    /** The signing key pair (Base64 PKCS#8 private, X.509 public), created on first use and shared by every node. */
    String[] signingKey(java.util.function.Supplier<String[]> create, Instant now);
}
