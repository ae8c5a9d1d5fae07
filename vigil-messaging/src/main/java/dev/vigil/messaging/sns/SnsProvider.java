package dev.vigil.messaging.sns;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.Arn;
import dev.vigil.core.AwsException;
import dev.vigil.core.Ids;
import dev.vigil.core.RequestContext;
import dev.vigil.messaging.Json;
import dev.vigil.messaging.MessageAttribute;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sns.model.*;

/** The SNS operations over the SDK model (DESIGN §2). Thread-safe. */
public final class SnsProvider {
    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern BATCH_ID = Pattern.compile("[A-Za-z0-9_-]{1,80}");
    private static final Set<String> PROTOCOLS = Set.of("http", "https", "email", "email-json", "sms", "sqs",
            "application", "lambda", "firehose");
    private static final Set<String> CONFIRMED_AT_ONCE = Set.of("lambda", "firehose", "application", "sms");
    private static final Set<String> SUBSCRIPTION_SETTABLE = Set.of("DeliveryPolicy", "FilterPolicy", "FilterPolicyScope",
            "RawMessageDelivery", "RedrivePolicy", "SubscriptionRoleArn", "ReplayPolicy");
    private static final Set<String> TOPIC_SETTABLE = Set.of("DeliveryPolicy", "DisplayName", "Policy", "TracingConfig",
            "KmsMasterKeyId", "SignatureVersion", "ContentBasedDeduplication", "ArchivePolicy", "FifoThroughputScope");
    private static final int MAX_MESSAGE_BYTES = 262_144;
    private static final int PAGE = 100;
    private static final int MAX_TAGS = 50;
    static final String PENDING = "pending confirmation";

    private final TopicRepository repo;
    private final Publisher publisher;
    private final Clock clock;

    SnsProvider(TopicRepository repo, Publisher publisher, Clock clock) {
        this.repo = repo;
        this.publisher = publisher;
        this.clock = clock;
    }

    // ---- topics

    public CreateTopicResponse createTopic(RequestContext ctx, CreateTopicRequest req) {
        String name = req.name();
        Map<String, String> given = req.hasAttributes() ? req.attributes() : Map.of();
        boolean fifo = "true".equalsIgnoreCase(given.get("FifoTopic"));
        boolean fifoName = name != null && name.endsWith(".fifo");
        String base = fifoName ? name.substring(0, name.length() - 5) : name;
        if (name == null || !TOPIC_NAME.matcher(base).matches() || fifo != fifoName) {
            if (fifo && name != null && !fifoName) throw SnsErrors.invalid("Topic Name: FIFO topic name must end with .fifo");
            throw SnsErrors.invalid("Topic Name");
        }
        String arn = Arn.of("sns", ctx.region(), ctx.accountId(), name).toString();
        Map<String, String> tags = tags(req.hasTags() ? req.tags() : List.of());
        Optional<Topic> existing = repo.topic(arn);
        if (existing.isPresent()) {
            // Same name, same attributes: the same topic (AWS answers with its ARN).
            for (Map.Entry<String, String> e : given.entrySet()) {
                if (e.getKey().equals("FifoTopic")) continue;
                if (!e.getValue().equals(existing.get().attribute(e.getKey()))) {
                    throw SnsErrors.invalid("Attributes Reason: Topic already exists with different attributes");
                }
            }
            return CreateTopicResponse.builder().topicArn(arn).build();
        }
        Map<String, String> attrs = new TreeMap<>();
        attrs.put("Policy", defaultPolicy(arn, ctx.accountId()));
        attrs.put("DisplayName", "");
        if (fifo) {
            attrs.put("FifoTopic", "true");
            attrs.put("ContentBasedDeduplication", "false");
        }
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (e.getKey().equals("FifoTopic")) continue;
            attrs.put(e.getKey(), validateTopicAttribute(e.getKey(), e.getValue(), fifo));
        }
        if (ctx.host() != null) attrs.put(Publisher.HOST, ctx.host());
        if (!repo.createTopic(new Topic(arn, ctx.accountId(), ctx.region(), name, fifo, attrs, clock.instant()), tags)) {
            return CreateTopicResponse.builder().topicArn(arn).build();
        }
        return CreateTopicResponse.builder().topicArn(arn).build();
    }

    /** The policy AWS writes on a new topic: the owner's account may use every topic action. */
    static String defaultPolicy(String topicArn, String account) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Sid", "__default_statement_ID");
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("AWS", "*"));
        statement.put("Action", List.of("SNS:GetTopicAttributes", "SNS:SetTopicAttributes", "SNS:AddPermission",
                "SNS:RemovePermission", "SNS:DeleteTopic", "SNS:Subscribe", "SNS:ListSubscriptionsByTopic", "SNS:Publish"));
        statement.put("Resource", topicArn);
        statement.put("Condition", Map.of("StringEquals", Map.of("AWS:SourceOwner", account)));
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("Version", "2008-10-17");
        policy.put("Id", "__default_policy_ID");
        policy.put("Statement", List.of(statement));
        return Json.write(policy);
    }

    private static String validateTopicAttribute(String name, String value, boolean fifo) {
        boolean feedback = name.endsWith("FeedbackRoleArn") || name.endsWith("SuccessFeedbackSampleRate");
        if (!TOPIC_SETTABLE.contains(name) && !feedback) throw SnsErrors.invalid("AttributeName");
        String v = value == null ? "" : value;
        switch (name) {
            case "Policy" -> {
                JsonNode doc = Json.tryParse(v);
                if (doc == null || !doc.isObject() || !doc.has("Statement")) {
                    throw SnsErrors.invalid("Policy Error: null");
                }
            }
            case "DeliveryPolicy" -> {
                if (!v.isEmpty() && (Json.tryParse(v) == null || !Json.tryParse(v).isObject())) {
                    throw SnsErrors.invalid("DeliveryPolicy: Invalid JSON");
                }
            }
            case "DisplayName" -> {
                if (v.length() > 100) throw SnsErrors.invalid("DisplayName");
            }
            case "SignatureVersion" -> {
                if (!v.equals("1") && !v.equals("2")) throw SnsErrors.invalid("SignatureVersion");
            }
            case "TracingConfig" -> {
                if (!v.equals("Active") && !v.equals("PassThrough")) throw SnsErrors.invalid("TracingConfig");
            }
            case "ContentBasedDeduplication" -> {
                if (!fifo) throw SnsErrors.invalid("ContentBasedDeduplication: Content-based deduplication can only be set for FIFO topics");
                if (!v.equals("true") && !v.equals("false")) throw SnsErrors.invalid("ContentBasedDeduplication");
            }
            default -> { }
        }
        return v;
    }

    public DeleteTopicResponse deleteTopic(RequestContext ctx, DeleteTopicRequest req) {
        String arn = topicArn(req.topicArn());
        repo.deleteTopic(arn); // deleting a topic that does not exist succeeds, as on AWS
        return DeleteTopicResponse.builder().build();
    }

    public ListTopicsResponse listTopics(RequestContext ctx, ListTopicsRequest req) {
        Page<Topic> page = page(repo.topics(ctx.accountId(), ctx.region()), Topic::arn, req.nextToken());
        return ListTopicsResponse.builder()
                .topics(page.items().stream().map(t -> software.amazon.awssdk.services.sns.model.Topic.builder()
                        .topicArn(t.arn()).build()).toList())
                .nextToken(page.next()).build();
    }

    public GetTopicAttributesResponse getTopicAttributes(RequestContext ctx, GetTopicAttributesRequest req) {
        Topic t = topic(req.topicArn());
        Map<String, String> out = new TreeMap<>();
        t.attributes().forEach((k, v) -> {
            if (!k.startsWith("@")) out.put(k, v);
        });
        List<Subscription> subs = repo.subscriptionsOf(t.arn());
        out.put("TopicArn", t.arn());
        out.put("Owner", t.accountId());
        out.put("SubscriptionsConfirmed", String.valueOf(subs.stream().filter(Subscription::confirmed).count()));
        out.put("SubscriptionsPending", String.valueOf(subs.stream().filter(s -> !s.confirmed()).count()));
        out.put("SubscriptionsDeleted", "0");
        out.put("EffectiveDeliveryPolicy", t.attribute("DeliveryPolicy") != null && !t.attribute("DeliveryPolicy").isEmpty()
                ? t.attribute("DeliveryPolicy") : DeliveryPolicy.EFFECTIVE_DEFAULT);
        return GetTopicAttributesResponse.builder().attributes(out).build();
    }

    public SetTopicAttributesResponse setTopicAttributes(RequestContext ctx, SetTopicAttributesRequest req) {
        Topic t = topic(req.topicArn());
        if (req.attributeName() == null || req.attributeName().isEmpty()) throw SnsErrors.invalid("AttributeName");
        Map<String, String> next = new TreeMap<>(t.attributes());
        String v = validateTopicAttribute(req.attributeName(), req.attributeValue(), t.fifo());
        if (req.attributeName().equals("Policy") && v.isEmpty()) v = defaultPolicy(t.arn(), t.accountId());
        next.put(req.attributeName(), v);
        repo.updateTopic(t.arn(), next);
        return SetTopicAttributesResponse.builder().build();
    }

    public AddPermissionResponse addPermission(RequestContext ctx, AddPermissionRequest req) {
        Topic t = topic(req.topicArn());
        if (req.label() == null || req.label().isEmpty()) throw SnsErrors.invalid("Label");
        if (!req.hasAwsAccountIds() || req.awsAccountIds().isEmpty()) throw SnsErrors.invalid("AWSAccountId");
        if (!req.hasActionNames() || req.actionNames().isEmpty()) throw SnsErrors.invalid("ActionName");
        List<String> actions = req.actionNames().stream().map(a -> "SNS:" + a).toList();
        String next = dev.vigil.messaging.PolicyStatements.add(t.attribute("Policy"), "__default_policy_ID", req.label(),
                req.awsAccountIds(), actions, t.arn());
        if (next == null) throw SnsErrors.invalid("Statement already exists");
        Map<String, String> attrs = new TreeMap<>(t.attributes());
        attrs.put("Policy", next);
        repo.updateTopic(t.arn(), attrs);
        return AddPermissionResponse.builder().build();
    }

    public RemovePermissionResponse removePermission(RequestContext ctx, RemovePermissionRequest req) {
        Topic t = topic(req.topicArn());
        if (req.label() == null || req.label().isEmpty()) throw SnsErrors.invalid("Label");
        String next = dev.vigil.messaging.PolicyStatements.remove(t.attribute("Policy"), req.label());
        if (next == null) throw SnsErrors.invalid("Label: Statement with the given label does not exist");
        Map<String, String> attrs = new TreeMap<>(t.attributes());
        attrs.put("Policy", next.isEmpty() ? "{\"Version\":\"2008-10-17\",\"Id\":\"__default_policy_ID\",\"Statement\":[]}" : next);
        repo.updateTopic(t.arn(), attrs);
        return RemovePermissionResponse.builder().build();
    }

    // ---- subscriptions

    public SubscribeResponse subscribe(RequestContext ctx, SubscribeRequest req) {
        Topic t = topic(req.topicArn());
        String protocol = req.protocol();
        if (protocol == null || protocol.isEmpty()) throw SnsErrors.invalid("Protocol");
        if (!PROTOCOLS.contains(protocol)) {
            throw SnsErrors.invalid("Amazon SNS does not support this protocol string: " + protocol);
        }
        String endpoint = req.endpoint();
        checkEndpoint(protocol, endpoint, t);
        Map<String, String> attrs = new TreeMap<>();
        if (req.hasAttributes()) {
            for (Map.Entry<String, String> e : req.attributes().entrySet()) {
                attrs.put(e.getKey(), validateSubscriptionAttribute(e.getKey(), e.getValue(), protocol));
            }
        }
        checkScope(attrs);
        if (attrs.containsKey("RedrivePolicy")) DeadLetters.validate(attrs.get("RedrivePolicy"), t.region(), ctx.accountId());
        for (Subscription s : repo.subscriptionsOf(t.arn())) {
            if (s.protocol().equals(protocol) && s.endpoint().equals(endpoint)) {
                if (!attrs.isEmpty() && !s.attributes().equals(attrs)) {
                    throw SnsErrors.invalid("Attributes Reason: Subscription already exists with different attributes");
                }
                return SubscribeResponse.builder().subscriptionArn(s.confirmed() || Boolean.TRUE.equals(req.returnSubscriptionArn())
                        ? s.arn() : PENDING).build();
            }
        }
        // Same-account queues and the AWS-service protocols (lambda, firehose, application, sms) need no
        // confirmation on AWS; http(s), email and other-account queues do.
        boolean confirmed = protocol.equals("sqs") ? Arn.parse(endpoint).accountId().equals(ctx.accountId())
                : CONFIRMED_AT_ONCE.contains(protocol);
        String token = confirmed ? null : token();
        Subscription s = new Subscription(t.arn() + ":" + Ids.uuid(), t.arn(), ctx.accountId(), t.region(), protocol,
                endpoint, confirmed, token, attrs, clock.instant());
        repo.saveSubscription(s);
        if (!confirmed && Set.of("http", "https", "sqs").contains(protocol)) publisher.confirmationRequest(t, s);
        return SubscribeResponse.builder().subscriptionArn(confirmed || Boolean.TRUE.equals(req.returnSubscriptionArn())
                ? s.arn() : PENDING).build();
    }

    private static String token() {
        return (Ids.uuid() + Ids.uuid() + Ids.uuid() + Ids.uuid()).replace("-", "");
    }

    private static void checkEndpoint(String protocol, String endpoint, Topic t) {
        if (endpoint == null || endpoint.isEmpty()) throw SnsErrors.invalid("Endpoint");
        switch (protocol) {
            case "sqs" -> {
                if (!Arn.isArn(endpoint) || !Arn.parse(endpoint).service().equals("sqs")) throw SnsErrors.invalid("SQS endpoint ARN");
                if (t.fifo() && !endpoint.endsWith(".fifo")) {
                    throw SnsErrors.invalid("Endpoint Reason: FIFO SNS Topics currently only support FIFO SQS queues as endpoints");
                }
            }
            case "http", "https" -> {
                if (t.fifo()) throw SnsErrors.invalid("Invalid protocol type: " + protocol);
                if (!endpoint.toLowerCase(Locale.ROOT).startsWith(protocol + "://")) {
                    throw SnsErrors.invalid("Endpoint must match the specified protocol");
                }
                try {
                    java.net.URI u = java.net.URI.create(endpoint);
                    if (u.getHost() == null) throw SnsErrors.invalid("Endpoint must match the specified protocol");
                } catch (IllegalArgumentException e) {
                    throw SnsErrors.invalid("Endpoint must match the specified protocol");
                }
            }
            case "email", "email-json" -> {
                if (!endpoint.contains("@")) throw SnsErrors.invalid("Email address");
            }
            case "lambda" -> {
                if (!Arn.isArn(endpoint) || !Arn.parse(endpoint).service().equals("lambda")) {
                    throw SnsErrors.invalid("Lambda endpoint ARN");
                }
            }
            case "firehose" -> {
                if (!Arn.isArn(endpoint) || !Arn.parse(endpoint).service().equals("firehose")) {
                    throw SnsErrors.invalid("Firehose endpoint ARN");
                }
            }
            case "application" -> {
                if (!Arn.isArn(endpoint) || !Arn.parse(endpoint).service().equals("sns")
                        || !Arn.parse(endpoint).resource().startsWith("endpoint/")) {
                    throw SnsErrors.invalid("Application endpoint ARN");
                }
            }
            case "sms" -> {
                if (!endpoint.matches("\\+?[0-9][0-9 ()-]{3,19}")) throw SnsErrors.invalid("SMS endpoint");
            }
            default -> { }
        }
    }

    private static String validateSubscriptionAttribute(String name, String value, String protocol) {
        if (!SUBSCRIPTION_SETTABLE.contains(name)) throw SnsErrors.invalid("AttributeName");
        String v = value == null ? "" : value;
        switch (name) {
            case "RawMessageDelivery" -> {
                String lower = v.toLowerCase(Locale.ROOT);
                if (!lower.equals("true") && !lower.equals("false")) throw SnsErrors.invalid("Attributes Reason: RawMessageDelivery: Invalid value [" + v + "]. Must be true or false.");
                if (lower.equals("true") && !Set.of("sqs", "http", "https", "firehose").contains(protocol)) {
                    throw SnsErrors.invalid("Attributes Reason: Delivery protocol [" + protocol + "] does not support raw message delivery.");
                }
                return lower;
            }
            case "FilterPolicyScope" -> {
                if (!v.equals("MessageAttributes") && !v.equals("MessageBody")) {
                    throw SnsErrors.invalid("Attributes Reason: FilterPolicyScope: Invalid value [" + v + "]. Please use either MessageBody or MessageAttributes");
                }
                return v;
            }
            case "FilterPolicy", "DeliveryPolicy", "RedrivePolicy" -> {
                if (!v.isEmpty() && (Json.tryParse(v) == null || !Json.tryParse(v).isObject())) {
                    throw SnsErrors.invalid(name + ": failed to parse JSON.");
                }
                return v;
            }
            default -> {
                return v;
            }
        }
    }

    /** A filter policy must be valid in the scope it will be applied in. */
    private static void checkScope(Map<String, String> attrs) {
        String policy = attrs.get("FilterPolicy");
        if (policy != null && !policy.isEmpty()) FilterPolicy.parse(policy, "MessageBody".equals(attrs.get("FilterPolicyScope")));
    }

    public ConfirmSubscriptionResponse confirmSubscription(RequestContext ctx, ConfirmSubscriptionRequest req) {
        Topic t = topic(req.topicArn());
        if (req.token() == null || req.token().isEmpty()) throw SnsErrors.invalid("Token");
        for (Subscription s : repo.subscriptionsOf(t.arn())) {
            if (req.token().equals(s.token())) {
                if (!s.confirmed()) {
                    Map<String, String> attrs = new TreeMap<>(s.attributes());
                    attrs.put("@ConfirmationWasAuthenticated", "true".equalsIgnoreCase(req.authenticateOnUnsubscribe())
                            ? "true" : "false");
                    repo.saveSubscription(s.confirmedNow().withAttributes(attrs));
                }
                return ConfirmSubscriptionResponse.builder().subscriptionArn(s.arn()).build();
            }
        }
        throw SnsErrors.invalid("Invalid token");
    }

    public UnsubscribeResponse unsubscribe(RequestContext ctx, UnsubscribeRequest req) {
        Subscription s = subscription(req.subscriptionArn());
        if (ctx.caller().type() == dev.vigil.core.PrincipalType.ANONYMOUS
                && "true".equals(s.attributes().get("@ConfirmationWasAuthenticated"))) {
            // Confirmed with AuthenticateOnUnsubscribe: "the unsubscribe action requires AWS authentication".
            throw new dev.vigil.core.AwsException(SnsErrors.AUTHORIZATION, 403,
                    "Unsubscribe of this subscription requires AWS authentication");
        }
        repo.deleteSubscription(s.arn());
        return UnsubscribeResponse.builder().build();
    }

    public ListSubscriptionsResponse listSubscriptions(RequestContext ctx, ListSubscriptionsRequest req) {
        Page<Subscription> page = page(repo.subscriptionsOwnedBy(ctx.accountId(), ctx.region()), Subscription::arn,
                req.nextToken());
        return ListSubscriptionsResponse.builder().subscriptions(page.items().stream().map(SnsProvider::summary).toList())
                .nextToken(page.next()).build();
    }

    public ListSubscriptionsByTopicResponse listSubscriptionsByTopic(RequestContext ctx, ListSubscriptionsByTopicRequest req) {
        Topic t = topic(req.topicArn());
        Page<Subscription> page = page(repo.subscriptionsOf(t.arn()), Subscription::arn, req.nextToken());
        return ListSubscriptionsByTopicResponse.builder()
                .subscriptions(page.items().stream().map(SnsProvider::summary).toList()).nextToken(page.next()).build();
    }

    private static software.amazon.awssdk.services.sns.model.Subscription summary(Subscription s) {
        return software.amazon.awssdk.services.sns.model.Subscription.builder()
                .subscriptionArn(s.confirmed() ? s.arn() : "PendingConfirmation").owner(s.accountId())
                .protocol(s.protocol()).endpoint(s.endpoint()).topicArn(s.topicArn()).build();
    }

    public GetSubscriptionAttributesResponse getSubscriptionAttributes(RequestContext ctx,
                                                                      GetSubscriptionAttributesRequest req) {
        Subscription s = subscription(req.subscriptionArn());
        Topic t = repo.topic(s.topicArn()).orElse(null);
        Map<String, String> out = new TreeMap<>();
        s.attributes().forEach((k, v) -> {
            if (!k.startsWith("@")) out.put(k, v);
        });
        out.put("SubscriptionArn", s.arn());
        out.put("TopicArn", s.topicArn());
        out.put("Owner", s.accountId());
        out.put("Protocol", s.protocol());
        out.put("Endpoint", s.endpoint());
        out.put("PendingConfirmation", String.valueOf(!s.confirmed()));
        out.put("ConfirmationWasAuthenticated", s.protocol().equals("sqs") && s.confirmed() ? "true"
                : s.attributes().getOrDefault("@ConfirmationWasAuthenticated", "false"));
        out.putIfAbsent("RawMessageDelivery", "false");
        if (out.containsKey("FilterPolicy")) out.putIfAbsent("FilterPolicyScope", "MessageAttributes");
        if (s.protocol().startsWith("http")) {
            out.put("EffectiveDeliveryPolicy", s.attributes().containsKey("DeliveryPolicy")
                    ? s.attributes().get("DeliveryPolicy")
                    : t != null && t.attribute("DeliveryPolicy") != null ? t.attribute("DeliveryPolicy")
                    : DeliveryPolicy.EFFECTIVE_DEFAULT);
        }
        return GetSubscriptionAttributesResponse.builder().attributes(out).build();
    }

    public SetSubscriptionAttributesResponse setSubscriptionAttributes(RequestContext ctx,
                                                                      SetSubscriptionAttributesRequest req) {
        Subscription s = subscription(req.subscriptionArn());
        if (req.attributeName() == null || req.attributeName().isEmpty()) throw SnsErrors.invalid("AttributeName");
        Map<String, String> next = new TreeMap<>(s.attributes());
        String v = validateSubscriptionAttribute(req.attributeName(), req.attributeValue(), s.protocol());
        if (v.isEmpty() && !req.attributeName().equals("RawMessageDelivery")) next.remove(req.attributeName());
        else next.put(req.attributeName(), v);
        checkScope(next);
        if (req.attributeName().equals("RedrivePolicy")) DeadLetters.validate(v, s.region(), s.accountId());
        repo.saveSubscription(s.withAttributes(next));
        return SetSubscriptionAttributesResponse.builder().build();
    }

    // ---- publishing

    public PublishResponse publish(RequestContext ctx, PublishRequest req) {
        if (req.phoneNumber() != null && !req.phoneNumber().isEmpty()) {
            throw SnsErrors.invalid("PhoneNumber Reason: Vigil does not send SMS");
        }
        String arn = req.topicArn() != null && !req.topicArn().isEmpty() ? req.topicArn() : req.targetArn();
        if (arn == null || arn.isEmpty()) throw SnsErrors.invalid("TopicArn or TargetArn Reason: no value for required parameter");
        Topic t = topic(arn);
        Map<String, MessageAttribute> attrs = attributes(req.messageAttributes());
        Publisher.Published p = publish(t, req.subject(), req.message(), req.messageStructure(), attrs,
                req.messageGroupId(), req.messageDeduplicationId());
        return PublishResponse.builder().messageId(p.messageId()).sequenceNumber(p.sequenceNumber()).build();
    }

    public PublishBatchResponse publishBatch(RequestContext ctx, PublishBatchRequest req) {
        Topic t = topic(req.topicArn());
        List<PublishBatchRequestEntry> entries = req.hasPublishBatchRequestEntries() ? req.publishBatchRequestEntries() : List.of();
        if (entries.isEmpty()) throw SnsErrors.error(SnsErrors.EMPTY_BATCH, "The batch request doesn't contain any entries.");
        if (entries.size() > 10) {
            throw SnsErrors.error(SnsErrors.TOO_MANY_ENTRIES, "The batch request contains more entries than permissible.");
        }
        Set<String> ids = new HashSet<>();
        long total = 0;
        for (PublishBatchRequestEntry e : entries) {
            if (e.id() == null || !BATCH_ID.matcher(e.id()).matches()) {
                throw SnsErrors.error(SnsErrors.INVALID_BATCH_ID, "The Id of a batch entry in a batch request doesn't abide by the specification.");
            }
            if (!ids.add(e.id())) throw SnsErrors.error(SnsErrors.BATCH_IDS_NOT_DISTINCT, "Two or more batch entries in the request have the same Id.");
            total += e.message() == null ? 0 : e.message().getBytes(StandardCharsets.UTF_8).length;
            total += attributeBytes(attributes(e.messageAttributes()));
        }
        if (total > MAX_MESSAGE_BYTES) {
            throw SnsErrors.error(SnsErrors.BATCH_TOO_LONG, "The length of all the messages put together is more than the limit.");
        }
        List<PublishBatchResultEntry> ok = new ArrayList<>();
        List<BatchResultErrorEntry> failed = new ArrayList<>();
        for (PublishBatchRequestEntry e : entries) {
            try {
                Publisher.Published p = publish(t, e.subject(), e.message(), e.messageStructure(),
                        attributes(e.messageAttributes()), e.messageGroupId(), e.messageDeduplicationId());
                ok.add(PublishBatchResultEntry.builder().id(e.id()).messageId(p.messageId()).sequenceNumber(p.sequenceNumber()).build());
            } catch (AwsException x) {
                String code = x.code().endsWith("Exception") ? x.code().substring(0, x.code().length() - 9) : x.code();
                failed.add(BatchResultErrorEntry.builder().id(e.id()).code(code).message(x.getMessage())
                        .senderFault(x.senderFault()).build());
            }
        }
        return PublishBatchResponse.builder().successful(ok).failed(failed).build();
    }

    /** Validates one message and fans it out. */
    Publisher.Published publish(Topic t, String subject, String message, String structure,
                                Map<String, MessageAttribute> attrs, String groupId, String dedupId) {
        if (message == null || message.isEmpty()) throw SnsErrors.invalid("Empty message");
        if (message.getBytes(StandardCharsets.UTF_8).length + attributeBytes(attrs) > MAX_MESSAGE_BYTES) {
            throw SnsErrors.invalid("Message too long");
        }
        if (subject != null && (subject.isEmpty() || subject.length() > 100 || !subject.chars().allMatch(c -> c >= 32 && c < 127))) {
            throw SnsErrors.invalid("Subject");
        }
        boolean json = false;
        if (structure != null && !structure.isEmpty()) {
            if (!structure.equals("json")) throw SnsErrors.invalid("MessageStructure");
            JsonNode doc = Json.tryParse(message);
            if (doc == null || !doc.isObject()) throw SnsErrors.invalid("Message Structure - JSON message body failed to parse");
            if (!doc.has("default")) throw SnsErrors.invalid("Message Structure - No default entry in JSON message body");
            json = true;
        }
        checkAttributes(attrs);
        if (t.fifo()) {
            if (groupId == null || groupId.isEmpty()) {
                throw SnsErrors.invalid("The MessageGroupId parameter is required for FIFO topics");
            }
            if (dedupId == null || dedupId.isEmpty()) {
                if (!"true".equals(t.attribute("ContentBasedDeduplication"))) {
                    throw SnsErrors.invalid("The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly");
                }
                dedupId = sha256(message); // the queues deduplicate on the topic's content-based id
            }
        }
        return publisher.publish(t, subject, message, json, attrs, groupId, dedupId);
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void checkAttributes(Map<String, MessageAttribute> attrs) {
        if (attrs.size() > 10) throw SnsErrors.invalid("MessageAttributes: Number of message attributes [" + attrs.size() + "] exceeds the allowed maximum [10].");
        for (Map.Entry<String, MessageAttribute> e : attrs.entrySet()) {
            String name = e.getKey();
            MessageAttribute a = e.getValue();
            if (name.isEmpty() || name.length() > 256 || name.toLowerCase(Locale.ROOT).startsWith("aws.")
                    || name.toLowerCase(Locale.ROOT).startsWith("amazon.")) {
                throw SnsErrors.invalid("MessageAttributes: Invalid attribute name [" + name + "]");
            }
            if (a.dataType() == null || !(a.baseType().equals("String") || a.baseType().equals("Number")
                    || a.baseType().equals("Binary"))) {
                throw SnsErrors.invalid("The message attribute '" + name + "' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.");
            }
            if (a.isBinary() ? a.binaryValue() == null : a.stringValue() == null || a.stringValue().isEmpty()) {
                throw SnsErrors.invalid("The message attribute '" + name + "' must contain non-empty message attribute value for message attribute type '" + a.baseType() + "'.");
            }
            if (a.baseType().equals("Number")) {
                try {
                    new BigDecimal(a.stringValue().trim());
                } catch (NumberFormatException x) {
                    throw SnsErrors.invalid("Could not cast message attribute '" + name + "' value to number.");
                }
            }
            if (a.dataType().equals("String.Array")) {
                JsonNode arr = Json.tryParse(a.stringValue());
                if (arr == null || !arr.isArray()) {
                    throw SnsErrors.invalid("The message attribute '" + name + "' with type 'String.Array' does not contain a valid array.");
                }
            }
        }
    }

    private static long attributeBytes(Map<String, MessageAttribute> attrs) {
        long n = 0;
        for (Map.Entry<String, MessageAttribute> e : attrs.entrySet()) {
            n += e.getKey().length() + (e.getValue().dataType() == null ? 0 : e.getValue().dataType().length());
            n += e.getValue().isBinary() ? (e.getValue().binaryValue() == null ? 0 : e.getValue().binaryValue().length)
                    : e.getValue().stringValue() == null ? 0 : e.getValue().stringValue().getBytes(StandardCharsets.UTF_8).length;
        }
        return n;
    }

    static Map<String, MessageAttribute> attributes(Map<String, MessageAttributeValue> given) {
        Map<String, MessageAttribute> out = new TreeMap<>();
        if (given == null) return out;
        given.forEach((k, v) -> out.put(k, new MessageAttribute(v.dataType(), v.stringValue(),
                v.binaryValue() == null ? null : v.binaryValue().asByteArray())));
        return out;
    }

    // ---- tags

    public TagResourceResponse tagResource(RequestContext ctx, TagResourceRequest req) {
        Topic t = taggable(req.resourceArn());
        Map<String, String> tags = tags(req.hasTags() ? req.tags() : List.of());
        Set<String> keys = new HashSet<>(repo.tags(t.arn()).keySet());
        keys.addAll(tags.keySet());
        if (keys.size() > MAX_TAGS) {
            throw SnsErrors.error(SnsErrors.TAG_LIMIT, "Could not complete request: tag quota of per resource exceeded");
        }
        repo.tag(t.arn(), tags);
        return TagResourceResponse.builder().build();
    }

    public UntagResourceResponse untagResource(RequestContext ctx, UntagResourceRequest req) {
        Topic t = taggable(req.resourceArn());
        repo.untag(t.arn(), req.hasTagKeys() ? req.tagKeys() : List.of());
        return UntagResourceResponse.builder().build();
    }

    public ListTagsForResourceResponse listTagsForResource(RequestContext ctx, ListTagsForResourceRequest req) {
        Topic t = taggable(req.resourceArn());
        List<Tag> tags = new ArrayList<>();
        repo.tags(t.arn()).forEach((k, v) -> tags.add(Tag.builder().key(k).value(v).build()));
        return ListTagsForResourceResponse.builder().tags(tags).build();
    }

    private Topic taggable(String arn) {
        if (arn == null || !Arn.isArn(arn) || !Arn.parse(arn).service().equals("sns")) throw SnsErrors.invalid("ResourceArn");
        return repo.topic(arn).orElseThrow(() -> new AwsException(SnsErrors.RESOURCE_NOT_FOUND, 404, "Resource does not exist"));
    }

    private static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Tag t : tags) {
            if (t.key() == null || t.key().isEmpty() || t.key().length() > 128) throw SnsErrors.invalid("Tags: tag key must be 1 to 128 characters");
            if (t.value() == null || t.value().length() > 256) throw SnsErrors.invalid("Tags: tag value must be 0 to 256 characters");
            out.put(t.key(), t.value());
        }
        if (out.size() > MAX_TAGS) {
            throw SnsErrors.error(SnsErrors.TAG_LIMIT, "Could not complete request: tag quota of per resource exceeded");
        }
        return out;
    }

    // ---- helpers

    /** An existing topic by ARN, or NotFound. */
    Topic topic(String arn) {
        return repo.topic(topicArn(arn)).orElseThrow(SnsErrors::topicNotFound);
    }

    private static String topicArn(String arn) {
        if (arn == null || arn.isEmpty()) throw SnsErrors.invalid("TopicArn");
        if (!Arn.isArn(arn) || !Arn.parse(arn).service().equals("sns") || Arn.parse(arn).resource().contains(":")) {
            throw SnsErrors.invalid("TopicArn");
        }
        return arn;
    }

    private Subscription subscription(String arn) {
        if (arn == null || !Arn.isArn(arn) || !Arn.parse(arn).service().equals("sns")) throw SnsErrors.invalid("SubscriptionArn");
        return repo.subscription(arn).orElseThrow(SnsErrors::subscriptionNotFound);
    }

    record Page<T>(List<T> items, String next) {}

    static <T> Page<T> page(List<T> sorted, Function<T, String> key, String token) {
        String after = null;
        if (token != null && !token.isEmpty()) {
            try {
                after = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw SnsErrors.invalid("NextToken");
            }
        }
        List<T> rest = new ArrayList<>();
        for (T t : sorted) if (after == null || key.apply(t).compareTo(after) > 0) rest.add(t);
        if (rest.size() <= PAGE) return new Page<>(rest, null);
        List<T> items = rest.subList(0, PAGE);
        return new Page<>(items, Base64.getUrlEncoder().withoutPadding()
                .encodeToString(key.apply(items.get(PAGE - 1)).getBytes(StandardCharsets.UTF_8)));
    }
}
