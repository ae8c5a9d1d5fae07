package dev.vigil.messaging.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.vigil.messaging.Json;
import dev.vigil.messaging.MessageAttribute;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON documents SNS delivers (notifications, subscription confirmations), laid out as AWS lays them out
 * — {@code "Key" : "Value"} members, two-space indent, members in AWS's order, MessageAttributes as
 * {@code {"Type":..,"Value":..}} — and signed over AWS's canonical string for SignatureVersion 1 (SHA1withRSA)
 * or 2 (SHA256withRSA). Stateless apart from the signer.
 */
final class Envelope {
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Envelope() {}

    static String timestamp(Instant t) { return TIMESTAMP.format(t); }

    static String notification(Signer signer, String signatureVersion, String messageId, String topicArn,
                               String subject, String message, Instant at, String baseUrl, String subscriptionArn,
                               Map<String, MessageAttribute> attributes) {
        String ts = timestamp(at);
        StringBuilder canonical = new StringBuilder();
        canonical.append("Message\n").append(message).append('\n').append("MessageId\n").append(messageId).append('\n');
        if (subject != null) canonical.append("Subject\n").append(subject).append('\n');
        canonical.append("Timestamp\n").append(ts).append('\n').append("TopicArn\n").append(topicArn).append('\n')
                .append("Type\nNotification\n");
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Type", "Notification");
        m.put("MessageId", messageId);
        m.put("TopicArn", topicArn);
        if (subject != null) m.put("Subject", subject);
        m.put("Message", message);
        m.put("Timestamp", ts);
        m.put("SignatureVersion", signatureVersion);
        m.put("Signature", signer.sign(canonical.toString(), signatureVersion));
        m.put("SigningCertURL", signer.certUrl(baseUrl));
        m.put("UnsubscribeURL", baseUrl + "/?Action=Unsubscribe&SubscriptionArn=" + subscriptionArn);
        return render(m, attributes);
    }

    static String confirmation(Signer signer, String signatureVersion, String type, String messageId, String token,
                               String topicArn, String message, Instant at, String baseUrl) {
        String ts = timestamp(at);
        String subscribeUrl = baseUrl + "/?Action=ConfirmSubscription&TopicArn=" + topicArn + "&Token=" + token;
        String canonical = "Message\n" + message + "\nMessageId\n" + messageId + "\nSubscribeURL\n" + subscribeUrl
                + "\nTimestamp\n" + ts + "\nToken\n" + token + "\nTopicArn\n" + topicArn + "\nType\n" + type + "\n";
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Type", type);
        m.put("MessageId", messageId);
        m.put("Token", token);
        m.put("TopicArn", topicArn);
        m.put("Message", message);
        m.put("SubscribeURL", subscribeUrl);
        m.put("Timestamp", ts);
        m.put("SignatureVersion", signatureVersion);
        m.put("Signature", signer.sign(canonical, signatureVersion));
        m.put("SigningCertURL", signer.certUrl(baseUrl));
        return render(m, null);
    }

    private static String render(Map<String, String> members, Map<String, MessageAttribute> attributes) {
        StringBuilder sb = new StringBuilder("{\n");
        boolean first = true;
        for (Map.Entry<String, String> e : members.entrySet()) {
            if (!first) sb.append(",\n");
            first = false;
            sb.append("  ").append(quote(e.getKey())).append(" : ").append(quote(e.getValue()));
        }
        if (attributes != null && !attributes.isEmpty()) {
            sb.append(",\n  \"MessageAttributes\" : {\n");
            boolean firstAttr = true;
            for (Map.Entry<String, MessageAttribute> e : new java.util.TreeMap<>(attributes).entrySet()) {
                if (!firstAttr) sb.append(",\n");
                firstAttr = false;
                MessageAttribute a = e.getValue();
                String value = a.isBinary() ? Base64.getEncoder().encodeToString(a.binaryValue()) : a.stringValue();
                sb.append("    ").append(quote(e.getKey())).append(" : {\"Type\":").append(quote(a.dataType()))
                        .append(",\"Value\":").append(quote(value)).append('}');
            }
            sb.append("\n  }");
        }
        return sb.append("\n}").toString();
    }

    private static String quote(String s) {
        try {
            return Json.MAPPER.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
