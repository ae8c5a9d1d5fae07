package dev.vigil.messaging.sqs;

import dev.vigil.core.AwsException;
import dev.vigil.core.service.ServiceDescriptor;

/**
 * SQS's errors: shape name (the JSON {@code __type}), HTTP status and awsQuery code (the
 * {@code x-amzn-query-error} header, which SDKs report as the error code), from the SQS service model's
 * awsQueryError traits. Providers throw by shape name. Stateless.
 */
public final class SqsErrors {
    static final String QUEUE_DOES_NOT_EXIST = "QueueDoesNotExist";
    static final String QUEUE_DELETED_RECENTLY = "QueueDeletedRecently";
    static final String QUEUE_NAME_EXISTS = "QueueNameExists";
    static final String MESSAGE_NOT_INFLIGHT = "MessageNotInflight";
    static final String PURGE_IN_PROGRESS = "PurgeQueueInProgress";
    static final String RECEIPT_HANDLE_INVALID = "ReceiptHandleIsInvalid";
    static final String INVALID_ATTRIBUTE_NAME = "InvalidAttributeName";
    static final String INVALID_ATTRIBUTE_VALUE = "InvalidAttributeValue";
    static final String INVALID_MESSAGE_CONTENTS = "InvalidMessageContents";
    static final String BATCH_IDS_NOT_DISTINCT = "BatchEntryIdsNotDistinct";
    static final String BATCH_TOO_LONG = "BatchRequestTooLong";
    static final String EMPTY_BATCH = "EmptyBatchRequest";
    static final String INVALID_BATCH_ID = "InvalidBatchEntryId";
    static final String TOO_MANY_ENTRIES = "TooManyEntriesInBatchRequest";
    static final String UNSUPPORTED = "UnsupportedOperation";
    static final String OVER_LIMIT = "OverLimit";
    /** Not modeled shapes: the common query errors SQS answers for bad or missing parameters. */
    static final String INVALID_PARAMETER_VALUE = "InvalidParameterValue";
    static final String MISSING_PARAMETER = "MissingParameter";
    static final String INVALID_ADDRESS = "InvalidAddress";

    private SqsErrors() {}

    static ServiceDescriptor.Builder declare(ServiceDescriptor.Builder b) {
        return b.error(QUEUE_DOES_NOT_EXIST, 400, "AWS.SimpleQueueService.NonExistentQueue")
                .error(QUEUE_DELETED_RECENTLY, 400, "AWS.SimpleQueueService.QueueDeletedRecently")
                .error(QUEUE_NAME_EXISTS, 400, "QueueAlreadyExists")
                .error(MESSAGE_NOT_INFLIGHT, 400, "AWS.SimpleQueueService.MessageNotInflight")
                .error(PURGE_IN_PROGRESS, 403, "AWS.SimpleQueueService.PurgeQueueInProgress")
                .error(RECEIPT_HANDLE_INVALID, 404, "ReceiptHandleIsInvalid")
                .error(INVALID_ATTRIBUTE_NAME, 400, "InvalidAttributeName")
                .error(INVALID_ATTRIBUTE_VALUE, 400, "InvalidAttributeValue")
                .error(INVALID_MESSAGE_CONTENTS, 400, "InvalidMessageContents")
                .error(BATCH_IDS_NOT_DISTINCT, 400, "AWS.SimpleQueueService.BatchEntryIdsNotDistinct")
                .error(BATCH_TOO_LONG, 400, "AWS.SimpleQueueService.BatchRequestTooLong")
                .error(EMPTY_BATCH, 400, "AWS.SimpleQueueService.EmptyBatchRequest")
                .error(INVALID_BATCH_ID, 400, "AWS.SimpleQueueService.InvalidBatchEntryId")
                .error(TOO_MANY_ENTRIES, 400, "AWS.SimpleQueueService.TooManyEntriesInBatchRequest")
                .error(UNSUPPORTED, 400, "AWS.SimpleQueueService.UnsupportedOperation")
                .error(OVER_LIMIT, 403, "OverLimit")
                .error("InvalidIdFormat", 400, "InvalidIdFormat")
                .error("InvalidSecurity", 403, "InvalidSecurity")
                .error("RequestThrottled", 400, "RequestThrottled")
                .error(INVALID_ADDRESS, 404, "InvalidAddress")
                .error("ResourceNotFoundException", 404, "ResourceNotFoundException")
                // The gateway's AccessDeniedException: SQS answers 403 with query code AccessDenied.
                .error("AccessDeniedException", 403, "AccessDenied")
                .error(INVALID_PARAMETER_VALUE, 400, "InvalidParameterValue")
                .error(MISSING_PARAMETER, 400, "MissingParameter")
                .validationErrorCode(INVALID_PARAMETER_VALUE);
    }

    static AwsException queueDoesNotExist() {
        return AwsException.badRequest(QUEUE_DOES_NOT_EXIST, "The specified queue does not exist.");
    }

    static AwsException invalidValue(String message) {
        return AwsException.badRequest(INVALID_PARAMETER_VALUE, message);
    }

    /** "Value v for parameter P is invalid. Reason: r." */
    static AwsException invalidParameter(Object value, String parameter, String reason) {
        return invalidValue("Value " + value + " for parameter " + parameter + " is invalid. Reason: " + reason);
    }

    static AwsException missing(String parameter) {
        return AwsException.badRequest(MISSING_PARAMETER, "The request must contain the parameter " + parameter + ".");
    }

    static AwsException invalidAttributeValue(String name) {
        return AwsException.badRequest(INVALID_ATTRIBUTE_VALUE, "Invalid value for the parameter " + name + ".");
    }

    static AwsException invalidAttributeName(String name) {
        return AwsException.badRequest(INVALID_ATTRIBUTE_NAME, "Unknown Attribute " + name + ".");
    }

    static AwsException receiptHandleInvalid(String handle) {
        return new AwsException(RECEIPT_HANDLE_INVALID, 404,
                "The input receipt handle \"" + handle + "\" is not a valid receipt handle.");
    }

    static AwsException error(String code, String message) {
        return AwsException.badRequest(code, message);
    }
}
