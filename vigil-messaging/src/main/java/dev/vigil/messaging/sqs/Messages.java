package dev.vigil.messaging.sqs;

import dev.vigil.core.AwsException;
import dev.vigil.messaging.MessageAttribute;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeValue;

/** Validation and conversion of message bodies and attributes, with AWS's rules and wording. Stateless. */
final class Messages {
    static final int MAX_ATTRIBUTES = 10;
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,256}");
    private static final Pattern DATA_TYPE = Pattern.compile("(String|Number|Binary)(\\..{1,})?");

    private Messages() {}

    /** What a sender asks to enqueue, before it is stored. */
    record Input(String body, Integer delaySeconds, Map<String, MessageAttribute> attributes, String traceHeader,
                 String groupId, String dedupId) {}

    static Map<String, MessageAttribute> attributes(Map<String, MessageAttributeValue> given) {
        Map<String, MessageAttribute> out = new LinkedHashMap<>();
        if (given == null) return out;
        given.forEach((name, v) -> out.put(name, new MessageAttribute(v.dataType(), v.stringValue(),
                v.binaryValue() == null ? null : v.binaryValue().asByteArray())));
        return out;
    }

    static MessageAttributeValue toSdk(MessageAttribute a) {
        MessageAttributeValue.Builder b = MessageAttributeValue.builder().dataType(a.dataType());
        if (a.isBinary()) b.binaryValue(SdkBytes.fromByteArray(a.binaryValue()));
        else b.stringValue(a.stringValue());
        return b.build();
    }

    /** AWSTraceHeader, the only system attribute a sender may set. */
    static String traceHeader(Map<String, MessageSystemAttributeValue> system) {
        if (system == null || system.isEmpty()) return null;
        String trace = null;
        for (Map.Entry<String, MessageSystemAttributeValue> e : system.entrySet()) {
            if (!e.getKey().equals("AWSTraceHeader")) {
                throw SqsErrors.invalidValue("Message system attribute name '" + e.getKey() + "' is invalid.");
            }
            MessageSystemAttributeValue v = e.getValue();
            if (!"String".equals(v.dataType()) || v.stringValue() == null || v.stringValue().isEmpty()) {
                throw SqsErrors.invalidValue("Message system attribute 'AWSTraceHeader' must contain a non-empty value of type 'String'.");
            }
            trace = v.stringValue();
        }
        return trace;
    }

    /** Checks the body and attributes against AWS's rules and the queue's maximum size. */
    static void validate(Input in, int maxBytes) {
        if (in.body() == null || in.body().isEmpty()) throw SqsErrors.missing("MessageBody");
        if (!validCharacters(in.body())) {
            throw AwsException.badRequest(SqsErrors.INVALID_MESSAGE_CONTENTS, "Invalid characters found. Valid unicode"
                    + " characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF");
        }
        if (in.attributes().size() > MAX_ATTRIBUTES) {
            throw SqsErrors.invalidValue("Number of message attributes [" + in.attributes().size()
                    + "] exceeds the allowed maximum [" + MAX_ATTRIBUTES + "].");
        }
        long size = in.body().getBytes(StandardCharsets.UTF_8).length;
        for (Map.Entry<String, MessageAttribute> e : in.attributes().entrySet()) {
            size += validateAttribute(e.getKey(), e.getValue());
        }
        if (size > maxBytes) {
            throw SqsErrors.invalidValue("One or more parameters are invalid. Reason: Message must be shorter than "
                    + maxBytes + " bytes.");
        }
    }

    private static long validateAttribute(String name, MessageAttribute a) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!ATTRIBUTE_NAME.matcher(name).matches() || name.startsWith(".") || name.endsWith(".") || name.contains("..")
                || lower.startsWith("aws.") || lower.startsWith("amazon.")) {
            throw SqsErrors.invalidValue("Message (user) attribute name '" + name + "' is invalid.");
        }
        if (a.dataType() == null || a.dataType().isEmpty()) {
            throw SqsErrors.invalidValue("The message attribute '" + name + "' must contain non-empty message attribute type.");
        }
        if (!DATA_TYPE.matcher(a.dataType()).matches()) {
            throw SqsErrors.invalidValue("The type of message (user) attribute '" + name + "' is invalid. You must use"
                    + " only the following supported type prefixes: Binary, Number, String.");
        }
        long size = name.getBytes(StandardCharsets.UTF_8).length + a.dataType().getBytes(StandardCharsets.UTF_8).length;
        if (a.isBinary()) {
            if (a.binaryValue() == null || a.binaryValue().length == 0) {
                throw SqsErrors.invalidValue("The message attribute '" + name + "' with type 'Binary' must use field 'Binary'.");
            }
            return size + a.binaryValue().length;
        }
        if (a.stringValue() == null || a.stringValue().isEmpty()) {
            throw SqsErrors.invalidValue("The message attribute '" + name + "' with type '" + a.baseType()
                    + "' must use field 'String'.");
        }
        if (a.baseType().equals("Number")) {
            try {
                new java.math.BigDecimal(a.stringValue().trim());
            } catch (NumberFormatException e) {
                throw SqsErrors.invalidValue("Can't cast the value of message (user) attribute '" + name + "' to a number.");
            }
        }
        if (!validCharacters(a.stringValue())) {
            throw AwsException.badRequest(SqsErrors.INVALID_MESSAGE_CONTENTS, "Invalid characters found in the value of"
                    + " message (user) attribute '" + name + "'.");
        }
        return size + a.stringValue().getBytes(StandardCharsets.UTF_8).length;
    }

    /** #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF. */
    static boolean validCharacters(String s) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                    || (c >= 0x10000 && c <= 0x10FFFF);
            if (!ok) return false;
            i += Character.charCount(c);
        }
        return true;
    }
}
