package dev.vigil.cloudtrail;

import dev.vigil.core.service.OperationDescriptor;
import dev.vigil.core.service.Protocol;
import dev.vigil.core.service.ServiceDescriptor;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;

/** What the SDK model does not say about CloudTrail (DESIGN §2). Stateless. */
public final class CloudTrailService {
    /**
     * The X-Amz-Target prefix clients send: SDK v2 2.59.1's LookupEventsRequestMarshaller sets
     * {@code com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents}.
     */
    public static final String TARGET_PREFIX = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101";
    /** Smithy namespace of the CloudTrail model. */
    public static final String ERROR_NAMESPACE = "com.amazonaws.cloudtrail";

    private CloudTrailService() {}

    public static ServiceDescriptor descriptor(CloudTrailProvider provider) {
        ServiceDescriptor.Builder b = ServiceDescriptor.builder("cloudtrail")
                .displayName("cloudtrail")
                .protocols(Protocol.AWS_JSON_1_1)
                .jsonTargetPrefix(TARGET_PREFIX)
                .errorNamespace(ERROR_NAMESPACE);
        CloudTrailErrors.declare(b);
        // Parameter limits (MaxResults 1..50, one attribute) are checked by the provider: AWS answers them with
        // CloudTrail's own exceptions, not the generic ValidationException.
        b.operation(OperationDescriptor.builder("LookupEvents", LookupEventsRequest.class, LookupEventsResponse.class)
                .handler(provider::lookupEvents)
                .iamAction("cloudtrail:LookupEvents")
                .readOnly()
                .build());
        return b.build();
    }
}
