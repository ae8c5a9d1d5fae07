package dev.vigil.iam.organizations;

import dev.vigil.core.RequestContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.organizations.model.AttachPolicyRequest;
import software.amazon.awssdk.services.organizations.model.AttachPolicyResponse;
import software.amazon.awssdk.services.organizations.model.CreatePolicyRequest;
import software.amazon.awssdk.services.organizations.model.CreatePolicyResponse;
import software.amazon.awssdk.services.organizations.model.DeletePolicyRequest;
import software.amazon.awssdk.services.organizations.model.DeletePolicyResponse;
import software.amazon.awssdk.services.organizations.model.DescribeEffectivePolicyRequest;
import software.amazon.awssdk.services.organizations.model.DescribeEffectivePolicyResponse;
import software.amazon.awssdk.services.organizations.model.DescribePolicyRequest;
import software.amazon.awssdk.services.organizations.model.DescribePolicyResponse;
import software.amazon.awssdk.services.organizations.model.DetachPolicyRequest;
import software.amazon.awssdk.services.organizations.model.DetachPolicyResponse;
import software.amazon.awssdk.services.organizations.model.DisablePolicyTypeRequest;
import software.amazon.awssdk.services.organizations.model.DisablePolicyTypeResponse;
import software.amazon.awssdk.services.organizations.model.EffectivePolicy;
import software.amazon.awssdk.services.organizations.model.EnablePolicyTypeRequest;
import software.amazon.awssdk.services.organizations.model.EnablePolicyTypeResponse;
import software.amazon.awssdk.services.organizations.model.ListPoliciesForTargetRequest;
import software.amazon.awssdk.services.organizations.model.ListPoliciesForTargetResponse;
import software.amazon.awssdk.services.organizations.model.ListPoliciesRequest;
import software.amazon.awssdk.services.organizations.model.ListPoliciesResponse;
import software.amazon.awssdk.services.organizations.model.ListTargetsForPolicyRequest;
import software.amazon.awssdk.services.organizations.model.ListTargetsForPolicyResponse;
import software.amazon.awssdk.services.organizations.model.PolicySummary;
import software.amazon.awssdk.services.organizations.model.PolicyTargetSummary;
import software.amazon.awssdk.services.organizations.model.UpdatePolicyRequest;
import software.amazon.awssdk.services.organizations.model.UpdatePolicyResponse;

/**
 * Organization policies: SCPs (which the authorizer applies to every request of a member account) and the
 * management policy types, stored, attached and merged into effective policies. Policy types must be enabled in
 * the root before policies of the type are attached; enabling SCPs attaches FullAWSAccess everywhere, and while
 * they are enabled every root, OU and account keeps at least one SCP, at most five. Thread-safe (stateless over
 * thread-safe stores).
 */
final class OrgPolicyProvider {
    static final List<String> TYPES = List.of(OrgPolicies.SCP, "RESOURCE_CONTROL_POLICY", OrgPolicies.TAG, "BACKUP_POLICY",
            "AISERVICES_OPT_OUT_POLICY", "CHATBOT_POLICY", "DECLARATIVE_POLICY_EC2", "SECURITYHUB_POLICY",
            "INSPECTOR_POLICY", "UPGRADE_ROLLOUT_POLICY", "BEDROCK_POLICY", "S3_POLICY");
    /** "Maximum number of policies of a type attached to a root, OU or account": 5 (SCPs, RCPs); others 10. */
    static final int MAX_SCPS_PER_TARGET = 5;
    static final int MAX_OTHER_PER_TARGET = 10;
    static final int MAX_POLICIES = 1000;

    private final OrgStores s;
    private final OrgLookup look;
    private final Clock clock;

    OrgPolicyProvider(OrgStores stores, OrgLookup look, Clock clock) {
        this.s = stores;
        this.look = look;
        this.clock = clock;
    }

    CreatePolicyResponse createPolicy(RequestContext ctx, CreatePolicyRequest req) {
        String type = type(req.typeAsString());
        OrgPolicy created = s.jdbc().inTransaction(c -> {
            Organization o = look.lockManaged(ctx);
            available(o, type);
            PolicyContent.check(type, req.content());
            if (s.policies().nameTaken(o.orgId(), type, req.name())) throw OrgErrors.duplicatePolicy();
            if (s.policies().count(o.orgId()) >= MAX_POLICIES) {
                throw OrgErrors.constraint("POLICY_NUMBER_LIMIT_EXCEEDED", "You attempted to exceed the number of"
                        + " policies that you can have in an organization.");
            }
            OrgPolicy p = new OrgPolicy(OrgIds.policy(), o.orgId(), req.name(),
                    req.description() == null ? "" : req.description(), type, req.content(), clock.instant());
            s.policies().insert(p);
            s.policies().putTags(p.policyId(), OrgTags.of(req.tags()));
            return p;
        });
        return CreatePolicyResponse.builder().policy(OrgShapes.policy(look.managedOrg(ctx), created)).build();
    }

    UpdatePolicyResponse updatePolicy(RequestContext ctx, UpdatePolicyRequest req) {
        OrgPolicy updated = s.jdbc().inTransaction(c -> {
            Organization o = look.lockManaged(ctx);
            OrgPolicy p = mutable(o, req.policyId());
            String name = req.name() == null ? p.name() : req.name();
            if (!name.equals(p.name()) && s.policies().nameTaken(o.orgId(), p.type(), name)) {
                throw OrgErrors.duplicatePolicy();
            }
            String content = req.content() == null ? p.content() : req.content();
            PolicyContent.check(p.type(), content);
            OrgPolicy next = new OrgPolicy(p.policyId(), p.orgId(), name,
                    req.description() == null ? p.description() : req.description(), p.type(), content, clock.instant());
            s.policies().update(next);
            return next;
        });
        return UpdatePolicyResponse.builder().policy(OrgShapes.policy(look.managedOrg(ctx), updated)).build();
    }

    DeletePolicyResponse deletePolicy(RequestContext ctx, DeletePolicyRequest req) {
        s.jdbc().inTransaction(c -> {
            Organization o = look.lockManaged(ctx);
            OrgPolicy p = mutable(o, req.policyId());
            if (!s.policies().targets(o.orgId(), p.policyId()).isEmpty()) throw OrgErrors.policyInUse();
            s.policies().delete(p.policyId());
            return null;
        });
        return DeletePolicyResponse.builder().build();
    }

    DescribePolicyResponse describePolicy(RequestContext ctx, DescribePolicyRequest req) {
        Organization o = look.readableOrg(ctx);
        return DescribePolicyResponse.builder().policy(OrgShapes.policy(o, policy(o, req.policyId()))).build();
    }

    ListPoliciesResponse listPolicies(RequestContext ctx, ListPoliciesRequest req) {
        Organization o = look.readableOrg(ctx);
        String type = type(req.filterAsString());
        List<PolicySummary> all = new ArrayList<>();
        if (type.equals(OrgPolicies.SCP)) all.add(OrgShapes.summary(o, OrgPolicies.FULL_AWS_ACCESS));
        for (OrgPolicy p : s.policies().list(o.orgId(), type)) all.add(OrgShapes.summary(o, p));
        Pages.Page<PolicySummary> page = Pages.of(all, req.nextToken(), req.maxResults());
        return ListPoliciesResponse.builder().policies(page.items()).nextToken(page.nextToken()).build();
    }

    AttachPolicyResponse attachPolicy(RequestContext ctx, AttachPolicyRequest req) {
        s.jdbc().inTransaction(c -> {
            Organization o = look.lockManaged(ctx);
            OrgPolicy p = policy(o, req.policyId());
            String target = look.target(o, req.targetId());
            if (!s.orgs().enabledPolicyTypes(o.orgId()).contains(p.type())) throw OrgErrors.policyTypeNotEnabled();
            List<String> attached = s.policies().attached(o.orgId(), target, p.type());
            if (attached.contains(p.policyId())) throw OrgErrors.duplicateAttachment();
            int max = p.type().equals(OrgPolicies.SCP) || p.type().equals("RESOURCE_CONTROL_POLICY")
                    ? MAX_SCPS_PER_TARGET : MAX_OTHER_PER_TARGET;
            if (attached.size() >= max) {
                throw OrgErrors.constraint("MAX_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED", "You attempted to attach a"
                        + " policy to an entity that would cause the entity to have more than the maximum number of"
                        + " policies of a certain type.");
            }
            s.policies().attach(o.orgId(), target, p.policyId(), p.type());
            return null;
        });
        return AttachPolicyResponse.builder().build();
    }

    DetachPolicyResponse detachPolicy(RequestContext ctx, DetachPolicyRequest req) {
        s.jdbc().inTransaction(c -> {
            Organization o = look.lockManaged(ctx);
            OrgPolicy p = policy(o, req.policyId());
            String target = look.target(o, req.targetId());
            List<String> attached = s.policies().attached(o.orgId(), target, p.type());
            if (!attached.contains(p.policyId())) throw OrgErrors.notAttached();
            if (attached.size() == 1 && (p.type().equals(OrgPolicies.SCP) || p.type().equals("RESOURCE_CONTROL_POLICY"))) {
                throw OrgErrors.constraint("MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED", "You attempted to detach a"
                        + " policy from an entity that would cause the entity to have fewer than the minimum number of"
                        + " policies of a certain type required.");
            }
            s.policies().detach(o.orgId(), target, p.policyId());
            return null;
        });
        return DetachPolicyResponse.builder().build();
    }

    ListPoliciesForTargetResponse listPoliciesForTarget(RequestContext ctx, ListPoliciesForTargetRequest req) {
        Organization o = look.readableOrg(ctx);
        String type = type(req.filterAsString());
        String target = look.target(o, req.targetId());
        List<PolicySummary> all = new ArrayList<>();
        for (String id : s.policies().attached(o.orgId(), target, type)) {
            s.policies().find(o.orgId(), id).ifPresent(p -> all.add(OrgShapes.summary(o, p)));
        }
        Pages.Page<PolicySummary> page = Pages.of(all, req.nextToken(), req.maxResults());
        return ListPoliciesForTargetResponse.builder().policies(page.items()).nextToken(page.nextToken()).build();
    }

    ListTargetsForPolicyResponse listTargetsForPolicy(RequestContext ctx, ListTargetsForPolicyRequest req) {
        Organization o = look.readableOrg(ctx);
        OrgPolicy p = policy(o, req.policyId());
        List<PolicyTargetSummary> all = new ArrayList<>();
        for (String target : s.policies().targets(o.orgId(), p.policyId())) all.add(targetSummary(o, target));
        Pages.Page<PolicyTargetSummary> page = Pages.of(all, req.nextToken(), req.maxResults());
        return ListTargetsForPolicyResponse.builder().targets(page.items()).nextToken(page.nextToken()).build();
    }

    private PolicyTargetSummary targetSummary(Organization o, String target) {
        PolicyTargetSummary.Builder b = PolicyTargetSummary.builder().targetId(target).arn(OrgArns.target(o, target));
        return switch (OrgIds.kind(target)) {
            case ROOT -> b.name("Root").type("ROOT").build();
            case OU -> b.name(s.orgs().unit(o.orgId(), target).map(OrgUnit::name).orElse(target))
                    .type("ORGANIZATIONAL_UNIT").build();
            default -> b.name(s.orgs().profile(target).name()).type("ACCOUNT").build();
        };
    }

    EnablePolicyTypeResponse enablePolicyType(RequestContext ctx, EnablePolicyTypeRequest req) {
        String type = type(req.policyTypeAsString());
        Organization org = s.jdbc().inTransaction(c -> {
            Organization o = look.lockManaged(ctx);
            root(o, req.rootId());
            available(o, type);
            if (s.orgs().enabledPolicyTypes(o.orgId()).contains(type)) throw OrgErrors.policyTypeAlreadyEnabled();
            s.orgs().enablePolicyType(o.orgId(), type);
            if (type.equals(OrgPolicies.SCP)) {
                for (String target : everyTarget(o)) {
                    s.policies().attach(o.orgId(), target, OrgPolicies.FULL_AWS_ACCESS_ID, OrgPolicies.SCP);
                }
            }
            return o;
        });
        return EnablePolicyTypeResponse.builder().root(OrgShapes.root(org, s.orgs().enabledPolicyTypes(org.orgId())))
                .build();
    }

    DisablePolicyTypeResponse disablePolicyType(RequestContext ctx, DisablePolicyTypeRequest req) {
        String type = type(req.policyTypeAsString());
        Organization org = s.jdbc().inTransaction(c -> {
            Organization o = look.lockManaged(ctx);
            root(o, req.rootId());
            if (!s.orgs().enabledPolicyTypes(o.orgId()).contains(type)) throw OrgErrors.policyTypeNotEnabled();
            s.policies().detachType(o.orgId(), type);
            s.orgs().disablePolicyType(o.orgId(), type);
            return o;
        });
        return DisablePolicyTypeResponse.builder().root(OrgShapes.root(org, s.orgs().enabledPolicyTypes(org.orgId())))
                .build();
    }

    /**
     * The effective management policy of an account (members may ask about themselves only; the management account
     * and delegated administrators about any account). SCPs have no effective policy document.
     */
    DescribeEffectivePolicyResponse describeEffectivePolicy(RequestContext ctx, DescribeEffectivePolicyRequest req) {
        String type = req.policyTypeAsString();
        if (type == null || type.equals(OrgPolicies.SCP) || !TYPES.contains(type)) {
            throw OrgErrors.invalidInput("INVALID_ENUM_POLICY_TYPE", "You specified an invalid policy type string.");
        }
        Organization o = look.callerOrg(ctx);
        String target = req.targetId() == null ? ctx.accountId() : req.targetId();
        if (!target.equals(ctx.accountId())) look.readableOrg(ctx);
        if (OrgIds.kind(target) != OrgIds.Kind.ACCOUNT) {
            throw OrgErrors.invalidInput("TARGET_NOT_SUPPORTED", "You can't perform the specified operation on that"
                    + " target entity.");
        }
        Member m = look.member(o, target);
        List<List<String>> levels = new ArrayList<>();
        boolean any = false;
        List<String> path = look.pathTo(o, m.parentId());
        path.add(m.accountId());
        for (String level : path) {
            List<String> docs = new ArrayList<>();
            for (String id : s.policies().attached(o.orgId(), level, type)) {
                s.policies().find(o.orgId(), id).ifPresent(p -> docs.add(p.content()));
            }
            any |= !docs.isEmpty();
            levels.add(docs);
        }
        if (!any) throw OrgErrors.effectivePolicyNotFound();
        return DescribeEffectivePolicyResponse.builder().effectivePolicy(EffectivePolicy.builder()
                .policyContent(EffectivePolicies.merge(levels)).lastUpdatedTimestamp(clock.instant())
                .targetId(target).policyType(type).build()).build();
    }

    private List<String> everyTarget(Organization o) {
        List<String> out = new ArrayList<>();
        out.add(o.rootId());
        collect(o, o.rootId(), out);
        return out;
    }

    private void collect(Organization o, String parent, List<String> out) {
        for (Member m : s.orgs().membersOf(o.orgId(), parent)) out.add(m.accountId());
        for (OrgUnit u : s.orgs().units(o.orgId(), parent)) {
            out.add(u.ouId());
            collect(o, u.ouId(), out);
        }
    }

    private void root(Organization o, String rootId) {
        if (rootId == null || !o.rootId().equals(rootId)) throw OrgErrors.rootNotFound();
    }

    private static void available(Organization o, String type) {
        if (!o.allFeatures()) throw OrgErrors.policyTypeNotAvailable();
    }

    private static String type(String type) {
        if (type == null || !TYPES.contains(type)) {
            throw OrgErrors.invalidInput("INVALID_ENUM_POLICY_TYPE", "You specified an invalid policy type string.");
        }
        return type;
    }

    OrgPolicy policy(Organization o, String policyId) {
        if (policyId == null || !OrgIds.POLICY.matcher(policyId).matches()) {
            throw OrgErrors.invalidInput("INVALID_SYNTAX_POLICY_ID", "You specified an invalid policy ID.");
        }
        return s.policies().find(o.orgId(), policyId).orElseThrow(OrgErrors::policyNotFound);
    }

    private OrgPolicy mutable(Organization o, String policyId) {
        OrgPolicy p = policy(o, policyId);
        if (p.awsManaged()) {
            throw OrgErrors.invalidInput("IMMUTABLE_POLICY", "You specified a policy that is managed by AWS and can't be"
                    + " modified.");
        }
        return p;
    }
}
