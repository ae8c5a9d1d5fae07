package dev.vigil.iam.sts;

import dev.vigil.core.service.OperationDescriptor;
import dev.vigil.core.service.Protocol;
import dev.vigil.core.service.ServiceDescriptor;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** STS on the wire (awsQuery, API 2011-06-15). */
public final class StsDescriptor {
    private StsDescriptor() {}

    public static ServiceDescriptor create(StsProvider p) {
        return ServiceDescriptor.builder("sts")
                .protocols(Protocol.AWS_QUERY)
                .xmlNamespace("https://sts.amazonaws.com/doc/2011-06-15/")
                .apiVersion("2011-06-15")
                .validationErrorCode("ValidationError")
                .error("ExpiredTokenException", 400, "ExpiredTokenException")
                .error("MalformedPolicyDocumentException", 400, "MalformedPolicyDocument")
                .error("PackedPolicyTooLargeException", 400, "PackedPolicyTooLarge")
                .error("RegionDisabledException", 403, "RegionDisabledException")
                .operation(OperationDescriptor.builder("GetCallerIdentity", GetCallerIdentityRequest.class,
                                GetCallerIdentityResponse.class)
                        .handler(p::getCallerIdentity)
                        .iamAction("sts:GetCallerIdentity")
                        .readOnly()
                        .withoutAuthorization()
                        .build())
                .build();
    }
}
