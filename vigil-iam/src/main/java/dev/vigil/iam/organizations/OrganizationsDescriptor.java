package dev.vigil.iam.organizations;

import dev.vigil.core.service.Constraint;
import dev.vigil.core.service.OperationDescriptor;
import dev.vigil.core.service.OperationHandler;
import dev.vigil.core.service.Protocol;
import dev.vigil.core.service.ResourceResolver;
import dev.vigil.core.service.ServiceDescriptor;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.organizations.model.AcceptHandshakeRequest;
import software.amazon.awssdk.services.organizations.model.AcceptHandshakeResponse;
import software.amazon.awssdk.services.organizations.model.AttachPolicyRequest;
import software.amazon.awssdk.services.organizations.model.AttachPolicyResponse;
import software.amazon.awssdk.services.organizations.model.CancelHandshakeRequest;
import software.amazon.awssdk.services.organizations.model.CancelHandshakeResponse;
import software.amazon.awssdk.services.organizations.model.ChildType;
import software.amazon.awssdk.services.organizations.model.CloseAccountRequest;
import software.amazon.awssdk.services.organizations.model.CloseAccountResponse;
import software.amazon.awssdk.services.organizations.model.CreateAccountRequest;
import software.amazon.awssdk.services.organizations.model.CreateAccountResponse;
import software.amazon.awssdk.services.organizations.model.CreateOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.CreateOrganizationResponse;
import software.amazon.awssdk.services.organizations.model.CreateOrganizationalUnitRequest;
import software.amazon.awssdk.services.organizations.model.CreateOrganizationalUnitResponse;
import software.amazon.awssdk.services.organizations.model.CreatePolicyRequest;
import software.amazon.awssdk.services.organizations.model.CreatePolicyResponse;
import software.amazon.awssdk.services.organizations.model.DeclineHandshakeRequest;
import software.amazon.awssdk.services.organizations.model.DeclineHandshakeResponse;
import software.amazon.awssdk.services.organizations.model.DeleteOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.DeleteOrganizationResponse;
import software.amazon.awssdk.services.organizations.model.DeleteOrganizationalUnitRequest;
import software.amazon.awssdk.services.organizations.model.DeleteOrganizationalUnitResponse;
import software.amazon.awssdk.services.organizations.model.DeletePolicyRequest;
import software.amazon.awssdk.services.organizations.model.DeletePolicyResponse;
import software.amazon.awssdk.services.organizations.model.DeregisterDelegatedAdministratorRequest;
import software.amazon.awssdk.services.organizations.model.DeregisterDelegatedAdministratorResponse;
import software.amazon.awssdk.services.organizations.model.DescribeAccountRequest;
import software.amazon.awssdk.services.organizations.model.DescribeAccountResponse;
import software.amazon.awssdk.services.organizations.model.DescribeCreateAccountStatusRequest;
import software.amazon.awssdk.services.organizations.model.DescribeCreateAccountStatusResponse;
import software.amazon.awssdk.services.organizations.model.DescribeEffectivePolicyRequest;
import software.amazon.awssdk.services.organizations.model.DescribeEffectivePolicyResponse;
import software.amazon.awssdk.services.organizations.model.DescribeHandshakeRequest;
import software.amazon.awssdk.services.organizations.model.DescribeHandshakeResponse;
import software.amazon.awssdk.services.organizations.model.DescribeOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.DescribeOrganizationResponse;
import software.amazon.awssdk.services.organizations.model.DescribeOrganizationalUnitRequest;
import software.amazon.awssdk.services.organizations.model.DescribeOrganizationalUnitResponse;
import software.amazon.awssdk.services.organizations.model.DescribePolicyRequest;
import software.amazon.awssdk.services.organizations.model.DescribePolicyResponse;
import software.amazon.awssdk.services.organizations.model.DetachPolicyRequest;
import software.amazon.awssdk.services.organizations.model.DetachPolicyResponse;
import software.amazon.awssdk.services.organizations.model.DisableAwsServiceAccessRequest;
import software.amazon.awssdk.services.organizations.model.DisableAwsServiceAccessResponse;
import software.amazon.awssdk.services.organizations.model.DisablePolicyTypeRequest;
import software.amazon.awssdk.services.organizations.model.DisablePolicyTypeResponse;
import software.amazon.awssdk.services.organizations.model.EnableAwsServiceAccessRequest;
import software.amazon.awssdk.services.organizations.model.EnableAwsServiceAccessResponse;
import software.amazon.awssdk.services.organizations.model.EnablePolicyTypeRequest;
import software.amazon.awssdk.services.organizations.model.EnablePolicyTypeResponse;
import software.amazon.awssdk.services.organizations.model.HandshakeParty;
import software.amazon.awssdk.services.organizations.model.InviteAccountToOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.InviteAccountToOrganizationResponse;
import software.amazon.awssdk.services.organizations.model.LeaveOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.LeaveOrganizationResponse;
import software.amazon.awssdk.services.organizations.model.ListAccountsForParentRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListAccountsRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.organizations.model.ListAwsServiceAccessForOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.ListAwsServiceAccessForOrganizationResponse;
import software.amazon.awssdk.services.organizations.model.ListChildrenRequest;
import software.amazon.awssdk.services.organizations.model.ListChildrenResponse;
import software.amazon.awssdk.services.organizations.model.ListCreateAccountStatusRequest;
import software.amazon.awssdk.services.organizations.model.ListCreateAccountStatusResponse;
import software.amazon.awssdk.services.organizations.model.ListDelegatedAdministratorsRequest;
import software.amazon.awssdk.services.organizations.model.ListDelegatedAdministratorsResponse;
import software.amazon.awssdk.services.organizations.model.ListDelegatedServicesForAccountRequest;
import software.amazon.awssdk.services.organizations.model.ListDelegatedServicesForAccountResponse;
import software.amazon.awssdk.services.organizations.model.ListHandshakesForAccountRequest;
import software.amazon.awssdk.services.organizations.model.ListHandshakesForAccountResponse;
import software.amazon.awssdk.services.organizations.model.ListHandshakesForOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.ListHandshakesForOrganizationResponse;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentRequest;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListParentsRequest;
import software.amazon.awssdk.services.organizations.model.ListParentsResponse;
import software.amazon.awssdk.services.organizations.model.ListPoliciesForTargetRequest;
import software.amazon.awssdk.services.organizations.model.ListPoliciesForTargetResponse;
import software.amazon.awssdk.services.organizations.model.ListPoliciesRequest;
import software.amazon.awssdk.services.organizations.model.ListPoliciesResponse;
import software.amazon.awssdk.services.organizations.model.ListRootsRequest;
import software.amazon.awssdk.services.organizations.model.ListRootsResponse;
import software.amazon.awssdk.services.organizations.model.ListTagsForResourceRequest;
import software.amazon.awssdk.services.organizations.model.ListTagsForResourceResponse;
import software.amazon.awssdk.services.organizations.model.ListTargetsForPolicyRequest;
import software.amazon.awssdk.services.organizations.model.ListTargetsForPolicyResponse;
import software.amazon.awssdk.services.organizations.model.MoveAccountRequest;
import software.amazon.awssdk.services.organizations.model.MoveAccountResponse;
import software.amazon.awssdk.services.organizations.model.PolicyType;
import software.amazon.awssdk.services.organizations.model.RegisterDelegatedAdministratorRequest;
import software.amazon.awssdk.services.organizations.model.RegisterDelegatedAdministratorResponse;
import software.amazon.awssdk.services.organizations.model.RemoveAccountFromOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.RemoveAccountFromOrganizationResponse;
import software.amazon.awssdk.services.organizations.model.Tag;
import software.amazon.awssdk.services.organizations.model.TagResourceRequest;
import software.amazon.awssdk.services.organizations.model.TagResourceResponse;
import software.amazon.awssdk.services.organizations.model.UntagResourceRequest;
import software.amazon.awssdk.services.organizations.model.UntagResourceResponse;
import software.amazon.awssdk.services.organizations.model.UpdateOrganizationalUnitRequest;
import software.amazon.awssdk.services.organizations.model.UpdateOrganizationalUnitResponse;
import software.amazon.awssdk.services.organizations.model.UpdatePolicyRequest;
import software.amazon.awssdk.services.organizations.model.UpdatePolicyResponse;

/**
 * Organizations on the wire (awsJson1_1, X-Amz-Target prefix {@code AWSOrganizationsV20161128}, global: signed for
 * us-east-1 as "organizations"): per operation its IAM action ({@code organizations:<Operation>}), resources and
 * CloudTrail category. Before each operation, account creations that are due complete; after each write, the SCP
 * cache is dropped. Stateless once built.
 */
public final class OrganizationsDescriptor {
    public static final String TARGET_PREFIX = "AWSOrganizationsV20161128";
    public static final String ERROR_NAMESPACE = "com.amazonaws.organizations";

    private final ServiceDescriptor.Builder b;
    private final Runnable before;
    private final Runnable afterWrite;

    private OrganizationsDescriptor(ServiceDescriptor.Builder b, Runnable before, Runnable afterWrite) {
        this.b = b;
        this.before = before;
        this.afterWrite = afterWrite;
    }

    static ServiceDescriptor create(OrgProviders p, OrgResources r, Runnable before, Runnable afterWrite) {
        ServiceDescriptor.Builder b = ServiceDescriptor.builder("organizations")
                .displayName("organizations")
                .protocols(Protocol.AWS_JSON_1_1)
                .jsonTargetPrefix(TARGET_PREFIX)
                .errorNamespace(ERROR_NAMESPACE)
                .global()
                .validationErrorCode(OrgErrors.INVALID_INPUT);
        OrgErrors.declare(b);
        constraints(b);
        OrganizationsDescriptor d = new OrganizationsDescriptor(b, before, afterWrite);
        d.organization(p.accounts(), r);
        d.tree(p.tree(), r);
        d.policies(p.policies(), r);
        d.handshakes(p.handshakes(), r);
        d.services(p.services(), p.tags(), r);
        return b.build();
    }

    private static void constraints(ServiceDescriptor.Builder b) {
        // The SDK model of 2.40.2 carries no RequiredTrait: the API reference's required members.
        required(b, AcceptHandshakeRequest.class, "HandshakeId");
        required(b, AttachPolicyRequest.class, "PolicyId", "TargetId");
        required(b, CancelHandshakeRequest.class, "HandshakeId");
        required(b, CloseAccountRequest.class, "AccountId");
        required(b, CreateAccountRequest.class, "Email", "AccountName");
        required(b, CreateOrganizationalUnitRequest.class, "ParentId", "Name");
        required(b, CreatePolicyRequest.class, "Content", "Description", "Name", "Type");
        required(b, DeclineHandshakeRequest.class, "HandshakeId");
        required(b, DeleteOrganizationalUnitRequest.class, "OrganizationalUnitId");
        required(b, DeletePolicyRequest.class, "PolicyId");
        required(b, DeregisterDelegatedAdministratorRequest.class, "AccountId", "ServicePrincipal");
        required(b, DescribeAccountRequest.class, "AccountId");
        required(b, DescribeCreateAccountStatusRequest.class, "CreateAccountRequestId");
        required(b, DescribeEffectivePolicyRequest.class, "PolicyType");
        required(b, DescribeHandshakeRequest.class, "HandshakeId");
        required(b, DescribeOrganizationalUnitRequest.class, "OrganizationalUnitId");
        required(b, DescribePolicyRequest.class, "PolicyId");
        required(b, DetachPolicyRequest.class, "PolicyId", "TargetId");
        required(b, DisableAwsServiceAccessRequest.class, "ServicePrincipal");
        required(b, DisablePolicyTypeRequest.class, "RootId", "PolicyType");
        required(b, EnableAwsServiceAccessRequest.class, "ServicePrincipal");
        required(b, EnablePolicyTypeRequest.class, "RootId", "PolicyType");
        required(b, InviteAccountToOrganizationRequest.class, "Target");
        required(b, ListAccountsForParentRequest.class, "ParentId");
        required(b, ListChildrenRequest.class, "ParentId", "ChildType");
        required(b, ListDelegatedServicesForAccountRequest.class, "AccountId");
        required(b, ListOrganizationalUnitsForParentRequest.class, "ParentId");
        required(b, ListParentsRequest.class, "ChildId");
        required(b, ListPoliciesRequest.class, "Filter");
        required(b, ListPoliciesForTargetRequest.class, "TargetId", "Filter");
        required(b, ListTagsForResourceRequest.class, "ResourceId");
        required(b, ListTargetsForPolicyRequest.class, "PolicyId");
        required(b, MoveAccountRequest.class, "AccountId", "SourceParentId", "DestinationParentId");
        required(b, RegisterDelegatedAdministratorRequest.class, "AccountId", "ServicePrincipal");
        required(b, RemoveAccountFromOrganizationRequest.class, "AccountId");
        required(b, TagResourceRequest.class, "ResourceId", "Tags");
        required(b, UntagResourceRequest.class, "ResourceId", "TagKeys");
        required(b, UpdateOrganizationalUnitRequest.class, "OrganizationalUnitId");
        required(b, UpdatePolicyRequest.class, "PolicyId");
        required(b, HandshakeParty.class, "Id", "Type");
        required(b, Tag.class, "Key", "Value");
        b.constrain(CreateAccountRequest.class, "Email", Constraint.length(6, 64),
                Constraint.pattern("[^\\s@]+@[^\\s@]+\\.[^\\s@]+"));
        b.constrain(CreateAccountRequest.class, "AccountName", Constraint.length(1, 50));
        b.constrain(CreateOrganizationalUnitRequest.class, "Name", Constraint.length(1, 128));
        b.constrain(UpdateOrganizationalUnitRequest.class, "Name", Constraint.length(1, 128));
        b.constrain(CreatePolicyRequest.class, "Name", Constraint.length(1, 128));
        b.constrain(CreatePolicyRequest.class, "Description", Constraint.length(0, 512));
        b.constrain(CreatePolicyRequest.class, "Content", Constraint.length(1, 1_000_000));
        b.constrain(UpdatePolicyRequest.class, "Name", Constraint.length(1, 128));
        b.constrain(UpdatePolicyRequest.class, "Description", Constraint.length(0, 512));
        b.constrain(InviteAccountToOrganizationRequest.class, "Notes", Constraint.length(0, 1024));
    }

    private static void required(ServiceDescriptor.Builder b, Class<?> shape, String... members) {
        for (String m : members) b.constrain(shape, m, Constraint.required());
    }

    private void organization(AccountsProvider a, OrgResources r) {
        write("CreateOrganization", CreateOrganizationRequest.class, CreateOrganizationResponse.class,
                a::createOrganization, ResourceResolver.all());
        read("DescribeOrganization", DescribeOrganizationRequest.class, DescribeOrganizationResponse.class,
                a::describeOrganization, ResourceResolver.all());
        write("DeleteOrganization", DeleteOrganizationRequest.class, DeleteOrganizationResponse.class,
                a::deleteOrganization, ResourceResolver.all());
        write("CreateAccount", CreateAccountRequest.class, CreateAccountResponse.class, a::createAccount,
                ResourceResolver.all());
        read("DescribeCreateAccountStatus", DescribeCreateAccountStatusRequest.class,
                DescribeCreateAccountStatusResponse.class, a::describeCreateAccountStatus, ResourceResolver.all());
        read("ListCreateAccountStatus", ListCreateAccountStatusRequest.class, ListCreateAccountStatusResponse.class,
                a::listCreateAccountStatus, ResourceResolver.all());
        read("DescribeAccount", DescribeAccountRequest.class, DescribeAccountResponse.class, a::describeAccount,
                r.target(DescribeAccountRequest::accountId));
        read("ListAccounts", ListAccountsRequest.class, ListAccountsResponse.class, a::listAccounts,
                ResourceResolver.all());
        read("ListAccountsForParent", ListAccountsForParentRequest.class, ListAccountsForParentResponse.class,
                a::listAccountsForParent, r.target(ListAccountsForParentRequest::parentId));
        write("MoveAccount", MoveAccountRequest.class, MoveAccountResponse.class, a::moveAccount,
                r.target(MoveAccountRequest::accountId));
        write("RemoveAccountFromOrganization", RemoveAccountFromOrganizationRequest.class,
                RemoveAccountFromOrganizationResponse.class, a::removeAccountFromOrganization,
                r.target(RemoveAccountFromOrganizationRequest::accountId));
        write("LeaveOrganization", LeaveOrganizationRequest.class, LeaveOrganizationResponse.class,
                a::leaveOrganization, ResourceResolver.all());
        write("CloseAccount", CloseAccountRequest.class, CloseAccountResponse.class, a::closeAccount,
                r.target(CloseAccountRequest::accountId));
    }

    private void tree(TreeProvider t, OrgResources r) {
        read("ListRoots", ListRootsRequest.class, ListRootsResponse.class, t::listRoots, ResourceResolver.all());
        write("CreateOrganizationalUnit", CreateOrganizationalUnitRequest.class, CreateOrganizationalUnitResponse.class,
                t::createOrganizationalUnit, r.target(CreateOrganizationalUnitRequest::parentId));
        write("UpdateOrganizationalUnit", UpdateOrganizationalUnitRequest.class, UpdateOrganizationalUnitResponse.class,
                t::updateOrganizationalUnit, r.target(UpdateOrganizationalUnitRequest::organizationalUnitId));
        write("DeleteOrganizationalUnit", DeleteOrganizationalUnitRequest.class, DeleteOrganizationalUnitResponse.class,
                t::deleteOrganizationalUnit, r.target(DeleteOrganizationalUnitRequest::organizationalUnitId));
        read("DescribeOrganizationalUnit", DescribeOrganizationalUnitRequest.class,
                DescribeOrganizationalUnitResponse.class, t::describeOrganizationalUnit,
                r.target(DescribeOrganizationalUnitRequest::organizationalUnitId));
        read("ListOrganizationalUnitsForParent", ListOrganizationalUnitsForParentRequest.class,
                ListOrganizationalUnitsForParentResponse.class, t::listOrganizationalUnitsForParent,
                r.target(ListOrganizationalUnitsForParentRequest::parentId));
        read("ListChildren", ListChildrenRequest.class, ListChildrenResponse.class, t::listChildren,
                r.target(ListChildrenRequest::parentId));
        read("ListParents", ListParentsRequest.class, ListParentsResponse.class, t::listParents,
                r.target(ListParentsRequest::childId));
    }

    private void policies(OrgPolicyProvider p, OrgResources r) {
        write("CreatePolicy", CreatePolicyRequest.class, CreatePolicyResponse.class, p::createPolicy,
                ResourceResolver.all());
        write("UpdatePolicy", UpdatePolicyRequest.class, UpdatePolicyResponse.class, p::updatePolicy,
                r.policy(UpdatePolicyRequest::policyId));
        write("DeletePolicy", DeletePolicyRequest.class, DeletePolicyResponse.class, p::deletePolicy,
                r.policy(DeletePolicyRequest::policyId));
        read("DescribePolicy", DescribePolicyRequest.class, DescribePolicyResponse.class, p::describePolicy,
                r.policy(DescribePolicyRequest::policyId));
        read("ListPolicies", ListPoliciesRequest.class, ListPoliciesResponse.class, p::listPolicies,
                ResourceResolver.all());
        write("AttachPolicy", AttachPolicyRequest.class, AttachPolicyResponse.class, p::attachPolicy,
                r.policyAndTarget(AttachPolicyRequest::policyId, AttachPolicyRequest::targetId));
        write("DetachPolicy", DetachPolicyRequest.class, DetachPolicyResponse.class, p::detachPolicy,
                r.policyAndTarget(DetachPolicyRequest::policyId, DetachPolicyRequest::targetId));
        read("ListPoliciesForTarget", ListPoliciesForTargetRequest.class, ListPoliciesForTargetResponse.class,
                p::listPoliciesForTarget, r.target(ListPoliciesForTargetRequest::targetId));
        read("ListTargetsForPolicy", ListTargetsForPolicyRequest.class, ListTargetsForPolicyResponse.class,
                p::listTargetsForPolicy, r.policy(ListTargetsForPolicyRequest::policyId));
        write("EnablePolicyType", EnablePolicyTypeRequest.class, EnablePolicyTypeResponse.class, p::enablePolicyType,
                r.target(EnablePolicyTypeRequest::rootId));
        write("DisablePolicyType", DisablePolicyTypeRequest.class, DisablePolicyTypeResponse.class,
                p::disablePolicyType, r.target(DisablePolicyTypeRequest::rootId));
        read("DescribeEffectivePolicy", DescribeEffectivePolicyRequest.class, DescribeEffectivePolicyResponse.class,
                p::describeEffectivePolicy, (ctx, req) -> req.targetId() == null ? java.util.List.of("*")
                        : r.target(DescribeEffectivePolicyRequest::targetId).resources(ctx, req));
    }

    private void handshakes(HandshakeProvider h, OrgResources r) {
        write("InviteAccountToOrganization", InviteAccountToOrganizationRequest.class,
                InviteAccountToOrganizationResponse.class, h::inviteAccountToOrganization, ResourceResolver.all());
        write("AcceptHandshake", AcceptHandshakeRequest.class, AcceptHandshakeResponse.class, h::acceptHandshake,
                r.handshake(AcceptHandshakeRequest::handshakeId));
        write("DeclineHandshake", DeclineHandshakeRequest.class, DeclineHandshakeResponse.class, h::declineHandshake,
                r.handshake(DeclineHandshakeRequest::handshakeId));
        write("CancelHandshake", CancelHandshakeRequest.class, CancelHandshakeResponse.class, h::cancelHandshake,
                r.handshake(CancelHandshakeRequest::handshakeId));
        read("DescribeHandshake", DescribeHandshakeRequest.class, DescribeHandshakeResponse.class, h::describeHandshake,
                r.handshake(DescribeHandshakeRequest::handshakeId));
        read("ListHandshakesForAccount", ListHandshakesForAccountRequest.class, ListHandshakesForAccountResponse.class,
                h::listHandshakesForAccount, ResourceResolver.all());
        read("ListHandshakesForOrganization", ListHandshakesForOrganizationRequest.class,
                ListHandshakesForOrganizationResponse.class, h::listHandshakesForOrganization, ResourceResolver.all());
    }

    private void services(ServiceAccessProvider s, TagProvider t, OrgResources r) {
        write("EnableAWSServiceAccess", EnableAwsServiceAccessRequest.class, EnableAwsServiceAccessResponse.class,
                s::enableAWSServiceAccess, ResourceResolver.all());
        write("DisableAWSServiceAccess", DisableAwsServiceAccessRequest.class, DisableAwsServiceAccessResponse.class,
                s::disableAWSServiceAccess, ResourceResolver.all());
        read("ListAWSServiceAccessForOrganization", ListAwsServiceAccessForOrganizationRequest.class,
                ListAwsServiceAccessForOrganizationResponse.class, s::listAWSServiceAccessForOrganization,
                ResourceResolver.all());
        write("RegisterDelegatedAdministrator", RegisterDelegatedAdministratorRequest.class,
                RegisterDelegatedAdministratorResponse.class, s::registerDelegatedAdministrator,
                r.target(RegisterDelegatedAdministratorRequest::accountId));
        write("DeregisterDelegatedAdministrator", DeregisterDelegatedAdministratorRequest.class,
                DeregisterDelegatedAdministratorResponse.class, s::deregisterDelegatedAdministrator,
                r.target(DeregisterDelegatedAdministratorRequest::accountId));
        read("ListDelegatedAdministrators", ListDelegatedAdministratorsRequest.class,
                ListDelegatedAdministratorsResponse.class, s::listDelegatedAdministrators, ResourceResolver.all());
        read("ListDelegatedServicesForAccount", ListDelegatedServicesForAccountRequest.class,
                ListDelegatedServicesForAccountResponse.class, s::listDelegatedServicesForAccount,
                r.target(ListDelegatedServicesForAccountRequest::accountId));
        write("TagResource", TagResourceRequest.class, TagResourceResponse.class, t::tagResource,
                r.taggable(TagResourceRequest::resourceId));
        write("UntagResource", UntagResourceRequest.class, UntagResourceResponse.class, t::untagResource,
                r.taggable(UntagResourceRequest::resourceId));
        read("ListTagsForResource", ListTagsForResourceRequest.class, ListTagsForResourceResponse.class,
                t::listTagsForResource, r.taggable(ListTagsForResourceRequest::resourceId));
    }

    /** Describe/List operations: CloudTrail readOnly. */
    private <I extends SdkPojo, O extends SdkPojo> void read(String name, Class<I> in, Class<O> out,
                                                             OperationHandler<I, O> h, ResourceResolver<I> res) {
        OperationHandler<I, O> completing = (ctx, req) -> {
            before.run();
            return h.handle(ctx, req);
        };
        b.operation(OperationDescriptor.builder(name, in, out).handler(completing).iamAction("organizations:" + name)
                .resources(res).readOnly().build());
    }

    private <I extends SdkPojo, O extends SdkPojo> void write(String name, Class<I> in, Class<O> out,
                                                              OperationHandler<I, O> h, ResourceResolver<I> res) {
        OperationHandler<I, O> invalidating = (ctx, req) -> {
            before.run();
            try {
                return h.handle(ctx, req);
            } finally {
                afterWrite.run();
            }
        };
        b.operation(OperationDescriptor.builder(name, in, out).handler(invalidating).iamAction("organizations:" + name)
                .resources(res).build());
    }
}
