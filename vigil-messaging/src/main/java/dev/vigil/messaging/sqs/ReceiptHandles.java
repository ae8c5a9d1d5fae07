package dev.vigil.messaging.sqs;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Receipt handles: an opaque token naming the queue, the message and one receive of it. Stateless.
 */
final class ReceiptHandles {
    private static final String VERSION = "v1";

    record Handle(String queueId, String messageId, String receipt) {}

    private ReceiptHandles() {}

    static String encode(String queueId, String messageId, String receipt) {
        String raw = VERSION + " " + queueId + " " + messageId + " " + receipt;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Handle decode(String handle) {
        if (handle == null || handle.isEmpty()) throw SqsErrors.missing("ReceiptHandle");
        try {
            String raw = new String(Base64.getUrlDecoder().decode(handle), StandardCharsets.UTF_8);
            String[] parts = raw.split(" ");
            if (parts.length == 4 && parts[0].equals(VERSION)) return new Handle(parts[1], parts[2], parts[3]);
        } catch (IllegalArgumentException e) {
            // not base64: answered below
        }
        throw SqsErrors.receiptHandleInvalid(handle);
    }
}
