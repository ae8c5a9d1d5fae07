package dev.vigil.core.spi;

import dev.vigil.core.Caller;
import java.time.Instant;
import java.util.List;

/**
 * One served API call as the gateway saw it; the CloudTrail recorder turns it into an event record.
 * JSON members are already rendered (the gateway owns the codecs). Immutable.
 *
 * @param caller            the principal, when the signature identified one
 * @param recipientAccountId the account whose event history gets the record
 * @param requestParameters JSON object text of the request, or null
 * @param responseElements  JSON object text of the response, or null (reads, failures)
 * @param errorCode         AWS error code when the call failed, else null
 * @param tlsVersion        TLS protocol when known, else null
 */
public record AuditRecord(String eventId, Instant eventTime, String requestId, Caller caller,
                          String recipientAccountId, String region, String sourceIp, String userAgent,
                          String eventSource, String eventName, boolean readOnly, boolean managementEvent,
                          String requestParameters, String responseElements, String errorCode,
                          String errorMessage, List<String> resources, String tlsVersion) {}
