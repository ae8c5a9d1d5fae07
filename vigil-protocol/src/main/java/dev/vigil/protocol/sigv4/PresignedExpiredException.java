package dev.vigil.protocol.sigv4;

import dev.vigil.core.AwsException;
import java.time.Instant;

/**
 * A presigned URL used after {@code X-Amz-Date + X-Amz-Expires}: S3's {@code AccessDenied}
 * "Request has expired". S3 also returns {@code X-Amz-Expires}, {@code Expires} and
 * {@code ServerTime} elements in the error, hence the accessors. Immutable; thread-safe.
 */
public final class PresignedExpiredException extends AwsException {
    private final int expiresSeconds;
    private final Instant expiresAt;
    private final Instant serverTime;

    public PresignedExpiredException(int expiresSeconds, Instant expiresAt, Instant serverTime) {
        super("AccessDenied", 403, SigV4Errors.REQUEST_HAS_EXPIRED);
        this.expiresSeconds = expiresSeconds;
        this.expiresAt = expiresAt;
        this.serverTime = serverTime;
    }

    public int expiresSeconds() { return expiresSeconds; }

    public Instant expiresAt() { return expiresAt; }

    public Instant serverTime() { return serverTime; }
}
