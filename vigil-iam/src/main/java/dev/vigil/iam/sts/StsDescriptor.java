package dev.vigil.iam.sts;

import dev.vigil.core.service.OperationDescriptor;
import dev.vigil.core.service.Protocol;
import dev.vigil.core.service.ServiceDescriptor;
import java.util.List;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithSamlRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithSamlResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.DecodeAuthorizationMessageRequest;
import software.amazon.awssdk.services.sts.model.DecodeAuthorizationMessageResponse;
import software.amazon.awssdk.services.sts.model.GetAccessKeyInfoRequest;
import software.amazon.awssdk.services.sts.model.GetAccessKeyInfoResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.GetFederationTokenRequest;
import software.amazon.awssdk.services.sts.model.GetFederationTokenResponse;
import software.amazon.awssdk.services.sts.model.GetSessionTokenRequest;
import software.amazon.awssdk.services.sts.model.GetSessionTokenResponse;

/**
 * STS on the wire (awsQuery, API 2011-06-15), with each operation's IAM action and resource (Service Authorization
 * Reference for AWS STS): AssumeRole acts on the role, GetFederationToken on the federated user it creates, the
 * rest on "*". GetCallerIdentity and GetSessionToken are not subject to policies at all, as AWS documents. CloudTrail
 * records every STS call as read-only, as AWS does.
 */
public final class StsDescriptor {
    public static final String XML_NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

    private StsDescriptor() {}

    public static ServiceDescriptor create(StsProviders p) {
        ServiceDescriptor.Builder b = ServiceDescriptor.builder("sts")
                .protocols(Protocol.AWS_QUERY)
                .xmlNamespace(XML_NAMESPACE)
                .apiVersion("2011-06-15")
                .validationErrorCode(StsErrors.VALIDATION_ERROR);
        StsErrors.declare(b);
        StsConstraints.declare(b);
        return b.operation(OperationDescriptor.builder("AssumeRole", AssumeRoleRequest.class, AssumeRoleResponse.class)
                        .handler(p.roles()::assumeRole)
                        .iamAction("sts:AssumeRole")
                        .resources((ctx, req) -> List.of(req.roleArn()))
                        .conditionKeys(p.assumeRoleConditions())
                        .readOnly()
                        .build())
                .operation(OperationDescriptor.builder("AssumeRoleWithWebIdentity",
                                AssumeRoleWithWebIdentityRequest.class, AssumeRoleWithWebIdentityResponse.class)
                        .handler(p.federated()::assumeRoleWithWebIdentity)
                        .iamAction("sts:AssumeRoleWithWebIdentity")
                        .resources((ctx, req) -> List.of(req.roleArn()))
                        .readOnly()
                        // The token is the credential: the call is unsigned and the role's trust policy decides.
                        .unsigned()
                        .withoutAuthorization()
                        .build())
                .operation(OperationDescriptor.builder("AssumeRoleWithSAML", AssumeRoleWithSamlRequest.class,
                                AssumeRoleWithSamlResponse.class)
                        .handler(p.federated()::assumeRoleWithSAML)
                        .iamAction("sts:AssumeRoleWithSAML")
                        .resources((ctx, req) -> List.of(req.roleArn()))
                        .readOnly()
                        .unsigned()
                        .withoutAuthorization()
                        .build())
                .operation(OperationDescriptor.builder("GetSessionToken", GetSessionTokenRequest.class,
                                GetSessionTokenResponse.class)
                        .handler(p.tokens()::getSessionToken)
                        .iamAction("sts:GetSessionToken")
                        .readOnly()
                        // "No permissions are required ... You cannot use policies to control authentication operations."
                        .withoutAuthorization()
                        .build())
                .operation(OperationDescriptor.builder("GetFederationToken", GetFederationTokenRequest.class,
                                GetFederationTokenResponse.class)
                        .handler(p.tokens()::getFederationToken)
                        .iamAction("sts:GetFederationToken")
                        .resources((ctx, req) -> List.of(TokenProvider.federatedUserArn(ctx.accountId(), req.name())))
                        .readOnly()
                        .build())
                .operation(OperationDescriptor.builder("GetCallerIdentity", GetCallerIdentityRequest.class,
                                GetCallerIdentityResponse.class)
                        .handler(p.info()::getCallerIdentity)
                        .iamAction("sts:GetCallerIdentity")
                        .readOnly()
                        .withoutAuthorization()
                        .build())
                .operation(OperationDescriptor.builder("GetAccessKeyInfo", GetAccessKeyInfoRequest.class,
                                GetAccessKeyInfoResponse.class)
                        .handler(p.info()::getAccessKeyInfo)
                        .iamAction("sts:GetAccessKeyInfo")
                        .readOnly()
                        .build())
                .operation(OperationDescriptor.builder("DecodeAuthorizationMessage",
                                DecodeAuthorizationMessageRequest.class, DecodeAuthorizationMessageResponse.class)
                        .handler(p.info()::decodeAuthorizationMessage)
                        .iamAction("sts:DecodeAuthorizationMessage")
                        .readOnly()
                        .build())
                .build();
    }
}
