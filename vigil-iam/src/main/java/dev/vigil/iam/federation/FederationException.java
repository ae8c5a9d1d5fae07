package dev.vigil.iam.federation;

/** A token or assertion that cannot be accepted; {@link #reason()} says which check failed. */
public final class FederationException extends RuntimeException {
    public enum Reason { MALFORMED, SIGNATURE, EXPIRED, NOT_YET_VALID, AUDIENCE, RECIPIENT, KEYS_UNAVAILABLE }

    private final Reason reason;

    public FederationException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() { return reason; }
}
