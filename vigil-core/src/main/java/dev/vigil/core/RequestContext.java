package dev.vigil.core;

import java.time.Instant;

/**
 * What a provider knows about the call it serves: who, where, when. Immutable.
 *
 * @param requestId   the x-amzn-RequestId of the response
 * @param receivedAt  the server clock when the request arrived
 * @param region      region from the credential scope (us-east-1 for global services)
 * @param caller      the authenticated principal
 * @param sourceIp    client address
 * @param userAgent   the User-Agent header, or null
 * @param service     service name (signing name, e.g. "monitoring", "sts")
 * @param operation   operation name (e.g. "PutMetricData")
 * @param host        the Host header the client addressed (e.g. "127.0.0.1:4566"), or null for internal calls;
 *                    URLs Vigil hands out (SQS queue URLs, SNS confirmation links) point back at it
 */
public record RequestContext(String requestId, Instant receivedAt, String region, Caller caller,
                             String sourceIp, String userAgent, String service, String operation, String host) {

    /** A context without a Host (tests, service-internal calls). */
    public RequestContext(String requestId, Instant receivedAt, String region, Caller caller,
                          String sourceIp, String userAgent, String service, String operation) {
        this(requestId, receivedAt, region, caller, sourceIp, userAgent, service, operation, null);
    }

    public String accountId() { return caller.accountId(); }
}
