package dev.vigil.iam.iam;

import dev.vigil.core.Ids;
import dev.vigil.core.RequestContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.model.CreatePolicyRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyResponse;
import software.amazon.awssdk.services.iam.model.CreatePolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.DeletePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyResponse;
import software.amazon.awssdk.services.iam.model.DeletePolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.ListPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListPolicyTagsRequest;
import software.amazon.awssdk.services.iam.model.ListPolicyTagsResponse;
import software.amazon.awssdk.services.iam.model.ListPolicyVersionsRequest;
import software.amazon.awssdk.services.iam.model.ListPolicyVersionsResponse;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicyUsageType;
import software.amazon.awssdk.services.iam.model.SetDefaultPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.SetDefaultPolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.TagPolicyRequest;
import software.amazon.awssdk.services.iam.model.TagPolicyResponse;
import software.amazon.awssdk.services.iam.model.UntagPolicyRequest;
import software.amazon.awssdk.services.iam.model.UntagPolicyResponse;

/**
 * Managed policies and their versions: the account's own, and AWS's shipped ones (readable and attachable, never
 * changed). Thread-safe (stateless over thread-safe stores).
 */
public final class ManagedPolicyProvider {
    /** A managed policy keeps at most five versions. */
    static final int MAX_VERSIONS = 5;

    private final IamStores s;
    private final Clock clock;

    public ManagedPolicyProvider(IamStores stores, Clock clock) {
        this.s = stores;
        this.clock = clock;
    }

    public CreatePolicyResponse createPolicy(RequestContext ctx, CreatePolicyRequest req) {
        String account = ctx.accountId();
        PolicyDocuments.checkManaged(req.policyDocument());
        List<IamTag> tags = TagRules.fromSdk(req.tags());
        String path = IamNames.path(req.path());
        Instant now = clock.instant();
        ManagedPolicy p = new ManagedPolicy(IamNames.arn(account, EntityKind.POLICY, path, req.policyName()),
                Ids.awsId("ANPA"), req.policyName(), path, req.description(), "v1", now, now, false);
        s.jdbc().inTransaction(c -> {
            s.policies().insert(account, p, req.policyDocument());
            s.tags().put(account, EntityKind.POLICY, p.policyId(), tags);
            return null;
        });
        Policy.Builder out = IamShapes.policy(p, 0, 0, false).toBuilder();
        if (!tags.isEmpty()) out.tags(TagRules.toSdk(tags));
        return CreatePolicyResponse.builder().policy(out.build()).build();
    }

    public GetPolicyResponse getPolicy(RequestContext ctx, GetPolicyRequest req) {
        ManagedPolicy p = s.policyOrThrow(ctx.accountId(), req.policyArn());
        Policy.Builder out = IamShapes.policy(p, s.attachments().count(ctx.accountId(), p.arn()),
                boundaryUses(ctx.accountId(), p.arn()), true).toBuilder();
        if (!p.awsManaged()) {
            List<IamTag> tags = s.tags().list(ctx.accountId(), EntityKind.POLICY, p.policyId());
            if (!tags.isEmpty()) out.tags(TagRules.toSdk(tags));
        }
        return GetPolicyResponse.builder().policy(out.build()).build();
    }

    /** Scope All (default), AWS or Local; OnlyAttached; PathPrefix; PolicyUsageFilter (policies in that use). */
    public ListPoliciesResponse listPolicies(RequestContext ctx, ListPoliciesRequest req) {
        String account = ctx.accountId();
        PolicyScopeType scope = req.scope() == null ? PolicyScopeType.ALL : req.scope();
        List<ManagedPolicy> candidates = new ArrayList<>();
        if (scope != PolicyScopeType.LOCAL) s.awsPolicies().all().forEach(e -> candidates.add(e.policy()));
        if (scope != PolicyScopeType.AWS) candidates.addAll(s.policies().all(account));
        Map<String, Integer> attached = s.attachments().countsByPolicy(account);
        Map<String, Integer> boundaries = s.attachments().boundaryCounts(account);
        String prefix = IamNames.path(req.pathPrefix());
        boolean onlyAttached = Boolean.TRUE.equals(req.onlyAttached());
        PolicyUsageType usage = req.policyUsageFilter();
        List<ManagedPolicy> selected = candidates.stream().filter(p -> p.path().startsWith(prefix))
                .filter(p -> !onlyAttached || attached.getOrDefault(p.arn(), 0) > 0)
                .filter(p -> usage != PolicyUsageType.PERMISSIONS_POLICY || attached.getOrDefault(p.arn(), 0) > 0)
                .filter(p -> usage != PolicyUsageType.PERMISSIONS_BOUNDARY || boundaries.getOrDefault(p.arn(), 0) > 0)
                .toList();
        Page<ManagedPolicy> page = Page.of(selected, p -> IamNames.key(p.policyName()) + '\u0000' + p.arn(), req.marker(),
                req.maxItems());
        List<Policy> out = page.items().stream().map(p -> IamShapes.policy(p, attached.getOrDefault(p.arn(), 0),
                boundaries.getOrDefault(p.arn(), 0), false)).toList();
        return ListPoliciesResponse.builder().policies(out).isTruncated(page.truncated()).marker(page.marker()).build();
    }

    /** Refused while attached (or used as a boundary) or while versions besides the default remain. */
    public DeletePolicyResponse deletePolicy(RequestContext ctx, DeletePolicyRequest req) {
        String account = ctx.accountId();
        ManagedPolicy p = customer(ctx, req.policyArn(), "iam:DeletePolicy");
        s.jdbc().inTransaction(c -> {
            if (s.attachments().count(account, p.arn()) > 0 || boundaryUses(account, p.arn()) > 0) {
                throw IamErrors.deleteConflict("Cannot delete a policy attached to entities.");
            }
            if (s.policies().versions(account, p.policyId()).size() > 1) {
                throw IamErrors.deleteConflict("This policy has more than one version. Before you delete a policy, you"
                        + " must delete the policy's versions. The default version is deleted with the policy.");
            }
            s.tags().removeAll(account, EntityKind.POLICY, p.policyId());
            s.policies().delete(account, p.policyId());
            return null;
        });
        return DeletePolicyResponse.builder().build();
    }

    public CreatePolicyVersionResponse createPolicyVersion(RequestContext ctx, CreatePolicyVersionRequest req) {
        String account = ctx.accountId();
        ManagedPolicy p = customer(ctx, req.policyArn(), "iam:CreatePolicyVersion");
        PolicyDocuments.checkManaged(req.policyDocument());
        boolean setAsDefault = Boolean.TRUE.equals(req.setAsDefault());
        Instant now = clock.instant();
        String versionId = s.jdbc().inTransaction(c -> {
            s.policies().lock(account, p.policyId());
            if (s.policies().versions(account, p.policyId()).size() >= MAX_VERSIONS) {
                throw IamErrors.limitExceeded("A managed policy can have up to " + MAX_VERSIONS + " versions. Before you"
                        + " create a new version, you must delete an existing version.");
            }
            return s.policies().addVersion(account, p.policyId(), req.policyDocument(), setAsDefault, now);
        });
        return CreatePolicyVersionResponse.builder().policyVersion(software.amazon.awssdk.services.iam.model.PolicyVersion
                .builder().versionId(versionId).isDefaultVersion(setAsDefault).createDate(now).build()).build();
    }

    /** The version's document, URL-encoded as IAM returns it. */
    public GetPolicyVersionResponse getPolicyVersion(RequestContext ctx, GetPolicyVersionRequest req) {
        ManagedPolicy p = s.policy(ctx.accountId(), req.policyArn())
                .orElseThrow(() -> IamErrors.noSuchVersion(req.policyArn(), req.versionId()));
        PolicyVersion v = versions(ctx.accountId(), p).stream().filter(x -> x.versionId().equals(req.versionId()))
                .findFirst().orElseThrow(() -> IamErrors.noSuchVersion(p.arn(), req.versionId()));
        return GetPolicyVersionResponse.builder().policyVersion(version(p, v, true)).build();
    }

    public ListPolicyVersionsResponse listPolicyVersions(RequestContext ctx, ListPolicyVersionsRequest req) {
        ManagedPolicy p = s.policyOrThrow(ctx.accountId(), req.policyArn());
        // Newest first, as AWS lists them.
        Page<PolicyVersion> page = Page.of(versions(ctx.accountId(), p),
                v -> String.format("%010d", Integer.MAX_VALUE - v.number()), req.marker(), req.maxItems());
        return ListPolicyVersionsResponse.builder().versions(page.items().stream().map(v -> version(p, v, false)).toList())
                .isTruncated(page.truncated()).marker(page.marker()).build();
    }

    public DeletePolicyVersionResponse deletePolicyVersion(RequestContext ctx, DeletePolicyVersionRequest req) {
        ManagedPolicy p = customer(ctx, req.policyArn(), "iam:DeletePolicyVersion");
        if (s.policies().version(ctx.accountId(), p.policyId(), req.versionId()).isEmpty()) {
            throw IamErrors.noSuchVersion(p.arn(), req.versionId());
        }
        if (p.defaultVersionId().equals(req.versionId())) {
            throw IamErrors.deleteConflict("Cannot delete the default version of a policy.");
        }
        s.policies().deleteVersion(ctx.accountId(), p.policyId(), req.versionId());
        return DeletePolicyVersionResponse.builder().build();
    }

    public SetDefaultPolicyVersionResponse setDefaultPolicyVersion(RequestContext ctx, SetDefaultPolicyVersionRequest req) {
        ManagedPolicy p = customer(ctx, req.policyArn(), "iam:SetDefaultPolicyVersion");
        if (s.policies().version(ctx.accountId(), p.policyId(), req.versionId()).isEmpty()) {
            throw IamErrors.noSuchVersion(p.arn(), req.versionId());
        }
        s.policies().setDefault(ctx.accountId(), p.policyId(), req.versionId(), clock.instant());
        return SetDefaultPolicyVersionResponse.builder().build();
    }

    public TagPolicyResponse tagPolicy(RequestContext ctx, TagPolicyRequest req) {
        ManagedPolicy p = customer(ctx, req.policyArn(), "iam:TagPolicy");
        List<IamTag> incoming = TagRules.fromSdk(req.tags());
        s.jdbc().inTransaction(c -> {
            s.policies().lock(ctx.accountId(), p.policyId());
            TagRules.checkQuota(s.tags().list(ctx.accountId(), EntityKind.POLICY, p.policyId()), incoming, "TagsPerPolicy");
            s.tags().put(ctx.accountId(), EntityKind.POLICY, p.policyId(), incoming);
            return null;
        });
        return TagPolicyResponse.builder().build();
    }

    public UntagPolicyResponse untagPolicy(RequestContext ctx, UntagPolicyRequest req) {
        ManagedPolicy p = customer(ctx, req.policyArn(), "iam:UntagPolicy");
        s.tags().remove(ctx.accountId(), EntityKind.POLICY, p.policyId(), req.tagKeys());
        return UntagPolicyResponse.builder().build();
    }

    public ListPolicyTagsResponse listPolicyTags(RequestContext ctx, ListPolicyTagsRequest req) {
        ManagedPolicy p = s.policyOrThrow(ctx.accountId(), req.policyArn());
        List<IamTag> tags = p.awsManaged() ? List.of() : s.tags().list(ctx.accountId(), EntityKind.POLICY, p.policyId());
        Page<IamTag> page = Page.of(tags, t -> IamNames.key(t.key()), req.marker(), req.maxItems());
        return ListPolicyTagsResponse.builder().tags(TagRules.toSdk(page.items())).isTruncated(page.truncated())
                .marker(page.marker()).build();
    }

    /** A customer managed policy of the caller's account; AWS's own policies cannot be changed. */
    private ManagedPolicy customer(RequestContext ctx, String arn, String action) {
        ManagedPolicy p = s.policyOrThrow(ctx.accountId(), arn);
        if (p.awsManaged()) throw IamErrors.awsManaged(ctx.caller().arn(), action, arn);
        return p;
    }

    private List<PolicyVersion> versions(String accountId, ManagedPolicy p) {
        if (p.awsManaged()) return List.of(s.awsPolicies().find(p.arn()).orElseThrow().version());
        return s.policies().versions(accountId, p.policyId());
    }

    private int boundaryUses(String accountId, String arn) {
        return s.users().withBoundary(accountId, arn).size() + s.roles().withBoundary(accountId, arn).size();
    }

    private static software.amazon.awssdk.services.iam.model.PolicyVersion version(ManagedPolicy p, PolicyVersion v,
                                                                                    boolean withDocument) {
        return software.amazon.awssdk.services.iam.model.PolicyVersion.builder().versionId(v.versionId())
                .isDefaultVersion(v.versionId().equals(p.defaultVersionId())).createDate(v.createDate())
                .document(withDocument ? PolicyDocuments.encode(v.document()) : null).build();
    }
}
