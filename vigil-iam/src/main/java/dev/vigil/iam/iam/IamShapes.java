package dev.vigil.iam.iam;

import java.util.List;
import software.amazon.awssdk.services.iam.model.AttachedPermissionsBoundary;
import software.amazon.awssdk.services.iam.model.Group;
import software.amazon.awssdk.services.iam.model.PermissionsBoundaryAttachmentType;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.RoleLastUsed;
import software.amazon.awssdk.services.iam.model.User;

/**
 * Stored entities as the SDK model shapes IAM answers with. List operations leave out what AWS leaves out of lists
 * (tags, boundaries, last use); documents are URL-encoded. Stateless.
 */
final class IamShapes {
    private IamShapes() {}

    static User user(IamUser u) {
        return User.builder().path(u.path()).userName(u.userName()).userId(u.userId()).arn(u.arn())
                .createDate(u.createDate()).build();
    }

    /** GetUser / CreateUser: with tags and permissions boundary. */
    static User userDetail(IamUser u, List<IamTag> tags) {
        User.Builder b = user(u).toBuilder().permissionsBoundary(boundary(u.boundaryArn()));
        if (!tags.isEmpty()) b.tags(TagRules.toSdk(tags));
        return b.build();
    }

    static Group group(IamGroup g) {
        return Group.builder().path(g.path()).groupName(g.groupName()).groupId(g.groupId()).arn(g.arn())
                .createDate(g.createDate()).build();
    }

    /** ListRoles: no tags, boundary or last use (as ListRoles omits them), the trust policy URL-encoded. */
    static Role role(IamRole r) {
        return Role.builder().path(r.path()).roleName(r.roleName()).roleId(r.roleId()).arn(r.arn())
                .createDate(r.createDate()).assumeRolePolicyDocument(PolicyDocuments.encode(r.trustPolicy()))
                .description(r.description()).maxSessionDuration(r.maxSessionDuration()).build();
    }

    /** GetRole / CreateRole. */
    static Role roleDetail(IamRole r, List<IamTag> tags) {
        Role.Builder b = role(r).toBuilder().permissionsBoundary(boundary(r.boundaryArn()))
                .roleLastUsed(RoleLastUsed.builder().lastUsedDate(r.lastUsedDate()).region(r.lastUsedRegion()).build());
        if (!tags.isEmpty()) b.tags(TagRules.toSdk(tags));
        return b.build();
    }

    static Policy policy(ManagedPolicy p, int attachments, int boundaryUses, boolean withDescription) {
        Policy.Builder b = Policy.builder().policyName(p.policyName()).policyId(p.policyId()).arn(p.arn()).path(p.path())
                .defaultVersionId(p.defaultVersionId()).attachmentCount(attachments)
                .permissionsBoundaryUsageCount(boundaryUses).isAttachable(true).createDate(p.createDate())
                .updateDate(p.updateDate());
        if (withDescription) b.description(p.description());
        return b.build();
    }

    static AttachedPermissionsBoundary boundary(String arn) {
        if (arn == null) return null;
        return AttachedPermissionsBoundary.builder()
                .permissionsBoundaryType(PermissionsBoundaryAttachmentType.PERMISSIONS_BOUNDARY_POLICY)
                .permissionsBoundaryArn(arn).build();
    }
}
