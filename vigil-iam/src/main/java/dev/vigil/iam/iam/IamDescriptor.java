package dev.vigil.iam.iam;

import dev.vigil.core.service.OperationDescriptor;
import dev.vigil.core.service.OperationHandler;
import dev.vigil.core.service.Protocol;
import dev.vigil.core.service.ResourceResolver;
import dev.vigil.core.service.ServiceDescriptor;
import java.util.List;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.iam.model.CreateServiceLinkedRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateServiceLinkedRoleResponse;
import software.amazon.awssdk.services.iam.model.DeleteServiceLinkedRoleRequest;
import software.amazon.awssdk.services.iam.model.DeleteServiceLinkedRoleResponse;
import software.amazon.awssdk.services.iam.model.GetServiceLinkedRoleDeletionStatusRequest;
import software.amazon.awssdk.services.iam.model.GetServiceLinkedRoleDeletionStatusResponse;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsRequest;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.AddClientIdToOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.AddClientIdToOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.CreateOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.CreateOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.CreateSamlProviderRequest;
import software.amazon.awssdk.services.iam.model.CreateSamlProviderResponse;
import software.amazon.awssdk.services.iam.model.DeleteOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.DeleteOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.DeleteSamlProviderRequest;
import software.amazon.awssdk.services.iam.model.DeleteSamlProviderResponse;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.GetSamlProviderRequest;
import software.amazon.awssdk.services.iam.model.GetSamlProviderResponse;
import software.amazon.awssdk.services.iam.model.ListOpenIdConnectProviderTagsRequest;
import software.amazon.awssdk.services.iam.model.ListOpenIdConnectProviderTagsResponse;
import software.amazon.awssdk.services.iam.model.ListOpenIdConnectProvidersRequest;
import software.amazon.awssdk.services.iam.model.ListOpenIdConnectProvidersResponse;
import software.amazon.awssdk.services.iam.model.ListSamlProviderTagsRequest;
import software.amazon.awssdk.services.iam.model.ListSamlProviderTagsResponse;
import software.amazon.awssdk.services.iam.model.ListSamlProvidersRequest;
import software.amazon.awssdk.services.iam.model.ListSamlProvidersResponse;
import software.amazon.awssdk.services.iam.model.RemoveClientIdFromOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.RemoveClientIdFromOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.TagOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.TagOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.TagSamlProviderRequest;
import software.amazon.awssdk.services.iam.model.TagSamlProviderResponse;
import software.amazon.awssdk.services.iam.model.UntagOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.UntagOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.UntagSamlProviderRequest;
import software.amazon.awssdk.services.iam.model.UntagSamlProviderResponse;
import software.amazon.awssdk.services.iam.model.UpdateOpenIdConnectProviderThumbprintRequest;
import software.amazon.awssdk.services.iam.model.UpdateOpenIdConnectProviderThumbprintResponse;
import software.amazon.awssdk.services.iam.model.UpdateSamlProviderRequest;
import software.amazon.awssdk.services.iam.model.UpdateSamlProviderResponse;
import software.amazon.awssdk.services.iam.model.AddUserToGroupRequest;
import software.amazon.awssdk.services.iam.model.AddUserToGroupResponse;
import software.amazon.awssdk.services.iam.model.AttachGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.AttachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyResponse;
import software.amazon.awssdk.services.iam.model.CreateAccountAliasRequest;
import software.amazon.awssdk.services.iam.model.CreateAccountAliasResponse;
import software.amazon.awssdk.services.iam.model.CreateGroupRequest;
import software.amazon.awssdk.services.iam.model.CreateGroupResponse;
import software.amazon.awssdk.services.iam.model.CreatePolicyRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyResponse;
import software.amazon.awssdk.services.iam.model.CreatePolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleResponse;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.CreateUserResponse;
import software.amazon.awssdk.services.iam.model.DeleteAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.DeleteAccessKeyResponse;
import software.amazon.awssdk.services.iam.model.DeleteAccountAliasRequest;
import software.amazon.awssdk.services.iam.model.DeleteAccountAliasResponse;
import software.amazon.awssdk.services.iam.model.DeleteGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.DeleteGroupRequest;
import software.amazon.awssdk.services.iam.model.DeleteGroupResponse;
import software.amazon.awssdk.services.iam.model.DeletePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyResponse;
import software.amazon.awssdk.services.iam.model.DeletePolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.DeleteRolePermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePermissionsBoundaryResponse;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.DeleteRoleRequest;
import software.amazon.awssdk.services.iam.model.DeleteRoleResponse;
import software.amazon.awssdk.services.iam.model.DeleteUserPermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserPermissionsBoundaryResponse;
import software.amazon.awssdk.services.iam.model.DeleteUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.DeleteUserRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserResponse;
import software.amazon.awssdk.services.iam.model.DetachGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.DetachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedRequest;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedResponse;
import software.amazon.awssdk.services.iam.model.GetAccountSummaryRequest;
import software.amazon.awssdk.services.iam.model.GetAccountSummaryResponse;
import software.amazon.awssdk.services.iam.model.GetGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetGroupRequest;
import software.amazon.awssdk.services.iam.model.GetGroupResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.GetRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetRoleRequest;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;
import software.amazon.awssdk.services.iam.model.GetUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetUserRequest;
import software.amazon.awssdk.services.iam.model.GetUserResponse;
import software.amazon.awssdk.services.iam.model.ListAccessKeysRequest;
import software.amazon.awssdk.services.iam.model.ListAccessKeysResponse;
import software.amazon.awssdk.services.iam.model.ListAccountAliasesRequest;
import software.amazon.awssdk.services.iam.model.ListAccountAliasesResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedGroupPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedGroupPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyRequest;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyResponse;
import software.amazon.awssdk.services.iam.model.ListGroupPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListGroupPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListGroupsForUserRequest;
import software.amazon.awssdk.services.iam.model.ListGroupsForUserResponse;
import software.amazon.awssdk.services.iam.model.ListGroupsRequest;
import software.amazon.awssdk.services.iam.model.ListGroupsResponse;
import software.amazon.awssdk.services.iam.model.ListPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListPolicyTagsRequest;
import software.amazon.awssdk.services.iam.model.ListPolicyTagsResponse;
import software.amazon.awssdk.services.iam.model.ListPolicyVersionsRequest;
import software.amazon.awssdk.services.iam.model.ListPolicyVersionsResponse;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRoleTagsRequest;
import software.amazon.awssdk.services.iam.model.ListRoleTagsResponse;
import software.amazon.awssdk.services.iam.model.ListRolesRequest;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.ListUserPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListUserPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListUserTagsRequest;
import software.amazon.awssdk.services.iam.model.ListUserTagsResponse;
import software.amazon.awssdk.services.iam.model.ListUsersRequest;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.PutGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.PutGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.PutRolePermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.PutRolePermissionsBoundaryResponse;
import software.amazon.awssdk.services.iam.model.PutRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.PutRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.PutUserPermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.PutUserPermissionsBoundaryResponse;
import software.amazon.awssdk.services.iam.model.PutUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.PutUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.RemoveUserFromGroupRequest;
import software.amazon.awssdk.services.iam.model.RemoveUserFromGroupResponse;
import software.amazon.awssdk.services.iam.model.SetDefaultPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.SetDefaultPolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.TagPolicyRequest;
import software.amazon.awssdk.services.iam.model.TagPolicyResponse;
import software.amazon.awssdk.services.iam.model.TagRoleRequest;
import software.amazon.awssdk.services.iam.model.TagRoleResponse;
import software.amazon.awssdk.services.iam.model.TagUserRequest;
import software.amazon.awssdk.services.iam.model.TagUserResponse;
import software.amazon.awssdk.services.iam.model.UntagPolicyRequest;
import software.amazon.awssdk.services.iam.model.UntagPolicyResponse;
import software.amazon.awssdk.services.iam.model.UntagRoleRequest;
import software.amazon.awssdk.services.iam.model.UntagRoleResponse;
import software.amazon.awssdk.services.iam.model.UntagUserRequest;
import software.amazon.awssdk.services.iam.model.UntagUserResponse;
import software.amazon.awssdk.services.iam.model.UpdateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.UpdateAccessKeyResponse;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.UpdateGroupRequest;
import software.amazon.awssdk.services.iam.model.UpdateGroupResponse;
import software.amazon.awssdk.services.iam.model.UpdateRoleRequest;
import software.amazon.awssdk.services.iam.model.UpdateRoleResponse;
import software.amazon.awssdk.services.iam.model.UpdateUserRequest;
import software.amazon.awssdk.services.iam.model.UpdateUserResponse;
import software.amazon.awssdk.services.iam.model.CreateLoginProfileRequest;
import software.amazon.awssdk.services.iam.model.CreateLoginProfileResponse;
import software.amazon.awssdk.services.iam.model.CreateVirtualMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.CreateVirtualMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.DeactivateMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.DeactivateMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.DeleteLoginProfileRequest;
import software.amazon.awssdk.services.iam.model.DeleteLoginProfileResponse;
import software.amazon.awssdk.services.iam.model.DeleteVirtualMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.DeleteVirtualMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.EnableMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.EnableMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.GetLoginProfileRequest;
import software.amazon.awssdk.services.iam.model.GetLoginProfileResponse;
import software.amazon.awssdk.services.iam.model.ListMfaDevicesRequest;
import software.amazon.awssdk.services.iam.model.ListMfaDevicesResponse;
import software.amazon.awssdk.services.iam.model.ListVirtualMfaDevicesRequest;
import software.amazon.awssdk.services.iam.model.ListVirtualMfaDevicesResponse;
import software.amazon.awssdk.services.iam.model.ResyncMfaDeviceRequest;
import software.amazon.awssdk.services.iam.model.ResyncMfaDeviceResponse;
import software.amazon.awssdk.services.iam.model.UpdateLoginProfileRequest;
import software.amazon.awssdk.services.iam.model.UpdateLoginProfileResponse;

/**
 * IAM on the wire (awsQuery, API 2010-05-08, global: signed for us-east-1 as "iam"): per operation its IAM action,
 * resource ARNs and CloudTrail category. Stateless once built.
 */
public final class IamDescriptor {
    public static final String XML_NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";
    public static final String API_VERSION = "2010-05-08";

    private final ServiceDescriptor.Builder b;

    private final Runnable afterWrite;

    private IamDescriptor(ServiceDescriptor.Builder b, Runnable afterWrite) {
        this.b = b;
        this.afterWrite = afterWrite;
    }

    public static ServiceDescriptor create(IamProviders p, IamStores stores) {
        return create(p, stores, () -> { });
    }

    /** @param afterWrite runs after every mutating operation (cached policy sets depend on IAM's state) */
    public static ServiceDescriptor create(IamProviders p, IamStores stores, Runnable afterWrite) {
        ServiceDescriptor.Builder b = ServiceDescriptor.builder("iam")
                .displayName("iam")
                .protocols(Protocol.AWS_QUERY)
                .xmlNamespace(XML_NAMESPACE)
                .apiVersion(API_VERSION)
                .global()
                .validationErrorCode(IamErrors.VALIDATION_ERROR);
        IamErrors.declare(b);
        IamConstraints.declare(b);
        IamDescriptor d = new IamDescriptor(b, afterWrite);
        IamResources r = new IamResources(stores);
        d.users(p, r);
        d.groups(p, r);
        d.roles(p, r);
        d.policies(p, r);
        d.inline(p, r);
        d.keys(p, r);
        d.account(p);
        d.signInCredentials(p, r);
        d.federation(p);
        d.serviceLinkedRoles(p);
        d.simulator(stores);
        return b.build();
    }

    private void users(IamProviders p, IamResources r) {
        UserProvider u = p.users();
        write("CreateUser", CreateUserRequest.class, CreateUserResponse.class, u::createUser,
                r.newEntity(EntityKind.USER, CreateUserRequest::userName, CreateUserRequest::path));
        read("GetUser", GetUserRequest.class, GetUserResponse.class, u::getUser, r.user(GetUserRequest::userName));
        read("ListUsers", ListUsersRequest.class, ListUsersResponse.class, u::listUsers, ResourceResolver.all());
        write("UpdateUser", UpdateUserRequest.class, UpdateUserResponse.class, u::updateUser,
                r.user(UpdateUserRequest::userName));
        write("DeleteUser", DeleteUserRequest.class, DeleteUserResponse.class, u::deleteUser,
                r.user(DeleteUserRequest::userName));
        write("TagUser", TagUserRequest.class, TagUserResponse.class, u::tagUser, r.user(TagUserRequest::userName));
        write("UntagUser", UntagUserRequest.class, UntagUserResponse.class, u::untagUser,
                r.user(UntagUserRequest::userName));
        read("ListUserTags", ListUserTagsRequest.class, ListUserTagsResponse.class, u::listUserTags,
                r.user(ListUserTagsRequest::userName));
        BoundaryProvider bp = p.boundaries();
        write("PutUserPermissionsBoundary", PutUserPermissionsBoundaryRequest.class,
                PutUserPermissionsBoundaryResponse.class, bp::putUserPermissionsBoundary,
                r.user(PutUserPermissionsBoundaryRequest::userName));
        write("DeleteUserPermissionsBoundary", DeleteUserPermissionsBoundaryRequest.class,
                DeleteUserPermissionsBoundaryResponse.class, bp::deleteUserPermissionsBoundary,
                r.user(DeleteUserPermissionsBoundaryRequest::userName));
    }

    private void groups(IamProviders p, IamResources r) {
        GroupProvider g = p.groups();
        write("CreateGroup", CreateGroupRequest.class, CreateGroupResponse.class, g::createGroup,
                r.newEntity(EntityKind.GROUP, CreateGroupRequest::groupName, CreateGroupRequest::path));
        read("GetGroup", GetGroupRequest.class, GetGroupResponse.class, g::getGroup, r.group(GetGroupRequest::groupName));
        read("ListGroups", ListGroupsRequest.class, ListGroupsResponse.class, g::listGroups, ResourceResolver.all());
        write("UpdateGroup", UpdateGroupRequest.class, UpdateGroupResponse.class, g::updateGroup,
                r.group(UpdateGroupRequest::groupName));
        write("DeleteGroup", DeleteGroupRequest.class, DeleteGroupResponse.class, g::deleteGroup,
                r.group(DeleteGroupRequest::groupName));
        write("AddUserToGroup", AddUserToGroupRequest.class, AddUserToGroupResponse.class, g::addUserToGroup,
                r.group(AddUserToGroupRequest::groupName));
        write("RemoveUserFromGroup", RemoveUserFromGroupRequest.class, RemoveUserFromGroupResponse.class,
                g::removeUserFromGroup, r.group(RemoveUserFromGroupRequest::groupName));
        read("ListGroupsForUser", ListGroupsForUserRequest.class, ListGroupsForUserResponse.class, g::listGroupsForUser,
                r.user(ListGroupsForUserRequest::userName));
    }

    private void roles(IamProviders p, IamResources r) {
        RoleProvider ro = p.roles();
        write("CreateRole", CreateRoleRequest.class, CreateRoleResponse.class, ro::createRole,
                r.newEntity(EntityKind.ROLE, CreateRoleRequest::roleName, CreateRoleRequest::path));
        read("GetRole", GetRoleRequest.class, GetRoleResponse.class, ro::getRole, r.role(GetRoleRequest::roleName));
        read("ListRoles", ListRolesRequest.class, ListRolesResponse.class, ro::listRoles, ResourceResolver.all());
        write("UpdateRole", UpdateRoleRequest.class, UpdateRoleResponse.class, ro::updateRole,
                r.role(UpdateRoleRequest::roleName));
        write("UpdateAssumeRolePolicy", UpdateAssumeRolePolicyRequest.class, UpdateAssumeRolePolicyResponse.class,
                ro::updateAssumeRolePolicy, r.role(UpdateAssumeRolePolicyRequest::roleName));
        write("DeleteRole", DeleteRoleRequest.class, DeleteRoleResponse.class, ro::deleteRole,
                r.role(DeleteRoleRequest::roleName));
        write("TagRole", TagRoleRequest.class, TagRoleResponse.class, ro::tagRole, r.role(TagRoleRequest::roleName));
        write("UntagRole", UntagRoleRequest.class, UntagRoleResponse.class, ro::untagRole,
                r.role(UntagRoleRequest::roleName));
        read("ListRoleTags", ListRoleTagsRequest.class, ListRoleTagsResponse.class, ro::listRoleTags,
                r.role(ListRoleTagsRequest::roleName));
        BoundaryProvider bp = p.boundaries();
        write("PutRolePermissionsBoundary", PutRolePermissionsBoundaryRequest.class,
                PutRolePermissionsBoundaryResponse.class, bp::putRolePermissionsBoundary,
                r.role(PutRolePermissionsBoundaryRequest::roleName));
        write("DeleteRolePermissionsBoundary", DeleteRolePermissionsBoundaryRequest.class,
                DeleteRolePermissionsBoundaryResponse.class, bp::deleteRolePermissionsBoundary,
                r.role(DeleteRolePermissionsBoundaryRequest::roleName));
    }

    private void policies(IamProviders p, IamResources r) {
        ManagedPolicyProvider m = p.policies();
        write("CreatePolicy", CreatePolicyRequest.class, CreatePolicyResponse.class, m::createPolicy,
                r.newEntity(EntityKind.POLICY, CreatePolicyRequest::policyName, CreatePolicyRequest::path));
        read("GetPolicy", GetPolicyRequest.class, GetPolicyResponse.class, m::getPolicy,
                r.policy(GetPolicyRequest::policyArn));
        read("ListPolicies", ListPoliciesRequest.class, ListPoliciesResponse.class, m::listPolicies,
                ResourceResolver.all());
        write("DeletePolicy", DeletePolicyRequest.class, DeletePolicyResponse.class, m::deletePolicy,
                r.policy(DeletePolicyRequest::policyArn));
        write("CreatePolicyVersion", CreatePolicyVersionRequest.class, CreatePolicyVersionResponse.class,
                m::createPolicyVersion, r.policy(CreatePolicyVersionRequest::policyArn));
        read("GetPolicyVersion", GetPolicyVersionRequest.class, GetPolicyVersionResponse.class, m::getPolicyVersion,
                r.policy(GetPolicyVersionRequest::policyArn));
        read("ListPolicyVersions", ListPolicyVersionsRequest.class, ListPolicyVersionsResponse.class,
                m::listPolicyVersions, r.policy(ListPolicyVersionsRequest::policyArn));
        write("DeletePolicyVersion", DeletePolicyVersionRequest.class, DeletePolicyVersionResponse.class,
                m::deletePolicyVersion, r.policy(DeletePolicyVersionRequest::policyArn));
        write("SetDefaultPolicyVersion", SetDefaultPolicyVersionRequest.class, SetDefaultPolicyVersionResponse.class,
                m::setDefaultPolicyVersion, r.policy(SetDefaultPolicyVersionRequest::policyArn));
        write("TagPolicy", TagPolicyRequest.class, TagPolicyResponse.class, m::tagPolicy,
                r.policy(TagPolicyRequest::policyArn));
        write("UntagPolicy", UntagPolicyRequest.class, UntagPolicyResponse.class, m::untagPolicy,
                r.policy(UntagPolicyRequest::policyArn));
        read("ListPolicyTags", ListPolicyTagsRequest.class, ListPolicyTagsResponse.class, m::listPolicyTags,
                r.policy(ListPolicyTagsRequest::policyArn));
        AttachmentProvider a = p.attachments();
        // Attach/Detach act on the user, group or role (the policy is the iam:PolicyARN condition key).
        write("AttachUserPolicy", AttachUserPolicyRequest.class, AttachUserPolicyResponse.class, a::attachUserPolicy,
                r.user(AttachUserPolicyRequest::userName));
        write("DetachUserPolicy", DetachUserPolicyRequest.class, DetachUserPolicyResponse.class, a::detachUserPolicy,
                r.user(DetachUserPolicyRequest::userName));
        write("AttachGroupPolicy", AttachGroupPolicyRequest.class, AttachGroupPolicyResponse.class,
                a::attachGroupPolicy, r.group(AttachGroupPolicyRequest::groupName));
        write("DetachGroupPolicy", DetachGroupPolicyRequest.class, DetachGroupPolicyResponse.class,
                a::detachGroupPolicy, r.group(DetachGroupPolicyRequest::groupName));
        write("AttachRolePolicy", AttachRolePolicyRequest.class, AttachRolePolicyResponse.class, a::attachRolePolicy,
                r.role(AttachRolePolicyRequest::roleName));
        write("DetachRolePolicy", DetachRolePolicyRequest.class, DetachRolePolicyResponse.class, a::detachRolePolicy,
                r.role(DetachRolePolicyRequest::roleName));
        read("ListAttachedUserPolicies", ListAttachedUserPoliciesRequest.class, ListAttachedUserPoliciesResponse.class,
                a::listAttachedUserPolicies, r.user(ListAttachedUserPoliciesRequest::userName));
        read("ListAttachedGroupPolicies", ListAttachedGroupPoliciesRequest.class,
                ListAttachedGroupPoliciesResponse.class, a::listAttachedGroupPolicies,
                r.group(ListAttachedGroupPoliciesRequest::groupName));
        read("ListAttachedRolePolicies", ListAttachedRolePoliciesRequest.class, ListAttachedRolePoliciesResponse.class,
                a::listAttachedRolePolicies, r.role(ListAttachedRolePoliciesRequest::roleName));
        read("ListEntitiesForPolicy", ListEntitiesForPolicyRequest.class, ListEntitiesForPolicyResponse.class,
                a::listEntitiesForPolicy, r.policy(ListEntitiesForPolicyRequest::policyArn));
    }

    private void inline(IamProviders p, IamResources r) {
        InlinePolicyProvider i = p.inline();
        write("PutUserPolicy", PutUserPolicyRequest.class, PutUserPolicyResponse.class, i::putUserPolicy,
                r.user(PutUserPolicyRequest::userName));
        read("GetUserPolicy", GetUserPolicyRequest.class, GetUserPolicyResponse.class, i::getUserPolicy,
                r.user(GetUserPolicyRequest::userName));
        write("DeleteUserPolicy", DeleteUserPolicyRequest.class, DeleteUserPolicyResponse.class, i::deleteUserPolicy,
                r.user(DeleteUserPolicyRequest::userName));
        read("ListUserPolicies", ListUserPoliciesRequest.class, ListUserPoliciesResponse.class, i::listUserPolicies,
                r.user(ListUserPoliciesRequest::userName));
        write("PutGroupPolicy", PutGroupPolicyRequest.class, PutGroupPolicyResponse.class, i::putGroupPolicy,
                r.group(PutGroupPolicyRequest::groupName));
        read("GetGroupPolicy", GetGroupPolicyRequest.class, GetGroupPolicyResponse.class, i::getGroupPolicy,
                r.group(GetGroupPolicyRequest::groupName));
        write("DeleteGroupPolicy", DeleteGroupPolicyRequest.class, DeleteGroupPolicyResponse.class,
                i::deleteGroupPolicy, r.group(DeleteGroupPolicyRequest::groupName));
        read("ListGroupPolicies", ListGroupPoliciesRequest.class, ListGroupPoliciesResponse.class,
                i::listGroupPolicies, r.group(ListGroupPoliciesRequest::groupName));
        write("PutRolePolicy", PutRolePolicyRequest.class, PutRolePolicyResponse.class, i::putRolePolicy,
                r.role(PutRolePolicyRequest::roleName));
        read("GetRolePolicy", GetRolePolicyRequest.class, GetRolePolicyResponse.class, i::getRolePolicy,
                r.role(GetRolePolicyRequest::roleName));
        write("DeleteRolePolicy", DeleteRolePolicyRequest.class, DeleteRolePolicyResponse.class, i::deleteRolePolicy,
                r.role(DeleteRolePolicyRequest::roleName));
        read("ListRolePolicies", ListRolePoliciesRequest.class, ListRolePoliciesResponse.class, i::listRolePolicies,
                r.role(ListRolePoliciesRequest::roleName));
    }

    private void keys(IamProviders p, IamResources r) {
        AccessKeyProvider k = p.keys();
        write("CreateAccessKey", CreateAccessKeyRequest.class, CreateAccessKeyResponse.class, k::createAccessKey,
                r.user(CreateAccessKeyRequest::userName));
        read("ListAccessKeys", ListAccessKeysRequest.class, ListAccessKeysResponse.class, k::listAccessKeys,
                r.user(ListAccessKeysRequest::userName));
        write("UpdateAccessKey", UpdateAccessKeyRequest.class, UpdateAccessKeyResponse.class, k::updateAccessKey,
                r.user(UpdateAccessKeyRequest::userName));
        write("DeleteAccessKey", DeleteAccessKeyRequest.class, DeleteAccessKeyResponse.class, k::deleteAccessKey,
                r.user(DeleteAccessKeyRequest::userName));
        read("GetAccessKeyLastUsed", GetAccessKeyLastUsedRequest.class, GetAccessKeyLastUsedResponse.class,
                k::getAccessKeyLastUsed, r.keyOwner(GetAccessKeyLastUsedRequest::accessKeyId));
    }

    private void account(IamProviders p) {
        AccountProvider a = p.account();
        write("CreateAccountAlias", CreateAccountAliasRequest.class, CreateAccountAliasResponse.class,
                a::createAccountAlias, ResourceResolver.all());
        write("DeleteAccountAlias", DeleteAccountAliasRequest.class, DeleteAccountAliasResponse.class,
                a::deleteAccountAlias, ResourceResolver.all());
        read("ListAccountAliases", ListAccountAliasesRequest.class, ListAccountAliasesResponse.class,
                a::listAccountAliases, ResourceResolver.all());
        read("GetAccountSummary", GetAccountSummaryRequest.class, GetAccountSummaryResponse.class,
                a::getAccountSummary, ResourceResolver.all());
        b.constrain(GetAccountAuthorizationDetailsRequest.class, "Marker", IamConstraints.MARKER)
                .constrain(GetAccountAuthorizationDetailsRequest.class, "MaxItems", IamConstraints.MAX_ITEMS);
        read("GetAccountAuthorizationDetails", GetAccountAuthorizationDetailsRequest.class,
                GetAccountAuthorizationDetailsResponse.class, p.details()::getAccountAuthorizationDetails,
                ResourceResolver.all());
    }

    /** Service-linked roles: the role ARN is the resource, as the Service Authorization Reference lists it. */
    private void serviceLinkedRoles(IamProviders p) {
        ServiceLinkedRoles slr = p.serviceLinkedRoles();
        write("CreateServiceLinkedRole", CreateServiceLinkedRoleRequest.class, CreateServiceLinkedRoleResponse.class,
                slr::createServiceLinkedRole, (ctx, req) -> List.of(ServiceLinkedRoles.ROLE_NAMES.containsKey(
                        req.awsServiceName()) ? IamNames.arn(ctx.accountId(), EntityKind.ROLE, ServiceLinkedRoles.PATH_PREFIX
                        + req.awsServiceName() + "/", ServiceLinkedRoles.ROLE_NAMES.get(req.awsServiceName())) : "*"));
        write("DeleteServiceLinkedRole", DeleteServiceLinkedRoleRequest.class, DeleteServiceLinkedRoleResponse.class,
                slr::deleteServiceLinkedRole, ResourceResolver.all());
        read("GetServiceLinkedRoleDeletionStatus", GetServiceLinkedRoleDeletionStatusRequest.class,
                GetServiceLinkedRoleDeletionStatusResponse.class, slr::getServiceLinkedRoleDeletionStatus,
                ResourceResolver.all());
    }

    /** SAML and OpenID Connect identity providers; each operation's resource is the provider's ARN. */
    private void federation(IamProviders p) {
        FederationProvider f = p.federation();
        for (Class<?> paged : new Class<?>[] {ListSamlProviderTagsRequest.class,
                ListOpenIdConnectProviderTagsRequest.class}) {
            b.constrain(paged, "Marker", IamConstraints.MARKER).constrain(paged, "MaxItems", IamConstraints.MAX_ITEMS);
        }
        write("CreateSAMLProvider", CreateSamlProviderRequest.class, CreateSamlProviderResponse.class,
                f::createSAMLProvider, (ctx, req) -> List.of(FederationProvider.samlArn(ctx.accountId(), req.name())));
        read("GetSAMLProvider", GetSamlProviderRequest.class, GetSamlProviderResponse.class, f::getSAMLProvider,
                (ctx, req) -> List.of(req.samlProviderArn()));
        write("UpdateSAMLProvider", UpdateSamlProviderRequest.class, UpdateSamlProviderResponse.class,
                f::updateSAMLProvider, (ctx, req) -> List.of(req.samlProviderArn()));
        write("DeleteSAMLProvider", DeleteSamlProviderRequest.class, DeleteSamlProviderResponse.class,
                f::deleteSAMLProvider, (ctx, req) -> List.of(req.samlProviderArn()));
        read("ListSAMLProviders", ListSamlProvidersRequest.class, ListSamlProvidersResponse.class,
                f::listSAMLProviders, ResourceResolver.all());
        write("TagSAMLProvider", TagSamlProviderRequest.class, TagSamlProviderResponse.class, f::tagSAMLProvider,
                (ctx, req) -> List.of(req.samlProviderArn()));
        write("UntagSAMLProvider", UntagSamlProviderRequest.class, UntagSamlProviderResponse.class,
                f::untagSAMLProvider, (ctx, req) -> List.of(req.samlProviderArn()));
        read("ListSAMLProviderTags", ListSamlProviderTagsRequest.class, ListSamlProviderTagsResponse.class,
                f::listSAMLProviderTags, (ctx, req) -> List.of(req.samlProviderArn()));
        write("CreateOpenIDConnectProvider", CreateOpenIdConnectProviderRequest.class,
                CreateOpenIdConnectProviderResponse.class, f::createOpenIDConnectProvider,
                (ctx, req) -> List.of(oidcArnOrAll(ctx.accountId(), req.url())));
        read("GetOpenIDConnectProvider", GetOpenIdConnectProviderRequest.class, GetOpenIdConnectProviderResponse.class,
                f::getOpenIDConnectProvider, (ctx, req) -> List.of(req.openIDConnectProviderArn()));
        read("ListOpenIDConnectProviders", ListOpenIdConnectProvidersRequest.class,
                ListOpenIdConnectProvidersResponse.class, f::listOpenIDConnectProviders, ResourceResolver.all());
        write("DeleteOpenIDConnectProvider", DeleteOpenIdConnectProviderRequest.class,
                DeleteOpenIdConnectProviderResponse.class, f::deleteOpenIDConnectProvider,
                (ctx, req) -> List.of(req.openIDConnectProviderArn()));
        write("AddClientIDToOpenIDConnectProvider", AddClientIdToOpenIdConnectProviderRequest.class,
                AddClientIdToOpenIdConnectProviderResponse.class, f::addClientIDToOpenIDConnectProvider,
                (ctx, req) -> List.of(req.openIDConnectProviderArn()));
        write("RemoveClientIDFromOpenIDConnectProvider", RemoveClientIdFromOpenIdConnectProviderRequest.class,
                RemoveClientIdFromOpenIdConnectProviderResponse.class, f::removeClientIDFromOpenIDConnectProvider,
                (ctx, req) -> List.of(req.openIDConnectProviderArn()));
        write("UpdateOpenIDConnectProviderThumbprint", UpdateOpenIdConnectProviderThumbprintRequest.class,
                UpdateOpenIdConnectProviderThumbprintResponse.class, f::updateOpenIDConnectProviderThumbprint,
                (ctx, req) -> List.of(req.openIDConnectProviderArn()));
        write("TagOpenIDConnectProvider", TagOpenIdConnectProviderRequest.class, TagOpenIdConnectProviderResponse.class,
                f::tagOpenIDConnectProvider, (ctx, req) -> List.of(req.openIDConnectProviderArn()));
        write("UntagOpenIDConnectProvider", UntagOpenIdConnectProviderRequest.class,
                UntagOpenIdConnectProviderResponse.class, f::untagOpenIDConnectProvider,
                (ctx, req) -> List.of(req.openIDConnectProviderArn()));
        read("ListOpenIDConnectProviderTags", ListOpenIdConnectProviderTagsRequest.class,
                ListOpenIdConnectProviderTagsResponse.class, f::listOpenIDConnectProviderTags,
                (ctx, req) -> List.of(req.openIDConnectProviderArn()));
    }

    /** An invalid URL is the handler's InvalidInput to report, after authorization on "*". */
    private static String oidcArnOrAll(String accountId, String url) {
        try {
            return FederationProvider.oidcArn(accountId, url);
        } catch (dev.vigil.core.AwsException e) {
            return "*";
        }
    }

    /** The policy simulator: read-only, evaluated by the same PolicyEngine as the authorizer. */
    private void simulator(IamStores stores) {
        SimulatorProvider s = new SimulatorProvider(stores, java.time.Clock.systemUTC());
        for (Class<?> paged : new Class<?>[] {software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyRequest.class,
                software.amazon.awssdk.services.iam.model.SimulateCustomPolicyRequest.class}) {
            b.constrain(paged, "Marker", IamConstraints.MARKER).constrain(paged, "MaxItems", IamConstraints.MAX_ITEMS);
        }
        read("SimulatePrincipalPolicy", software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyRequest.class,
                software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyResponse.class,
                s::simulatePrincipalPolicy, (ctx, req) -> java.util.List.of(req.policySourceArn() == null ? "*"
                        : req.policySourceArn()));
        read("SimulateCustomPolicy", software.amazon.awssdk.services.iam.model.SimulateCustomPolicyRequest.class,
                software.amazon.awssdk.services.iam.model.SimulateCustomPolicyResponse.class,
                s::simulateCustomPolicy, ResourceResolver.all());
        read("GetContextKeysForPrincipalPolicy",
                software.amazon.awssdk.services.iam.model.GetContextKeysForPrincipalPolicyRequest.class,
                software.amazon.awssdk.services.iam.model.GetContextKeysForPrincipalPolicyResponse.class,
                s::getContextKeysForPrincipalPolicy, (ctx, req) -> java.util.List.of(req.policySourceArn() == null ? "*"
                        : req.policySourceArn()));
        read("GetContextKeysForCustomPolicy",
                software.amazon.awssdk.services.iam.model.GetContextKeysForCustomPolicyRequest.class,
                software.amazon.awssdk.services.iam.model.GetContextKeysForCustomPolicyResponse.class,
                s::getContextKeysForCustomPolicy, ResourceResolver.all());
    }

    /** Virtual MFA devices and login profiles (console passwords). */
    private void signInCredentials(IamProviders p, IamResources r) {
        MfaProvider m = p.mfa();
        constrainRequired(CreateVirtualMfaDeviceRequest.class, "VirtualMFADeviceName");
        constrainRequired(EnableMfaDeviceRequest.class, "UserName", "SerialNumber", "AuthenticationCode1",
                "AuthenticationCode2");
        constrainRequired(ResyncMfaDeviceRequest.class, "UserName", "SerialNumber", "AuthenticationCode1",
                "AuthenticationCode2");
        constrainRequired(DeactivateMfaDeviceRequest.class, "SerialNumber");
        constrainRequired(DeleteVirtualMfaDeviceRequest.class, "SerialNumber");
        for (Class<?> c : new Class<?>[] {EnableMfaDeviceRequest.class, ResyncMfaDeviceRequest.class}) {
            b.constrain(c, "AuthenticationCode1", dev.vigil.core.service.Constraint.pattern("[\\d]{6}"));
            b.constrain(c, "AuthenticationCode2", dev.vigil.core.service.Constraint.pattern("[\\d]{6}"));
        }
        for (Class<?> paged : new Class<?>[] {ListMfaDevicesRequest.class, ListVirtualMfaDevicesRequest.class}) {
            b.constrain(paged, "Marker", IamConstraints.MARKER).constrain(paged, "MaxItems", IamConstraints.MAX_ITEMS);
        }
        write("CreateVirtualMFADevice", CreateVirtualMfaDeviceRequest.class, CreateVirtualMfaDeviceResponse.class,
                m::createVirtualMFADevice, (ctx, req) -> java.util.List.of(MfaProvider.serial(ctx.accountId(),
                        IamNames.path(req.path()), req.virtualMFADeviceName())));
        write("EnableMFADevice", EnableMfaDeviceRequest.class, EnableMfaDeviceResponse.class, m::enableMFADevice,
                r.user(EnableMfaDeviceRequest::userName));
        write("ResyncMFADevice", ResyncMfaDeviceRequest.class, ResyncMfaDeviceResponse.class, m::resyncMFADevice,
                r.user(ResyncMfaDeviceRequest::userName));
        write("DeactivateMFADevice", DeactivateMfaDeviceRequest.class, DeactivateMfaDeviceResponse.class,
                m::deactivateMFADevice, r.user(DeactivateMfaDeviceRequest::userName));
        write("DeleteVirtualMFADevice", DeleteVirtualMfaDeviceRequest.class, DeleteVirtualMfaDeviceResponse.class,
                m::deleteVirtualMFADevice, (ctx, req) -> java.util.List.of(req.serialNumber()));
        read("ListMFADevices", ListMfaDevicesRequest.class, ListMfaDevicesResponse.class, m::listMFADevices,
                r.user(ListMfaDevicesRequest::userName));
        read("ListVirtualMFADevices", ListVirtualMfaDevicesRequest.class, ListVirtualMfaDevicesResponse.class,
                m::listVirtualMFADevices, ResourceResolver.all());
        LoginProfileProvider l = p.logins();
        constrainRequired(UpdateLoginProfileRequest.class, "UserName");
        b.constrain(CreateLoginProfileRequest.class, "Password",
                dev.vigil.core.service.Constraint.length(1, Passwords.MAX_LENGTH));
        write("CreateLoginProfile", CreateLoginProfileRequest.class, CreateLoginProfileResponse.class,
                l::createLoginProfile, r.user(CreateLoginProfileRequest::userName));
        read("GetLoginProfile", GetLoginProfileRequest.class, GetLoginProfileResponse.class, l::getLoginProfile,
                r.user(GetLoginProfileRequest::userName));
        write("UpdateLoginProfile", UpdateLoginProfileRequest.class, UpdateLoginProfileResponse.class,
                l::updateLoginProfile, r.user(UpdateLoginProfileRequest::userName));
        write("DeleteLoginProfile", DeleteLoginProfileRequest.class, DeleteLoginProfileResponse.class,
                l::deleteLoginProfile, r.user(DeleteLoginProfileRequest::userName));
    }

    private void constrainRequired(Class<?> shape, String... members) {
        for (String member : members) b.constrain(shape, member, dev.vigil.core.service.Constraint.required());
    }

    /** A Get/List operation: CloudTrail readOnly. The IAM action is "iam:" + the operation name. */
    private <I extends SdkPojo, O extends SdkPojo> void read(String name, Class<I> in, Class<O> out,
                                                             OperationHandler<I, O> h, ResourceResolver<I> res) {
        b.operation(OperationDescriptor.builder(name, in, out).handler(h).iamAction("iam:" + name).resources(res)
                .readOnly().build());
    }

    private <I extends SdkPojo, O extends SdkPojo> void write(String name, Class<I> in, Class<O> out,
                                                              OperationHandler<I, O> h, ResourceResolver<I> res) {
        OperationHandler<I, O> invalidating = (ctx, req) -> {
            try {
                return h.handle(ctx, req);
            } finally {
                afterWrite.run();
            }
        };
        b.operation(OperationDescriptor.builder(name, in, out).handler(invalidating).iamAction("iam:" + name)
                .resources(res).build());
    }
}
