package dev.vigil.protocol.sigv4;

import dev.vigil.core.AwsException;
import java.time.Instant;

/**
 * The request time is more than 15 minutes away from the server's clock. Carries the code and
 * message query services send ({@code SignatureDoesNotMatch}, "Signature expired: ..."); it is a
 * distinct type because JSON services answer {@code InvalidSignatureException} and some services
 * {@code RequestTimeTooSkewed}, so the server maps it per protocol. Immutable; thread-safe.
 */
public final class ClockSkewException extends AwsException {
    private final Instant requestTime;
    private final Instant serverTime;
    private final boolean future;

    public ClockSkewException(String message, Instant requestTime, Instant serverTime, boolean future) {
        super(SigV4Errors.SIGNATURE_DOES_NOT_MATCH, 403, message);
        this.requestTime = requestTime;
        this.serverTime = serverTime;
        this.future = future;
    }

    public Instant requestTime() { return requestTime; }

    public Instant serverTime() { return serverTime; }

    /** True when the request is dated in the future ("Signature not yet current"). */
    public boolean future() { return future; }
}
