package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.UserDetail;

/** GetAccountAuthorizationDetails and service-linked roles through the SDK (issue 3, deliverable 1). */
class IamAccountDetailsIT extends IamServerFixture {
    static final String DOC = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"logs:Describe*\",\"Resource\":\"*\"}]}";

    @Test
    void authorizationDetailsListEveryEntityWithItsPolicies() {
        String user = unique("u");
        String group = unique("g");
        String policy = unique("p");
        root.createUser(r -> r.userName(user));
        root.createGroup(r -> r.groupName(group));
        root.addUserToGroup(r -> r.groupName(group).userName(user));
        root.putUserPolicy(r -> r.userName(user).policyName("inline").policyDocument(DOC));
        String policyArn = root.createPolicy(r -> r.policyName(policy).policyDocument(DOC)).policy().arn();
        root.attachGroupPolicy(r -> r.groupName(group).policyArn(policyArn));
        root.attachUserPolicy(r -> r.userName(user).policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess"));

        List<UserDetail> users = new ArrayList<>();
        List<ManagedPolicyDetail> policies = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            String m = marker;
            GetAccountAuthorizationDetailsResponse page = root.getAccountAuthorizationDetails(r -> r.marker(m).maxItems(2));
            assertThat(page.userDetailList().size() + page.groupDetailList().size() + page.roleDetailList().size()
                    + page.policies().size()).isLessThanOrEqualTo(2);
            users.addAll(page.userDetailList());
            policies.addAll(page.policies());
            marker = page.isTruncated() ? page.marker() : null;
            pages++;
        } while (marker != null);
        assertThat(pages).isGreaterThan(1);

        UserDetail u = users.stream().filter(x -> x.userName().equals(user)).findFirst().orElseThrow();
        assertThat(u.groupList()).containsExactly(group);
        assertThat(u.userPolicyList()).singleElement().satisfies(p -> {
            assertThat(p.policyName()).isEqualTo("inline");
            assertThat(URLDecoder.decode(p.policyDocument(), StandardCharsets.UTF_8)).isEqualTo(DOC);
        });
        assertThat(u.attachedManagedPolicies()).extracting(a -> a.policyArn())
                .containsExactly("arn:aws:iam::aws:policy/ReadOnlyAccess");
        ManagedPolicyDetail mine = policies.stream().filter(p -> p.arn().equals(policyArn)).findFirst().orElseThrow();
        assertThat(mine.attachmentCount()).isEqualTo(1);
        assertThat(mine.policyVersionList()).singleElement().satisfies(v -> assertThat(v.isDefaultVersion()).isTrue());
        // AWS managed policies appear only when the account uses them.
        assertThat(policies).extracting(ManagedPolicyDetail::arn).contains("arn:aws:iam::aws:policy/ReadOnlyAccess")
                .doesNotContain("arn:aws:iam::aws:policy/PowerUserAccess");

        GetAccountAuthorizationDetailsResponse onlyRoles = root.getAccountAuthorizationDetails(r -> r.filter(EntityType.ROLE));
        assertThat(onlyRoles.userDetailList()).isEmpty();
        assertThat(onlyRoles.policies()).isEmpty();
    }

    @Test
    void serviceLinkedRolesAreProtectedAndDeletedThroughATask() {
        Role role = root.createServiceLinkedRole(r -> r.awsServiceName("config.amazonaws.com").description("Config"))
                .role();
        try {
            assertThat(role.roleName()).isEqualTo("AWSServiceRoleForConfig");
            assertThat(role.path()).isEqualTo("/aws-service-role/config.amazonaws.com/");
            assertThat(URLDecoder.decode(role.assumeRolePolicyDocument(), StandardCharsets.UTF_8))
                    .contains("\"Service\":[\"config.amazonaws.com\"]");

            AwsServiceException again = catchThrowableOfType(AwsServiceException.class,
                    () -> root.createServiceLinkedRole(r -> r.awsServiceName("config.amazonaws.com")));
            assertThat(again.awsErrorDetails().errorCode()).isEqualTo("InvalidInput");
            assertThat(again.awsErrorDetails().errorMessage()).isEqualTo(
                    "Service role name AWSServiceRoleForConfig has been taken in this account, please try a different suffix.");
            for (Runnable change : List.<Runnable>of(
                    () -> root.deleteRole(r -> r.roleName(role.roleName())),
                    () -> root.putRolePolicy(r -> r.roleName(role.roleName()).policyName("x").policyDocument(DOC)),
                    () -> root.attachRolePolicy(r -> r.roleName(role.roleName())
                            .policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess")),
                    () -> root.updateAssumeRolePolicy(r -> r.roleName(role.roleName()).policyDocument(
                            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\"}]}")))) {
                AwsServiceException e = catchThrowableOfType(AwsServiceException.class, change::run);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnmodifiableEntity");
                assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Cannot perform the operation on the protected "
                        + "role 'AWSServiceRoleForConfig' - this role is only modifiable by AWS");
            }
            List<RoleDetail> details = root.getAccountAuthorizationDetails(r -> r.filter(EntityType.ROLE)).roleDetailList();
            assertThat(details).extracting(RoleDetail::roleName).contains("AWSServiceRoleForConfig");
        } finally {
            String task = root.deleteServiceLinkedRole(r -> r.roleName(role.roleName())).deletionTaskId();
            assertThat(task).startsWith("task/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig/");
            assertThat(root.getServiceLinkedRoleDeletionStatus(r -> r.deletionTaskId(task)).statusAsString())
                    .isEqualTo("SUCCEEDED");
        }
        AwsServiceException gone = catchThrowableOfType(AwsServiceException.class,
                () -> root.getRole(r -> r.roleName("AWSServiceRoleForConfig")));
        assertThat(gone.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
    }
}
