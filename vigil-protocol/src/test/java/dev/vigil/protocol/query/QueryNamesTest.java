package dev.vigil.protocol.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.service.QueryName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * awsQuery names that the SDK model does not carry (SQS's JSON-generated classes spoken as awsQuery): flattened
 * lists and maps under singular names, read from forms and written as XML.
 */
class QueryNamesTest {
    static final QueryName MESSAGE_ATTRIBUTE = QueryName.flatMap("MessageAttribute", "Name", "Value");
    static final Map<String, QueryName> NAMES = Map.of(
            SendMessageRequest.class.getName() + "#MessageAttributes", MESSAGE_ATTRIBUTE,
            SendMessageBatchRequest.class.getName() + "#Entries", QueryName.flatList("SendMessageBatchRequestEntry"),
            SendMessageBatchRequestEntry.class.getName() + "#MessageAttributes", MESSAGE_ATTRIBUTE,
            MessageAttributeValue.class.getName() + "#StringListValues", QueryName.flatList("StringListValue"),
            ReceiveMessageResponse.class.getName() + "#Messages", QueryName.flatList("Message"),
            Message.class.getName() + "#Attributes", QueryName.flatMap("Attribute", "Name", "Value"),
            Message.class.getName() + "#MessageAttributes", MESSAGE_ATTRIBUTE);
    static final QueryName.Lookup LOOKUP = (shape, member) -> NAMES.get(shape.getName() + "#" + member);

    @Test
    void readsFlattenedMapsOfStructures() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("Action", "SendMessage");
        form.put("QueueUrl", "http://h/1/q");
        form.put("MessageBody", "hi");
        form.put("MessageAttribute.1.Name", "color");
        form.put("MessageAttribute.1.Value.DataType", "String");
        form.put("MessageAttribute.1.Value.StringValue", "red");
        form.put("MessageAttribute.2.Name", "tags");
        form.put("MessageAttribute.2.Value.DataType", "String");
        form.put("MessageAttribute.2.Value.StringListValue.1", "a");
        form.put("MessageAttribute.2.Value.StringListValue.2", "b");
        SendMessageRequest r = (SendMessageRequest) FormReader.read(SendMessageRequest.class, form, LOOKUP);
        assertThat(r).isEqualTo(SendMessageRequest.builder().queueUrl("http://h/1/q").messageBody("hi").messageAttributes(Map.of(
                "color", MessageAttributeValue.builder().dataType("String").stringValue("red").build(),
                "tags", MessageAttributeValue.builder().dataType("String").stringListValues("a", "b").build())).build());
        // Without the names the JSON model's members find nothing in the form.
        assertThat(((SendMessageRequest) FormReader.read(SendMessageRequest.class, form)).hasMessageAttributes()).isFalse();
    }

    @Test
    void readsFlattenedListsOfEntries() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("QueueUrl", "u");
        form.put("SendMessageBatchRequestEntry.2.Id", "b");
        form.put("SendMessageBatchRequestEntry.2.MessageBody", "two");
        form.put("SendMessageBatchRequestEntry.1.Id", "a");
        form.put("SendMessageBatchRequestEntry.1.MessageBody", "one");
        form.put("SendMessageBatchRequestEntry.1.MessageAttribute.1.Name", "k");
        form.put("SendMessageBatchRequestEntry.1.MessageAttribute.1.Value.DataType", "Number");
        form.put("SendMessageBatchRequestEntry.1.MessageAttribute.1.Value.StringValue", "1");
        SendMessageBatchRequest r = (SendMessageBatchRequest) FormReader.read(SendMessageBatchRequest.class, form, LOOKUP);
        assertThat(r.entries()).extracting(SendMessageBatchRequestEntry::id).containsExactly("a", "b");
        assertThat(r.entries().get(0).messageAttributes().get("k").stringValue()).isEqualTo("1");
    }

    @Test
    void writesFlattenedListsAndMaps() {
        ReceiveMessageResponse response = ReceiveMessageResponse.builder().messages(List.of(
                Message.builder().messageId("m1").body("b").attributesWithStrings(Map.of("SenderId", "123"))
                        .messageAttributes(Map.of("color", MessageAttributeValue.builder().dataType("String")
                                .stringValue("red").build())).build(),
                Message.builder().messageId("m2").body("c").build())).build();
        StringBuilder sb = new StringBuilder();
        new XmlWriter(sb, LOOKUP).members(response);
        assertThat(sb.toString()).isEqualTo("<Message><MessageId>m1</MessageId><Body>b</Body>"
                + "<Attribute><Name>SenderId</Name><Value>123</Value></Attribute>"
                + "<MessageAttribute><Name>color</Name><Value><StringValue>red</StringValue><DataType>String</DataType></Value></MessageAttribute>"
                + "</Message><Message><MessageId>m2</MessageId><Body>c</Body></Message>");
    }
}
