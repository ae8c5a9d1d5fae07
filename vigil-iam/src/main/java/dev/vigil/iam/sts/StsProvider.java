package dev.vigil.iam.sts;

import dev.vigil.core.Caller;
import dev.vigil.core.RequestContext;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** AWS Security Token Service operations. Stateless; thread-safe. */
public final class StsProvider {

    /** Who signed the request: needs no permission, as on AWS. */
    public GetCallerIdentityResponse getCallerIdentity(RequestContext ctx, GetCallerIdentityRequest request) {
        Caller c = ctx.caller();
        return GetCallerIdentityResponse.builder()
                .userId(c.principalId())
                .account(c.accountId())
                .arn(c.arn())
                .build();
    }
}
