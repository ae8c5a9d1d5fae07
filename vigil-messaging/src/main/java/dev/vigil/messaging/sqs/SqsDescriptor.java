package dev.vigil.messaging.sqs;

import dev.vigil.core.RequestContext;
import dev.vigil.core.service.OperationDescriptor;
import dev.vigil.core.service.OperationHandler;
import dev.vigil.core.service.Protocol;
import dev.vigil.core.service.QueryName;
import dev.vigil.core.service.ServiceDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.sqs.model.*;

/**
 * What the SDK model does not say about SQS (DESIGN §2): awsJson1_0 with target prefix AmazonSQS and
 * query-compatible errors, awsQuery for older clients (with its member names), and per operation the IAM action (batches authorize as their single-message action)
 * and the queue's ARN, read from the QueueUrl. Message operations are CloudTrail data events. Stateless.
 */
public final class SqsDescriptor {
    public static final String SIGNING_NAME = "sqs";
    public static final String TARGET = "AmazonSQS";
    public static final String XML_NAMESPACE = "http://queue.amazonaws.com/doc/2012-11-05/";
    public static final String API_VERSION = "2012-11-05";
    public static final String ERROR_NAMESPACE = "com.amazonaws.sqs";

    private SqsDescriptor() {}

    public static ServiceDescriptor descriptor(SqsProvider p) {
        ServiceDescriptor.Builder b = ServiceDescriptor.builder(SIGNING_NAME)
                .displayName("sqs")
                .protocols(Protocol.AWS_JSON_1_0, Protocol.AWS_QUERY)
                .jsonTargetPrefix(TARGET)
                .xmlNamespace(XML_NAMESPACE)
                .apiVersion(API_VERSION)
                .errorNamespace(ERROR_NAMESPACE)
                .queryCompatible();
        SqsErrors.declare(b);
        queryNames(b);
        b.operation(op("CreateQueue", CreateQueueRequest.class, CreateQueueResponse.class, p::createQueue)
                .resources((ctx, r) -> List.of(Queue.arn(ctx.region(), ctx.accountId(), nameOr(r.queueName()))))
                .conditionKeys((ctx, r) -> tagKeys(r.hasTags() ? r.tags() : Map.of())).build());
        b.operation(op("GetQueueUrl", GetQueueUrlRequest.class, GetQueueUrlResponse.class, p::getQueueUrl)
                .resources((ctx, r) -> List.of(Queue.arn(ctx.region(),
                        r.queueOwnerAWSAccountId() == null || r.queueOwnerAWSAccountId().isEmpty()
                                ? ctx.accountId() : r.queueOwnerAWSAccountId(), nameOr(r.queueName()))))
                .readOnly().build());
        b.operation(op("ListQueues", ListQueuesRequest.class, ListQueuesResponse.class, p::listQueues).readOnly().build());
        b.operation(queueOp("ListDeadLetterSourceQueues", ListDeadLetterSourceQueuesRequest.class,
                ListDeadLetterSourceQueuesResponse.class, p::listDeadLetterSourceQueues,
                ListDeadLetterSourceQueuesRequest::queueUrl).readOnly().build());
        b.operation(queueOp("DeleteQueue", DeleteQueueRequest.class, DeleteQueueResponse.class, p::deleteQueue,
                DeleteQueueRequest::queueUrl).build());
        b.operation(queueOp("GetQueueAttributes", GetQueueAttributesRequest.class, GetQueueAttributesResponse.class,
                p::getQueueAttributes, GetQueueAttributesRequest::queueUrl).readOnly().build());
        b.operation(queueOp("SetQueueAttributes", SetQueueAttributesRequest.class, SetQueueAttributesResponse.class,
                p::setQueueAttributes, SetQueueAttributesRequest::queueUrl).build());
        b.operation(queueOp("PurgeQueue", PurgeQueueRequest.class, PurgeQueueResponse.class, p::purgeQueue,
                PurgeQueueRequest::queueUrl).build());
        b.operation(queueOp("AddPermission", AddPermissionRequest.class, AddPermissionResponse.class, p::addPermission,
                AddPermissionRequest::queueUrl).build());
        b.operation(queueOp("RemovePermission", RemovePermissionRequest.class, RemovePermissionResponse.class,
                p::removePermission, RemovePermissionRequest::queueUrl).build());
        b.operation(queueOp("TagQueue", TagQueueRequest.class, TagQueueResponse.class, p::tagQueue, TagQueueRequest::queueUrl)
                .conditionKeys((ctx, r) -> tagKeys(r.hasTags() ? r.tags() : Map.of())).build());
        b.operation(queueOp("UntagQueue", UntagQueueRequest.class, UntagQueueResponse.class, p::untagQueue,
                UntagQueueRequest::queueUrl).conditionKeys((ctx, r) -> Map.of("aws:TagKeys",
                        r.hasTagKeys() ? List.copyOf(r.tagKeys()) : List.of())).build());
        b.operation(queueOp("ListQueueTags", ListQueueTagsRequest.class, ListQueueTagsResponse.class, p::listQueueTags,
                ListQueueTagsRequest::queueUrl).readOnly().build());
        b.operation(queueOp("SendMessage", SendMessageRequest.class, SendMessageResponse.class, p::sendMessage,
                SendMessageRequest::queueUrl).dataEvent().build());
        b.operation(queueOp("SendMessageBatch", SendMessageBatchRequest.class, SendMessageBatchResponse.class,
                p::sendMessageBatch, SendMessageBatchRequest::queueUrl).iamAction("sqs:SendMessage").dataEvent().build());
        b.operation(OperationDescriptor.builder("ReceiveMessage", ReceiveMessageRequest.class, ReceiveMessageResponse.class)
                .asyncHandler(p::receiveMessage).iamAction("sqs:ReceiveMessage")
                .resources((ctx, r) -> queueArn(ctx, r.queueUrl())).dataEvent().build());
        b.operation(queueOp("DeleteMessage", DeleteMessageRequest.class, DeleteMessageResponse.class, p::deleteMessage,
                DeleteMessageRequest::queueUrl).dataEvent().build());
        b.operation(queueOp("DeleteMessageBatch", DeleteMessageBatchRequest.class, DeleteMessageBatchResponse.class,
                p::deleteMessageBatch, DeleteMessageBatchRequest::queueUrl).iamAction("sqs:DeleteMessage").dataEvent().build());
        b.operation(queueOp("ChangeMessageVisibility", ChangeMessageVisibilityRequest.class,
                ChangeMessageVisibilityResponse.class, p::changeMessageVisibility,
                ChangeMessageVisibilityRequest::queueUrl).dataEvent().build());
        b.operation(queueOp("ChangeMessageVisibilityBatch", ChangeMessageVisibilityBatchRequest.class,
                ChangeMessageVisibilityBatchResponse.class, p::changeMessageVisibilityBatch,
                ChangeMessageVisibilityBatchRequest::queueUrl).iamAction("sqs:ChangeMessageVisibility").dataEvent().build());
        return b.build();
    }

    /**
     * SQS's awsQuery names (its query model, 2012-11-05), which the JSON-generated SDK classes do not carry:
     * flattened lists and maps under singular names ({@code Attribute.1.Name}, {@code MessageAttribute.1.Value.DataType},
     * {@code SendMessageBatchRequestEntry.1.Id}; {@code <QueueUrl>}, {@code <Message>}, {@code <Attribute>}).
     */
    private static void queryNames(ServiceDescriptor.Builder b) {
        QueryName attribute = QueryName.flatMap("Attribute", "Name", "Value");
        QueryName attributeName = QueryName.flatList("AttributeName");
        QueryName messageAttribute = QueryName.flatMap("MessageAttribute", "Name", "Value");
        QueryName systemAttribute = QueryName.flatMap("MessageSystemAttribute", "Name", "Value");
        QueryName tag = QueryName.flatMap("Tag", "Key", "Value");
        QueryName queueUrl = QueryName.flatList("QueueUrl");
        QueryName error = QueryName.flatList("BatchResultErrorEntry");
        b.queryName(CreateQueueRequest.class, "Attributes", attribute)
                .queryName(CreateQueueRequest.class, "tags", tag)
                .queryName(SetQueueAttributesRequest.class, "Attributes", attribute)
                .queryName(GetQueueAttributesRequest.class, "AttributeNames", attributeName)
                .queryName(GetQueueAttributesResponse.class, "Attributes", attribute)
                .queryName(ListQueuesResponse.class, "QueueUrls", queueUrl)
                .queryName(ListDeadLetterSourceQueuesResponse.class, "queueUrls", queueUrl)
                .queryName(TagQueueRequest.class, "Tags", tag)
                .queryName(AddPermissionRequest.class, "AWSAccountIds", QueryName.flatList("AWSAccountId"))
                .queryName(AddPermissionRequest.class, "Actions", QueryName.flatList("ActionName"))
                .queryName(UntagQueueRequest.class, "TagKeys", QueryName.flatList("TagKey"))
                .queryName(ListQueueTagsResponse.class, "Tags", tag)
                .queryName(SendMessageRequest.class, "MessageAttributes", messageAttribute)
                .queryName(SendMessageRequest.class, "MessageSystemAttributes", systemAttribute)
                .queryName(SendMessageBatchRequest.class, "Entries", QueryName.flatList("SendMessageBatchRequestEntry"))
                .queryName(SendMessageBatchRequestEntry.class, "MessageAttributes", messageAttribute)
                .queryName(SendMessageBatchRequestEntry.class, "MessageSystemAttributes", systemAttribute)
                .queryName(SendMessageBatchResponse.class, "Successful", QueryName.flatList("SendMessageBatchResultEntry"))
                .queryName(SendMessageBatchResponse.class, "Failed", error)
                .queryName(ReceiveMessageRequest.class, "AttributeNames", attributeName)
                .queryName(ReceiveMessageRequest.class, "MessageSystemAttributeNames", QueryName.flatList("MessageSystemAttributeName"))
                .queryName(ReceiveMessageRequest.class, "MessageAttributeNames", QueryName.flatList("MessageAttributeName"))
                .queryName(ReceiveMessageResponse.class, "Messages", QueryName.flatList("Message"))
                .queryName(Message.class, "Attributes", attribute)
                .queryName(Message.class, "MessageAttributes", messageAttribute)
                .queryName(DeleteMessageBatchRequest.class, "Entries", QueryName.flatList("DeleteMessageBatchRequestEntry"))
                .queryName(DeleteMessageBatchResponse.class, "Successful", QueryName.flatList("DeleteMessageBatchResultEntry"))
                .queryName(DeleteMessageBatchResponse.class, "Failed", error)
                .queryName(ChangeMessageVisibilityBatchRequest.class, "Entries",
                        QueryName.flatList("ChangeMessageVisibilityBatchRequestEntry"))
                .queryName(ChangeMessageVisibilityBatchResponse.class, "Successful",
                        QueryName.flatList("ChangeMessageVisibilityBatchResultEntry"))
                .queryName(ChangeMessageVisibilityBatchResponse.class, "Failed", error);
        for (Class<?> value : List.of(MessageAttributeValue.class, MessageSystemAttributeValue.class)) {
            b.queryName(value, "StringListValues", QueryName.flatList("StringListValue"))
                    .queryName(value, "BinaryListValues", QueryName.flatList("BinaryListValue"));
        }
    }

    private static String nameOr(String name) { return name == null || name.isEmpty() ? "*" : name; }

    private static Map<String, List<String>> tagKeys(Map<String, String> tags) {
        if (tags.isEmpty()) return Map.of();
        Map<String, List<String>> keys = new LinkedHashMap<>();
        tags.forEach((k, v) -> keys.put("aws:RequestTag/" + k, List.of(v)));
        keys.put("aws:TagKeys", new ArrayList<>(tags.keySet()));
        return keys;
    }

    /** The queue's ARN from its URL, in the request's region; "*" when the URL names none. */
    static List<String> queueArn(RequestContext ctx, String url) {
        try {
            QueueUrls.Ref ref = QueueUrls.parse(url);
            return List.of(Queue.arn(ctx.region(), ref.accountId(), ref.name()));
        } catch (RuntimeException e) {
            return List.of("*"); // the provider answers the malformed URL
        }
    }

    private static <I extends SdkPojo, O extends SdkPojo> OperationDescriptor.Builder<I, O> queueOp(
            String name, Class<I> in, Class<O> out, OperationHandler<I, O> handler, Function<I, String> url) {
        return op(name, in, out, handler).resources((ctx, r) -> queueArn(ctx, url.apply(r)));
    }

    private static <I extends SdkPojo, O extends SdkPojo> OperationDescriptor.Builder<I, O> op(
            String name, Class<I> in, Class<O> out, OperationHandler<I, O> handler) {
        return OperationDescriptor.builder(name, in, out).handler(handler).iamAction("sqs:" + name);
    }
}
