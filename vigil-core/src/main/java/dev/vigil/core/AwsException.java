package dev.vigil.core;

/**
 * An AWS error answer: the error code AWS uses, its HTTP status and message.
 * Codecs turn it into each protocol's error shape; providers and handlers only throw it.
 * Immutable.
 */
public class AwsException extends RuntimeException {
    private final String code;
    private final int status;

    public AwsException(String code, int status, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    public String code() { return code; }

    public int status() { return status; }

    /** AWS's fault attribution: 4xx is the sender's, 5xx the receiver's. */
    public boolean senderFault() { return status < 500; }

    public static AwsException badRequest(String code, String message) {
        return new AwsException(code, 400, message);
    }

    public static AwsException internal(String message) {
        return new AwsException("InternalFailure", 500, message);
    }
}
