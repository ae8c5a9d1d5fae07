package dev.vigil.messaging.sns;

import dev.vigil.core.Arn;
import dev.vigil.core.service.OperationDescriptor;
import dev.vigil.core.service.OperationHandler;
import dev.vigil.core.service.Protocol;
import dev.vigil.core.service.ServiceDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.sns.model.*;

/**
 * What the SDK model does not say about SNS (DESIGN §2): awsQuery, namespace and version 2010-03-31, its
 * errors, and per operation the IAM action and the topic's ARN (subscription operations act on the topic the
 * subscription belongs to). ConfirmSubscription is served unsigned and unauthorized: its token is the
 * credential, as the SubscribeURL a subscriber GETs carries no signature. Unsubscribe is also a link (the
 * UnsubscribeURL of every notification): unsigned, the subscription ARN is the credential, unless the
 * subscription was confirmed with AuthenticateOnUnsubscribe. Stateless.
 */
public final class SnsDescriptor {
    public static final String SIGNING_NAME = "sns";
    public static final String XML_NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";
    public static final String API_VERSION = "2010-03-31";

    private SnsDescriptor() {}

    public static ServiceDescriptor descriptor(SnsProvider p) {
        ServiceDescriptor.Builder b = ServiceDescriptor.builder(SIGNING_NAME)
                .displayName("sns")
                .protocols(Protocol.AWS_QUERY)
                .xmlNamespace(XML_NAMESPACE)
                .apiVersion(API_VERSION)
                .errorNamespace("com.amazonaws.sns");
        SnsErrors.declare(b);
        b.operation(op("CreateTopic", CreateTopicRequest.class, CreateTopicResponse.class, p::createTopic)
                .resources((ctx, r) -> List.of(r.name() == null ? "*"
                        : Arn.of("sns", ctx.region(), ctx.accountId(), r.name()).toString()))
                .conditionKeys((ctx, r) -> tagKeys(r.hasTags() ? r.tags() : List.of())).build());
        b.operation(topicOp("DeleteTopic", DeleteTopicRequest.class, DeleteTopicResponse.class, p::deleteTopic,
                DeleteTopicRequest::topicArn).build());
        b.operation(op("ListTopics", ListTopicsRequest.class, ListTopicsResponse.class, p::listTopics).readOnly().build());
        b.operation(topicOp("GetTopicAttributes", GetTopicAttributesRequest.class, GetTopicAttributesResponse.class,
                p::getTopicAttributes, GetTopicAttributesRequest::topicArn).readOnly().build());
        b.operation(topicOp("SetTopicAttributes", SetTopicAttributesRequest.class, SetTopicAttributesResponse.class,
                p::setTopicAttributes, SetTopicAttributesRequest::topicArn).build());
        b.operation(topicOp("AddPermission", AddPermissionRequest.class, AddPermissionResponse.class, p::addPermission,
                AddPermissionRequest::topicArn).build());
        b.operation(topicOp("RemovePermission", RemovePermissionRequest.class, RemovePermissionResponse.class,
                p::removePermission, RemovePermissionRequest::topicArn).build());
        b.operation(topicOp("Subscribe", SubscribeRequest.class, SubscribeResponse.class, p::subscribe,
                SubscribeRequest::topicArn).conditionKeys((ctx, r) -> {
                    Map<String, List<String>> keys = new LinkedHashMap<>();
                    if (r.protocol() != null) keys.put("sns:Protocol", List.of(r.protocol()));
                    if (r.endpoint() != null) keys.put("sns:Endpoint", List.of(r.endpoint()));
                    return keys;
                }).build());
        b.operation(topicOp("ConfirmSubscription", ConfirmSubscriptionRequest.class, ConfirmSubscriptionResponse.class,
                p::confirmSubscription, ConfirmSubscriptionRequest::topicArn).unsigned().withoutAuthorization().build());
        b.operation(subscriptionOp("Unsubscribe", UnsubscribeRequest.class, UnsubscribeResponse.class, p::unsubscribe,
                UnsubscribeRequest::subscriptionArn).link().build());
        b.operation(op("ListSubscriptions", ListSubscriptionsRequest.class, ListSubscriptionsResponse.class,
                p::listSubscriptions).readOnly().build());
        b.operation(topicOp("ListSubscriptionsByTopic", ListSubscriptionsByTopicRequest.class,
                ListSubscriptionsByTopicResponse.class, p::listSubscriptionsByTopic,
                ListSubscriptionsByTopicRequest::topicArn).readOnly().build());
        b.operation(subscriptionOp("GetSubscriptionAttributes", GetSubscriptionAttributesRequest.class,
                GetSubscriptionAttributesResponse.class, p::getSubscriptionAttributes,
                GetSubscriptionAttributesRequest::subscriptionArn).readOnly().build());
        b.operation(subscriptionOp("SetSubscriptionAttributes", SetSubscriptionAttributesRequest.class,
                SetSubscriptionAttributesResponse.class, p::setSubscriptionAttributes,
                SetSubscriptionAttributesRequest::subscriptionArn).build());
        // Publish and PublishBatch are CloudTrail data events.
        b.operation(op("Publish", PublishRequest.class, PublishResponse.class, p::publish)
                .resources((ctx, r) -> arnOrStar(r.topicArn() != null && !r.topicArn().isEmpty() ? r.topicArn() : r.targetArn()))
                .dataEvent().build());
        b.operation(topicOp("PublishBatch", PublishBatchRequest.class, PublishBatchResponse.class, p::publishBatch,
                PublishBatchRequest::topicArn).iamAction("sns:Publish").dataEvent().build());
        b.operation(topicOp("TagResource", TagResourceRequest.class, TagResourceResponse.class, p::tagResource,
                TagResourceRequest::resourceArn).conditionKeys((ctx, r) -> tagKeys(r.hasTags() ? r.tags() : List.of())).build());
        b.operation(topicOp("UntagResource", UntagResourceRequest.class, UntagResourceResponse.class, p::untagResource,
                UntagResourceRequest::resourceArn).conditionKeys((ctx, r) -> Map.of("aws:TagKeys",
                        r.hasTagKeys() ? List.copyOf(r.tagKeys()) : List.of())).build());
        b.operation(topicOp("ListTagsForResource", ListTagsForResourceRequest.class, ListTagsForResourceResponse.class,
                p::listTagsForResource, ListTagsForResourceRequest::resourceArn).readOnly().build());
        return b.build();
    }

    private static Map<String, List<String>> tagKeys(List<Tag> tags) {
        if (tags.isEmpty()) return Map.of();
        Map<String, List<String>> keys = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (Tag t : tags) {
            if (t.key() == null) continue;
            keys.put("aws:RequestTag/" + t.key(), List.of(t.value() == null ? "" : t.value()));
            names.add(t.key());
        }
        keys.put("aws:TagKeys", names);
        return keys;
    }

    private static List<String> arnOrStar(String arn) {
        return arn == null || !Arn.isArn(arn) ? List.of("*") : List.of(arn);
    }

    private static List<String> topicOfSubscription(String arn) {
        try {
            return List.of(Publisher.topicOfSubscription(arn));
        } catch (RuntimeException e) {
            return List.of("*"); // the provider answers the malformed ARN
        }
    }

    private static <I extends SdkPojo, O extends SdkPojo> OperationDescriptor.Builder<I, O> topicOp(
            String name, Class<I> in, Class<O> out, OperationHandler<I, O> handler, Function<I, String> arn) {
        return op(name, in, out, handler).resources((ctx, r) -> arnOrStar(arn.apply(r)));
    }

    private static <I extends SdkPojo, O extends SdkPojo> OperationDescriptor.Builder<I, O> subscriptionOp(
            String name, Class<I> in, Class<O> out, OperationHandler<I, O> handler, Function<I, String> arn) {
        return op(name, in, out, handler).resources((ctx, r) -> topicOfSubscription(arn.apply(r)));
    }

    private static <I extends SdkPojo, O extends SdkPojo> OperationDescriptor.Builder<I, O> op(
            String name, Class<I> in, Class<O> out, OperationHandler<I, O> handler) {
        return OperationDescriptor.builder(name, in, out).handler(handler).iamAction("sns:" + name);
    }
}
