package dev.vigil.iam.iam;

import dev.vigil.core.service.Constraint;
import dev.vigil.core.service.ServiceDescriptor;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.iam.model.AddUserToGroupRequest;
import software.amazon.awssdk.services.iam.model.AttachGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.CreateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.CreateAccountAliasRequest;
import software.amazon.awssdk.services.iam.model.CreateGroupRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.DeleteAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.DeleteAccountAliasRequest;
import software.amazon.awssdk.services.iam.model.DeleteGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteGroupRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeletePolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteRoleRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserPermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserRequest;
import software.amazon.awssdk.services.iam.model.DetachGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedRequest;
import software.amazon.awssdk.services.iam.model.GetGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetGroupRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.GetRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.GetRoleRequest;
import software.amazon.awssdk.services.iam.model.GetUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetUserRequest;
import software.amazon.awssdk.services.iam.model.ListAccessKeysRequest;
import software.amazon.awssdk.services.iam.model.ListAccountAliasesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedGroupPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyRequest;
import software.amazon.awssdk.services.iam.model.ListGroupPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListGroupsForUserRequest;
import software.amazon.awssdk.services.iam.model.ListGroupsRequest;
import software.amazon.awssdk.services.iam.model.ListPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListPolicyTagsRequest;
import software.amazon.awssdk.services.iam.model.ListPolicyVersionsRequest;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListRoleTagsRequest;
import software.amazon.awssdk.services.iam.model.ListRolesRequest;
import software.amazon.awssdk.services.iam.model.ListUserPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListUserTagsRequest;
import software.amazon.awssdk.services.iam.model.ListUsersRequest;
import software.amazon.awssdk.services.iam.model.PutGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.PutRolePermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.PutRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.PutUserPermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.PutUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.RemoveUserFromGroupRequest;
import software.amazon.awssdk.services.iam.model.SetDefaultPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.TagPolicyRequest;
import software.amazon.awssdk.services.iam.model.TagRoleRequest;
import software.amazon.awssdk.services.iam.model.TagUserRequest;
import software.amazon.awssdk.services.iam.model.UntagPolicyRequest;
import software.amazon.awssdk.services.iam.model.UntagRoleRequest;
import software.amazon.awssdk.services.iam.model.UntagUserRequest;
import software.amazon.awssdk.services.iam.model.UpdateAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.UpdateAssumeRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.UpdateGroupRequest;
import software.amazon.awssdk.services.iam.model.UpdateRoleRequest;
import software.amazon.awssdk.services.iam.model.UpdateUserRequest;

/**
 * The input constraints of IAM's model (length, range, pattern, enum, required) for every operation Vigil serves,
 * transcribed from the service model (botocore data/iam/2010-05-08), which the SDK classes do not carry. The
 * Validator words violations as AWS does ({@code ValidationError}). Stateless.
 */
final class IamConstraints {
    private static final String NAME = "[\\w+=,.@-]+";
    static final Constraint[] USER_NAME = {Constraint.length(1, 64), Constraint.pattern(NAME)};
    static final Constraint[] EXISTING_USER_NAME = {Constraint.length(1, 128), Constraint.pattern(NAME)};
    static final Constraint[] GROUP_NAME = {Constraint.length(1, 128), Constraint.pattern(NAME)};
    static final Constraint[] ROLE_NAME = {Constraint.length(1, 64), Constraint.pattern(NAME)};
    static final Constraint[] POLICY_NAME = {Constraint.length(1, 128), Constraint.pattern(NAME)};
    static final Constraint[] PATH = {Constraint.length(1, 512),
            Constraint.pattern("(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)")};
    static final Constraint[] PATH_PREFIX = {Constraint.length(1, 512), Constraint.pattern("\\u002F[\\u0021-\\u007F]*")};
    static final Constraint[] POLICY_PATH = {Constraint.length(1, 512),
            Constraint.pattern("((/[A-Za-z0-9\\.,\\+@=_-]+)*)/")};
    static final Constraint[] MARKER = {Constraint.length(1, 320), Constraint.pattern("[\\u0020-\\u00FF]+")};
    static final Constraint[] MAX_ITEMS = {Constraint.range(1, 1000)};
    static final Constraint[] ARN = {Constraint.length(20, 2048)};
    static final Constraint[] POLICY_DOCUMENT = {Constraint.length(1, 131072),
            Constraint.pattern("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+")};
    static final Constraint[] ROLE_DESCRIPTION = {Constraint.length(null, 1000),
            Constraint.pattern("[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*")};
    static final Constraint[] MAX_SESSION_DURATION = {Constraint.range(3600, 43200)};
    static final Constraint[] POLICY_DESCRIPTION = {Constraint.length(null, 1000)};
    static final Constraint[] TAGS = {Constraint.length(null, 50)};
    static final Constraint[] TAG_KEYS = {Constraint.length(null, 50)};
    static final Constraint[] VERSION_ID = {Constraint.pattern("v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?")};
    static final Constraint[] ACCESS_KEY_ID = {Constraint.length(16, 128), Constraint.pattern("[\\w]+")};
    static final Constraint[] STATUS = {Constraint.oneOf("Active", "Inactive", "Expired")};
    static final Constraint[] SCOPE = {Constraint.oneOf("All", "AWS", "Local")};
    static final Constraint[] POLICY_USAGE = {Constraint.oneOf("PermissionsPolicy", "PermissionsBoundary")};
    static final Constraint[] ENTITY_TYPE = {Constraint.oneOf("User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy")};
    static final Constraint[] ACCOUNT_ALIAS = {Constraint.length(3, 63),
            Constraint.pattern("^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$")};

    private IamConstraints() {}

    static void declare(ServiceDescriptor.Builder b) {
        on(b, Tag.class).required("Key", Constraint.length(1, 128), Constraint.pattern("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+"))
                .required("Value", Constraint.length(0, 256), Constraint.pattern("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*"));
        on(b, CreateUserRequest.class)
                .optional("Path", PATH)
                .required("UserName", USER_NAME)
                .optional("PermissionsBoundary", ARN)
                .optional("Tags", TAGS);
        on(b, GetUserRequest.class)
                .optional("UserName", EXISTING_USER_NAME);
        on(b, ListUsersRequest.class)
                .optional("PathPrefix", PATH_PREFIX)
                .optional("Marker", MARKER)
                .optional("MaxItems", MAX_ITEMS);
        on(b, UpdateUserRequest.class)
                .required("UserName", EXISTING_USER_NAME)
                .optional("NewPath", PATH)
                .optional("NewUserName", USER_NAME);
        on(b, DeleteUserRequest.class)
                .required("UserName", EXISTING_USER_NAME);
        on(b, TagUserRequest.class)
                .required("UserName", EXISTING_USER_NAME)
                .required("Tags", TAGS);
        on(b, UntagUserRequest.class)
                .required("UserName", EXISTING_USER_NAME)
                .required("TagKeys", TAG_KEYS);
        on(b, ListUserTagsRequest.class)
                .required("UserName", EXISTING_USER_NAME)
                .optional("Marker", MARKER)
                .optional("MaxItems", MAX_ITEMS);
        on(b, CreateGroupRequest.class)
                .optional("Path", PATH)
                .required("GroupName", GROUP_NAME);
        on(b, GetGroupRequest.class)
                .required("GroupName", GROUP_NAME)
                .optional("Marker", MARKER)
                .optional("MaxItems", MAX_ITEMS);
        on(b, ListGroupsRequest.class)
                .optional("PathPrefix", PATH_PREFIX)
                .optional("Marker", MARKER)
                .optional("MaxItems", MAX_ITEMS);
        on(b, DeleteGroupRequest.class)
                .required("GroupName", GROUP_NAME);
        on(b, AddUserToGroupRequest.class)
                .required("GroupName", GROUP_NAME)
                .required("UserName", EXISTING_USER_NAME);
        on(b, RemoveUserFromGroupRequest.class)
                .required("GroupName", GROUP_NAME)
                .required("UserName", EXISTING_USER_NAME);
        on(b, ListGroupsForUserRequest.class)
                .required("UserName", EXISTING_USER_NAME)
                .optional("Marker", MARKER)
                .optional("MaxItems", MAX_ITEMS);
        on(b, UpdateGroupRequest.class)
                .required("GroupName", GROUP_NAME)
                .optional("NewPath", PATH)
                .optional("NewGroupName", GROUP_NAME);
        on(b, CreateRoleRequest.class)
                .optional("Path", PATH)
                .required("RoleName", ROLE_NAME)
                .required("AssumeRolePolicyDocument", POLICY_DOCUMENT)
                .optional("Description", ROLE_DESCRIPTION)
                .optional("MaxSessionDuration", MAX_SESSION_DURATION)
                .optional("PermissionsBoundary", ARN)
                .optional("Tags", TAGS);
        on(b, GetRoleRequest.class)
                .required("RoleName", ROLE_NAME);
        on(b, ListRolesRequest.class)
                .optional("PathPrefix", PATH_PREFIX)
                .optional("Marker", MARKER)
                .optional("MaxItems", MAX_ITEMS);
        on(b, UpdateRoleRequest.class)
                .required("RoleName", ROLE_NAME)
                .optional("Description", ROLE_DESCRIPTION)
                .optional("MaxSessionDuration", MAX_SESSION_DURATION);
        on(b, UpdateAssumeRolePolicyRequest.class)
                .required("RoleName", ROLE_NAME)
                .required("PolicyDocument", POLICY_DOCUMENT);
        on(b, DeleteRoleRequest.class)
                .required("RoleName", ROLE_NAME);
        on(b, TagRoleRequest.class)
                .required("RoleName", ROLE_NAME)
                .required("Tags", TAGS);
        on(b, UntagRoleRequest.class)
                .required("RoleName", ROLE_NAME)
                .required("TagKeys", TAG_KEYS);
        on(b, ListRoleTagsRequest.class)
                .required("RoleName", ROLE_NAME)
                .optional("Marker", MARKER)
                .optional("MaxItems", MAX_ITEMS);
        on(b, CreatePolicyRequest.class)
                .required("PolicyName", POLICY_NAME)
                .optional("Path", POLICY_PATH)
                .required("PolicyDocument", POLICY_DOCUMENT)
                .optional("Description", POLICY_DESCRIPTION)
                .optional("Tags", TAGS);
        on(b, GetPolicyRequest.class)
                .required("PolicyArn", ARN);
        on(b, ListPoliciesRequest.class)
                .optional("Scope", SCOPE)
                .optional("PathPrefix", POLICY_PATH)
                .optional("PolicyUsageFilter", POLICY_USAGE)
                .optional("Marker", MARKER)
                .optional("MaxItems", MAX_ITEMS);
        on(b, DeletePolicyRequest.class)
                .required("PolicyArn", ARN);
        on(b, CreatePolicyVersionRequest.class)
                .required("PolicyArn", ARN)
                .required("PolicyDocument", POLICY_DOCUMENT);
        on(b, GetPolicyVersionRequest.class)
                .required("PolicyArn", ARN)
                .required("VersionId", VERSION_ID);
        on(b, ListPolicyVersionsRequest.class)
                .required("PolicyArn", ARN)
                .optional("Marker", MARKER)
                .optional("MaxItems", MAX_ITEMS);
        on(b, DeletePolicyVersionRequest.class)
                .required("PolicyArn", ARN)
                .required("VersionId", VERSION_ID);
        on(b, SetDefaultPolicyVersionRequest.class)
                .required("PolicyArn", ARN)
                .required("VersionId", VERSION_ID);
        on(b, TagPolicyRequest.class)
                .required("PolicyArn", ARN)
                .required("Tags", TAGS);
        on(b, UntagPolicyRequest.class)
                .required("PolicyArn", ARN)
                .required("TagKeys", TAG_KEYS);
        on(b, ListPolicyTagsRequest.class)
                .required("PolicyArn", ARN)
                .optional("Marker", MARKER)
                .optional("MaxItems", MAX_ITEMS);
        on(b, AttachUserPolicyRequest.class)
                .required("UserName", USER_NAME)
                .required("PolicyArn", ARN);
        on(b, DetachUserPolicyRequest.class)
                .required("UserName", USER_NAME)
                .required("PolicyArn", ARN);
        on(b, AttachGroupPolicyRequest.class)
                .required("GroupName", GROUP_NAME)
                .required("PolicyArn", ARN);
        on(b, DetachGroupPolicyRequest.class)
                .required("GroupName", GROUP_NAME)
                .required("PolicyArn", ARN);
        on(b, AttachRolePolicyRequest.class)
                .required("RoleName", ROLE_NAME)
                .required("PolicyArn", ARN);
        on(b, DetachRolePolicyRequest.class)
                .required("RoleName", ROLE_NAME)
                .required("PolicyArn", ARN);
        on(b, ListAttachedUserPoliciesRequest.class)
                .required("UserName", USER_NAME)
                .optional("PathPrefix", POLICY_PATH)
                .optional("Marker", MARKER)
                .optional("MaxItems", MAX_ITEMS);
        on(b, ListAttachedGroupPoliciesRequest.class)
                .required("GroupName", GROUP_NAME)
                .optional("PathPrefix", POLICY_PATH)
                .optional("Marker", MARKER)
                .optional("MaxItems", MAX_ITEMS);
        on(b, ListAttachedRolePoliciesRequest.class)
                .required("RoleName", ROLE_NAME)
                .optional("PathPrefix", POLICY_PATH)
                .optional("Marker", MARKER)
                .optional("MaxItems", MAX_ITEMS);
        on(b, ListEntitiesForPolicyRequest.class)
                .required("PolicyArn", ARN)
                .optional("EntityFilter", ENTITY_TYPE)
                .optional("PathPrefix", PATH)
                .optional("PolicyUsageFilter", POLICY_USAGE)
                .optional("Marker", MARKER)
                .optional("MaxItems", MAX_ITEMS);
        on(b, PutUserPermissionsBoundaryRequest.class)
                .required("UserName", USER_NAME)
                .required("PermissionsBoundary", ARN);
        on(b, DeleteUserPermissionsBoundaryRequest.class)
                .required("UserName", USER_NAME);
        on(b, PutRolePermissionsBoundaryRequest.class)
                .required("RoleName", ROLE_NAME)
                .required("PermissionsBoundary", ARN);
        on(b, DeleteRolePermissionsBoundaryRequest.class)
                .required("RoleName", ROLE_NAME);
        on(b, PutUserPolicyRequest.class)
                .required("UserName", EXISTING_USER_NAME)
                .required("PolicyName", POLICY_NAME)
                .required("PolicyDocument", POLICY_DOCUMENT);
        on(b, GetUserPolicyRequest.class)
                .required("UserName", EXISTING_USER_NAME)
                .required("PolicyName", POLICY_NAME);
        on(b, DeleteUserPolicyRequest.class)
                .required("UserName", EXISTING_USER_NAME)
                .required("PolicyName", POLICY_NAME);
        on(b, ListUserPoliciesRequest.class)
                .required("UserName", EXISTING_USER_NAME)
                .optional("Marker", MARKER)
                .optional("MaxItems", MAX_ITEMS);
        on(b, PutGroupPolicyRequest.class)
                .required("GroupName", GROUP_NAME)
                .required("PolicyName", POLICY_NAME)
                .required("PolicyDocument", POLICY_DOCUMENT);
        on(b, GetGroupPolicyRequest.class)
                .required("GroupName", GROUP_NAME)
                .required("PolicyName", POLICY_NAME);
        on(b, DeleteGroupPolicyRequest.class)
                .required("GroupName", GROUP_NAME)
                .required("PolicyName", POLICY_NAME);
        on(b, ListGroupPoliciesRequest.class)
                .required("GroupName", GROUP_NAME)
                .optional("Marker", MARKER)
                .optional("MaxItems", MAX_ITEMS);
        on(b, PutRolePolicyRequest.class)
                .required("RoleName", ROLE_NAME)
                .required("PolicyName", POLICY_NAME)
                .required("PolicyDocument", POLICY_DOCUMENT);
        on(b, GetRolePolicyRequest.class)
                .required("RoleName", ROLE_NAME)
                .required("PolicyName", POLICY_NAME);
        on(b, DeleteRolePolicyRequest.class)
                .required("RoleName", ROLE_NAME)
                .required("PolicyName", POLICY_NAME);
        on(b, ListRolePoliciesRequest.class)
                .required("RoleName", ROLE_NAME)
                .optional("Marker", MARKER)
                .optional("MaxItems", MAX_ITEMS);
        on(b, CreateAccessKeyRequest.class)
                .optional("UserName", EXISTING_USER_NAME);
        on(b, ListAccessKeysRequest.class)
                .optional("UserName", EXISTING_USER_NAME)
                .optional("Marker", MARKER)
                .optional("MaxItems", MAX_ITEMS);
        on(b, UpdateAccessKeyRequest.class)
                .optional("UserName", EXISTING_USER_NAME)
                .required("AccessKeyId", ACCESS_KEY_ID)
                .required("Status", STATUS);
        on(b, DeleteAccessKeyRequest.class)
                .optional("UserName", EXISTING_USER_NAME)
                .required("AccessKeyId", ACCESS_KEY_ID);
        on(b, GetAccessKeyLastUsedRequest.class)
                .required("AccessKeyId", ACCESS_KEY_ID);
        on(b, CreateAccountAliasRequest.class)
                .required("AccountAlias", ACCOUNT_ALIAS);
        on(b, DeleteAccountAliasRequest.class)
                .required("AccountAlias", ACCOUNT_ALIAS);
        on(b, ListAccountAliasesRequest.class)
                .optional("Marker", MARKER)
                .optional("MaxItems", MAX_ITEMS);
    }

    private static Shape on(ServiceDescriptor.Builder b, Class<?> shape) { return new Shape(b, shape); }

    /** Declares the members of one request shape. Not thread-safe (used while building). */
    private record Shape(ServiceDescriptor.Builder b, Class<?> shape) {
        Shape required(String member, Constraint... cs) {
            List<Constraint> all = new ArrayList<>(List.of(cs));
            all.add(Constraint.required());
            b.constrain(shape, member, all.toArray(Constraint[]::new));
            return this;
        }

        Shape optional(String member, Constraint... cs) {
            if (cs.length > 0) b.constrain(shape, member, cs);
            return this;
        }
    }
}
