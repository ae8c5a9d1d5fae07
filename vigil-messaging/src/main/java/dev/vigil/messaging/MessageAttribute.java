package dev.vigil.messaging;

import java.util.Arrays;
import java.util.Objects;

/**
 * One user message attribute as SQS and SNS carry it: a data type ("String", "Number", "Binary", optionally
 * with a ".custom" suffix) and a string or binary value. Immutable (the byte array is not handed out).
 */
public final class MessageAttribute {
    private final String dataType;
    private final String stringValue;
    private final byte[] binaryValue;

    public MessageAttribute(String dataType, String stringValue, byte[] binaryValue) {
        this.dataType = dataType;
        this.stringValue = stringValue;
        this.binaryValue = binaryValue == null ? null : binaryValue.clone();
    }

    public static MessageAttribute string(String value) { return new MessageAttribute("String", value, null); }

    public String dataType() { return dataType; }
    public String stringValue() { return stringValue; }
    public byte[] binaryValue() { return binaryValue == null ? null : binaryValue.clone(); }
    public boolean isBinary() { return baseType().equals("Binary"); }

    /** "String", "Number" or "Binary": the data type without its custom suffix. */
    public String baseType() {
        if (dataType == null) return "";
        int dot = dataType.indexOf('.');
        return dot < 0 ? dataType : dataType.substring(0, dot);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageAttribute m && Objects.equals(dataType, m.dataType)
                && Objects.equals(stringValue, m.stringValue) && Arrays.equals(binaryValue, m.binaryValue);
    }

    @Override
    public int hashCode() { return Objects.hash(dataType, stringValue, Arrays.hashCode(binaryValue)); }

    @Override
    public String toString() { return dataType + "=" + (isBinary() ? "<binary>" : stringValue); }
}
