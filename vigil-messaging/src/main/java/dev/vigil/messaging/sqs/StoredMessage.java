package dev.vigil.messaging.sqs;

import dev.vigil.messaging.MessageAttribute;
import java.time.Instant;
import java.util.Map;

/**
 * A message as the queue holds it. Immutable.
 *
 * @param seq          delivery order within the queue (FIFO SequenceNumber)
 * @param receiveCount how often it was received (its version: every receive increments it)
 * @param receipt      the token of the latest receive, or null before the first
 * @param dlqSourceArn the queue it was moved from, for messages in a dead-letter queue
 */
public record StoredMessage(String queueId, String messageId, long seq, String body, String bodyMd5,
                            Map<String, MessageAttribute> attributes, String attributesMd5, String traceHeader,
                            String senderId, Instant sentAt, Instant visibleAt, int receiveCount,
                            Instant firstReceivedAt, String receipt, String groupId, String dedupId,
                            String dlqSourceArn) {

    public StoredMessage {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    StoredMessage movedTo(String targetQueueId, String sourceArn, Instant now) {
        return new StoredMessage(targetQueueId, messageId, seq, body, bodyMd5, attributes, attributesMd5, traceHeader,
                senderId, sentAt, now, 0, null, null, groupId, dedupId, sourceArn);
    }
}
