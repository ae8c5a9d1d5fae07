package dev.vigil.cloudtrail;

import dev.vigil.core.AwsException;
import dev.vigil.core.service.ServiceDescriptor;

/**
 * CloudTrail's modeled errors (shape names as the SDK reads them from {@code __type}); all are HTTP 400 in the
 * SDK's exception metadata. AWS does not document the message texts; ours say what was wrong. Stateless.
 */
public final class CloudTrailErrors {
    public static final String INVALID_LOOKUP_ATTRIBUTES = "InvalidLookupAttributesException";
    public static final String INVALID_TIME_RANGE = "InvalidTimeRangeException";
    public static final String INVALID_MAX_RESULTS = "InvalidMaxResultsException";
    public static final String INVALID_NEXT_TOKEN = "InvalidNextTokenException";
    public static final String INVALID_EVENT_CATEGORY = "InvalidEventCategoryException";
    public static final String OPERATION_NOT_PERMITTED = "OperationNotPermittedException";
    public static final String UNSUPPORTED_OPERATION = "UnsupportedOperationException";

    private CloudTrailErrors() {}

    /** Declares every error LookupEvents can answer with. */
    static ServiceDescriptor.Builder declare(ServiceDescriptor.Builder b) {
        return b.error(INVALID_LOOKUP_ATTRIBUTES, 400)
                .error(INVALID_TIME_RANGE, 400)
                .error(INVALID_MAX_RESULTS, 400)
                .error(INVALID_NEXT_TOKEN, 400)
                .error(INVALID_EVENT_CATEGORY, 400)
                .error(OPERATION_NOT_PERMITTED, 400)
                .error(UNSUPPORTED_OPERATION, 400);
    }

    static AwsException invalidLookupAttributes(String message) {
        return AwsException.badRequest(INVALID_LOOKUP_ATTRIBUTES, message);
    }

    static AwsException invalidTimeRange() {
        return AwsException.badRequest(INVALID_TIME_RANGE, "The start time must not be after the end time.");
    }

    static AwsException invalidMaxResults() {
        return AwsException.badRequest(INVALID_MAX_RESULTS, "MaxResults must be between 1 and 50.");
    }

    static AwsException invalidNextToken() {
        return AwsException.badRequest(INVALID_NEXT_TOKEN,
                "The NextToken is not valid, or was issued for a request with different parameters.");
    }

    static AwsException invalidEventCategory(String value) {
        return AwsException.badRequest(INVALID_EVENT_CATEGORY,
                "EventCategory '" + value + "' is not valid. The only valid value is insight.");
    }
}
