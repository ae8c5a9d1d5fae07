package dev.vigil.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An AWS error answer: the error code AWS uses, its HTTP status and message.
 * Codecs turn it into each protocol's error shape; providers and handlers only throw it.
 * Immutable.
 */
public class AwsException extends RuntimeException {
    private final String code;
    private final int status;
    private final Map<String, String> members = new LinkedHashMap<>(0);

    public AwsException(String code, int status, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    public String code() { return code; }

    public int status() { return status; }

    /**
     * Adds a member of the error shape besides the message (Organizations' {@code Reason}); the JSON codecs write
     * it next to {@code __type}. Only called while the exception is being built.
     */
    public AwsException with(String member, String value) {
        members.put(member, value);
        return this;
    }

    /** The error shape's extra members, in the order added. */
    public Map<String, String> members() { return java.util.Collections.unmodifiableMap(members); }

    /** AWS's fault attribution: 4xx is the sender's, 5xx the receiver's. */
    public boolean senderFault() { return status < 500; }

    public static AwsException badRequest(String code, String message) {
        return new AwsException(code, 400, message);
    }

    public static AwsException internal(String message) {
        return new AwsException("InternalFailure", 500, message);
    }
}
