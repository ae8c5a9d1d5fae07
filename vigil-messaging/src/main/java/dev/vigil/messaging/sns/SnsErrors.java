package dev.vigil.messaging.sns;

import dev.vigil.core.AwsException;
import dev.vigil.core.service.ServiceDescriptor;

/**
 * SNS's errors: shape name, HTTP status and awsQuery code (botocore sns 2010-03-31 {@code error} traits).
 * Providers throw by shape name; the query codec writes the code. Stateless.
 */
public final class SnsErrors {
    static final String INVALID_PARAMETER = "InvalidParameterException";
    static final String INVALID_PARAMETER_VALUE = "InvalidParameterValueException";
    static final String NOT_FOUND = "NotFoundException";
    static final String AUTHORIZATION = "AuthorizationErrorException";
    static final String TAG_LIMIT = "TagLimitExceededException";
    static final String EMPTY_BATCH = "EmptyBatchRequestException";
    static final String TOO_MANY_ENTRIES = "TooManyEntriesInBatchRequestException";
    static final String BATCH_IDS_NOT_DISTINCT = "BatchEntryIdsNotDistinctException";
    static final String INVALID_BATCH_ID = "InvalidBatchEntryIdException";
    static final String BATCH_TOO_LONG = "BatchRequestTooLongException";
    static final String RESOURCE_NOT_FOUND = "ResourceNotFoundException";

    private SnsErrors() {}

    static ServiceDescriptor.Builder declare(ServiceDescriptor.Builder b) {
        return b.error(INVALID_PARAMETER, 400, "InvalidParameter")
                .error(INVALID_PARAMETER_VALUE, 400, "ParameterValueInvalid")
                .error(NOT_FOUND, 404, "NotFound")
                .error(AUTHORIZATION, 403, "AuthorizationError")
                // The gateway's policy denial: SNS calls it AuthorizationError.
                .error("AccessDenied", 403, "AuthorizationError")
                .error(TAG_LIMIT, 400, "TagLimitExceeded")
                .error(EMPTY_BATCH, 400, "EmptyBatchRequest")
                .error(TOO_MANY_ENTRIES, 400, "TooManyEntriesInBatchRequest")
                .error(BATCH_IDS_NOT_DISTINCT, 400, "BatchEntryIdsNotDistinct")
                .error(INVALID_BATCH_ID, 400, "InvalidBatchEntryId")
                .error(BATCH_TOO_LONG, 400, "BatchRequestTooLong")
                .error(RESOURCE_NOT_FOUND, 404, "ResourceNotFound")
                .error("InternalErrorException", 500, "InternalError")
                .error("ThrottledException", 429, "Throttled")
                .error("SubscriptionLimitExceededException", 403, "SubscriptionLimitExceeded")
                .error("TopicLimitExceededException", 403, "TopicLimitExceeded")
                .error("FilterPolicyLimitExceededException", 403, "FilterPolicyLimitExceeded")
                .error("InvalidSecurityException", 403, "InvalidSecurity")
                .error("StaleTagException", 400, "StaleTag")
                .error("ConcurrentAccessException", 400, "ConcurrentAccess")
                .error("ValidationException", 400, "ValidationException")
                .validationErrorCode(INVALID_PARAMETER);
    }

    /** "Invalid parameter: X". */
    static AwsException invalid(String what) {
        return AwsException.badRequest(INVALID_PARAMETER, "Invalid parameter: " + what);
    }

    static AwsException topicNotFound() {
        return new AwsException(NOT_FOUND, 404, "Topic does not exist");
    }

    static AwsException subscriptionNotFound() {
        return new AwsException(NOT_FOUND, 404, "Subscription does not exist");
    }

    static AwsException error(String code, String message) {
        return AwsException.badRequest(code, message);
    }
}
