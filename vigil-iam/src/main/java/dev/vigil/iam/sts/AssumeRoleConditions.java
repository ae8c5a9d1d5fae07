package dev.vigil.iam.sts;

import dev.vigil.core.Caller;
import dev.vigil.core.RequestContext;
import dev.vigil.core.service.ConditionKeyResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Tag;

/**
 * The condition keys an AssumeRole request brings to its decision (Service Authorization Reference for STS;
 * "IAM and AWS STS condition context keys"): {@code sts:RoleSessionName}, {@code sts:ExternalId},
 * {@code sts:SourceIdentity} (the one set, or the one the calling session carries on), {@code aws:RequestTag/*},
 * {@code aws:TagKeys}, {@code sts:TransitiveTagKeys}, and the MFA keys when a code was verified. Verifying the
 * MFA code happens here, before the decision, because trust policies test it. Thread-safe (stateless).
 */
final class AssumeRoleConditions implements ConditionKeyResolver<AssumeRoleRequest> {
    private final SessionCredentials sessions;
    private final MfaCodes mfa;

    AssumeRoleConditions(SessionCredentials sessions, MfaCodes mfa) {
        this.sessions = sessions;
        this.mfa = mfa;
    }

    @Override
    public Map<String, List<String>> keys(RequestContext ctx, AssumeRoleRequest req) {
        Caller caller = ctx.caller();
        Map<String, List<String>> keys = new LinkedHashMap<>();
        if (req.roleSessionName() != null) keys.put("sts:RoleSessionName", List.of(req.roleSessionName()));
        if (req.externalId() != null) keys.put("sts:ExternalId", List.of(req.externalId()));
        StsSession parent = caller.sessionCreated() == null ? null : sessions.session(caller.accessKeyId()).orElse(null);
        String sourceIdentity = parent != null && parent.attributes().sourceIdentity() != null
                ? parent.attributes().sourceIdentity() : req.sourceIdentity();
        if (sourceIdentity != null) keys.put("sts:SourceIdentity", List.of(sourceIdentity));
        if (req.hasTags()) {
            List<String> tagKeys = new ArrayList<>();
            for (Tag t : req.tags()) {
                keys.put("aws:RequestTag/" + t.key(), List.of(t.value()));
                tagKeys.add(t.key());
            }
            keys.put("aws:TagKeys", tagKeys);
        }
        if (req.hasTransitiveTagKeys()) keys.put("sts:TransitiveTagKeys", List.copyOf(req.transitiveTagKeys()));
        if (mfa.verify(caller, req.serialNumber(), req.tokenCode())) {
            keys.put("aws:MultiFactorAuthPresent", List.of("true"));
            keys.put("aws:MultiFactorAuthAge", List.of("0"));
        }
        return keys;
    }
}
