package dev.vigil.protocol.sigv4;

import java.time.Instant;
import java.util.List;

/**
 * The SigV4 signature a request carries, from its Authorization header or its presigned query.
 * Structurally valid (the parser checked it) but not yet verified. Immutable; thread-safe.
 *
 * @param accessKeyId   first element of the credential
 * @param date          scope date as sent ({@code yyyyMMdd} when well formed)
 * @param region        scope region as sent
 * @param service       scope service as sent
 * @param terminator    scope terminator as sent ({@code aws4_request} when well formed)
 * @param signedHeaders lower-case header names in the order the client listed them
 * @param signature     hex signature as sent
 * @param amzDate       request time in ISO-8601 basic format ({@code 20150830T123600Z}), as it enters the string to sign
 * @param requestTime   the same instant
 * @param securityToken session token from {@code X-Amz-Security-Token} (header or query), or null
 * @param presigned     true for query-string (presigned URL) authentication
 * @param expiresSeconds {@code X-Amz-Expires} of a presigned URL, or null
 */
public record ParsedSignature(String accessKeyId, String date, String region, String service, String terminator,
                              List<String> signedHeaders, String signature, String amzDate, Instant requestTime,
                              String securityToken, boolean presigned, Integer expiresSeconds) {

    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    public static final String TERMINATOR = "aws4_request";

    public ParsedSignature {
        signedHeaders = List.copyOf(signedHeaders);
    }

    /** {@code date/region/service/terminator}: the credential scope that enters the string to sign. */
    public String credentialScope() {
        return date + "/" + region + "/" + service + "/" + terminator;
    }

    /** S3 keeps the path as sent (no normalization, single encoding) and presigns with UNSIGNED-PAYLOAD. */
    public boolean s3() {
        return isS3(service);
    }

    public static boolean isS3(String service) {
        return "s3".equals(service) || "s3express".equals(service) || "s3-object-lambda".equals(service);
    }
}
