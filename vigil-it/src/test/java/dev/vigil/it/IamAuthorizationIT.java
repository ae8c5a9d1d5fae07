package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Every call by an IAM user is authorized by the policy engine with AWS's evaluation logic and AWS's
 * AccessDenied messages (issue 3), through the real SDK clients.
 */
class IamAuthorizationIT extends IamServerFixture {
    static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";

    static AccessKey userWithInlinePolicy(String name, String policy) {
        root.createUser(r -> r.userName(name));
        if (policy != null) root.putUserPolicy(r -> r.userName(name).policyName("inline").policyDocument(policy));
        return root.createAccessKey(r -> r.userName(name)).accessKey();
    }

    static IamClient iamAs(AccessKey key) { return vigil.client(IamClient.builder(), key.accessKeyId(), key.secretAccessKey()); }

    @Test
    void readOnlyUserCanListButNotCreateWithAwsMessage() {
        String name = unique("reader");
        AccessKey key = userWithInlinePolicy(name, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":[\"iam:Get*\",\"iam:List*\"],\"Resource\":\"*\"}]}");
        try (IamClient reader = iamAs(key)) {
            assertThat(reader.listUsers().users()).extracting(u -> u.userName()).contains(name);
            AwsServiceException e = catchThrowableOfType(AwsServiceException.class,
                    () -> reader.createUser(r -> r.userName("intruder")));
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::000000000000:user/" + name
                    + " is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::000000000000:user/intruder"
                    + " because no identity-based policy allows the iam:CreateUser action");
            try (CloudTrailClient ct = vigil.client(CloudTrailClient.builder())) {
                JsonNode record = Trail.byRequestId(ct, "CreateUser", e.requestId());
                assertThat(record).isNotNull();
                assertThat(record.path("errorCode").asText()).isEqualTo("AccessDenied");
                assertThat(record.path("userIdentity").path("type").asText()).isEqualTo("IAMUser");
                assertThat(record.path("userIdentity").path("userName").asText()).isEqualTo(name);
            }
        }
    }

    @Test
    void secretsNeverReachTheAuditLog() {
        String name = unique("keyed");
        root.createUser(r -> r.userName(name));
        software.amazon.awssdk.services.iam.model.CreateAccessKeyResponse created =
                root.createAccessKey(r -> r.userName(name));
        try (CloudTrailClient ct = vigil.client(CloudTrailClient.builder())) {
            JsonNode record = Trail.byRequestId(ct, "CreateAccessKey", created.responseMetadata().requestId());
            assertThat(record).isNotNull();
            assertThat(record.path("responseElements").path("accessKey").path("accessKeyId").asText())
                    .isEqualTo(created.accessKey().accessKeyId());
            assertThat(record.toString()).doesNotContain(created.accessKey().secretAccessKey());
        }
    }

    @Test
    void jsonServicesSayAccessDeniedException() {
        String name = unique("nobody");
        AccessKey key = userWithInlinePolicy(name, null);
        try (CloudTrailClient ct = vigil.client(CloudTrailClient.builder(), key.accessKeyId(), key.secretAccessKey())) {
            AwsServiceException e = catchThrowableOfType(AwsServiceException.class, ct::lookupEvents);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(e.awsErrorDetails().errorMessage()).startsWith("User: arn:aws:iam::000000000000:user/" + name
                    + " is not authorized to perform: cloudtrail:LookupEvents");
        }
    }

    @Test
    void getCallerIdentityNeedsNoPermissionEvenUnderExplicitDeny() {
        String name = unique("denied");
        AccessKey key = userWithInlinePolicy(name, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
                + "\"Action\":\"*\",\"Resource\":\"*\"}]}");
        try (StsClient sts = vigil.client(StsClient.builder(), key.accessKeyId(), key.secretAccessKey())) {
            assertThat(sts.getCallerIdentity().arn()).endsWith(":user/" + name);
        }
    }

    @Test
    void explicitDenyWinsOverAdministratorAccess() {
        String name = unique("admin");
        AccessKey key = userWithInlinePolicy(name, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
                + "\"Action\":\"iam:DeleteUser\",\"Resource\":\"*\"}]}");
        root.attachUserPolicy(r -> r.userName(name).policyArn(ADMIN));
        try (IamClient admin = iamAs(key)) {
            String victim = unique("victim");
            admin.createUser(r -> r.userName(victim));
            AwsServiceException e = catchThrowableOfType(AwsServiceException.class,
                    () -> admin.deleteUser(r -> r.userName(victim)));
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::000000000000:user/" + name
                    + " is not authorized to perform: iam:DeleteUser on resource: arn:aws:iam::000000000000:user/" + victim
                    + " with an explicit deny in an identity-based policy");
        }
    }

    @Test
    void permissionsBoundaryCapsAdministratorAccess() {
        String name = unique("capped");
        String boundary = root.createPolicy(r -> r.policyName(unique("boundary")).policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:List*\","
                        + "\"Resource\":\"*\"}]}")).policy().arn();
        AccessKey key = userWithInlinePolicy(name, null);
        root.attachUserPolicy(r -> r.userName(name).policyArn(ADMIN));
        root.putUserPermissionsBoundary(r -> r.userName(name).permissionsBoundary(boundary));
        try (IamClient capped = iamAs(key)) {
            assertThat(capped.listRoles().roles()).isNotNull();
            AwsServiceException e = catchThrowableOfType(AwsServiceException.class,
                    () -> capped.createGroup(r -> r.groupName("g")));
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::000000000000:user/" + name
                    + " is not authorized to perform: iam:CreateGroup on resource: arn:aws:iam::000000000000:group/g"
                    + " because no permissions boundary allows the iam:CreateGroup action");
        }
        root.deleteUserPermissionsBoundary(r -> r.userName(name));
        try (IamClient uncapped = iamAs(key)) {
            String group = unique("g");
            uncapped.createGroup(r -> r.groupName(group));
        }
    }

    @Test
    void policyChangesTakeEffectOnTheNextCall() {
        String name = unique("grower");
        AccessKey key = userWithInlinePolicy(name, null);
        try (IamClient user = iamAs(key)) {
            assertThat(catchThrowableOfType(AwsServiceException.class, user::listUsers).statusCode()).isEqualTo(403);
            root.attachUserPolicy(r -> r.userName(name).policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
            assertThat(user.listUsers().users()).isNotEmpty();
            root.detachUserPolicy(r -> r.userName(name).policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
            assertThat(catchThrowableOfType(AwsServiceException.class, user::listUsers).statusCode()).isEqualTo(403);
        }
    }

    @Test
    void groupPoliciesApplyToMembers() {
        String name = unique("member");
        String group = unique("readers");
        AccessKey key = userWithInlinePolicy(name, null);
        root.createGroup(r -> r.groupName(group));
        root.attachGroupPolicy(r -> r.groupName(group).policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
        root.addUserToGroup(r -> r.groupName(group).userName(name));
        try (IamClient user = iamAs(key)) {
            assertThat(user.listGroups().groups()).isNotEmpty();
        }
    }
}
