package dev.vigil.iam.sts;

import dev.vigil.core.Caller;
import dev.vigil.core.RequestContext;
import dev.vigil.iam.iam.AccessKey;
import dev.vigil.iam.iam.AccessKeyIds;
import dev.vigil.iam.iam.AccessKeyStore;
import software.amazon.awssdk.services.sts.model.DecodeAuthorizationMessageRequest;
import software.amazon.awssdk.services.sts.model.DecodeAuthorizationMessageResponse;
import software.amazon.awssdk.services.sts.model.GetAccessKeyInfoRequest;
import software.amazon.awssdk.services.sts.model.GetAccessKeyInfoResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * STS's informational operations: who is calling, whose key this is, what a denial message says.
 * Thread-safe (stateless over thread-safe stores).
 */
public final class StsProvider {
    private final AccessKeyStore keys;
    private final SessionCredentials sessions;

    StsProvider(AccessKeyStore keys, SessionCredentials sessions) {
        this.keys = keys;
        this.sessions = sessions;
    }

    /** Who signed the request: needs no permission, as on AWS. Sessions answer as their assumed role or federated user. */
    public GetCallerIdentityResponse getCallerIdentity(RequestContext ctx, GetCallerIdentityRequest request) {
        Caller c = ctx.caller();
        return GetCallerIdentityResponse.builder()
                .userId(c.principalId())
                .account(c.accountId())
                .arn(c.arn())
                .build();
    }

    /**
     * The account of any access key id: keys Vigil issued (IAM's AKIA, STS's ASIA) by lookup, any other key in AWS's
     * format from the account it encodes, as AWS does (so deleted keys and real AWS keys answer too).
     */
    public GetAccessKeyInfoResponse getAccessKeyInfo(RequestContext ctx, GetAccessKeyInfoRequest req) {
        String id = req.accessKeyId();
        String account = keys.find(id).map(AccessKey::accountId)
                .or(() -> sessions.session(id).map(s -> s.principal().accountId()))
                .or(() -> AccessKeyIds.accountOf(id))
                .orElseThrow(() -> StsErrors.notAnAccessKeyId(id));
        return GetAccessKeyInfoResponse.builder().account(account).build();
    }

    /**
     * Vigil's denials carry AWS's plain-text AccessDenied messages, never an encoded authorization message (AWS
     * encodes them for a few services, such as EC2, that Vigil does not implement), so there is nothing to decode.
     */
    public DecodeAuthorizationMessageResponse decodeAuthorizationMessage(RequestContext ctx,
                                                                         DecodeAuthorizationMessageRequest req) {
        throw StsErrors.invalidAuthorizationMessage();
    }
}
