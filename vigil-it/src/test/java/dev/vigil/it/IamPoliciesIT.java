package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.ListEntitiesForPolicyResponse;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyRole;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicyUser;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/** Roles, managed policies (the account's and AWS's), versions, attachments and inline policies through SDK v2. */
class IamPoliciesIT extends IamServerFixture {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    static final String READ_LOGS = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
            + " \"Action\": \"logs:Describe*\", \"Resource\": \"*\"}]}";
    static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";

    static JsonNode decoded(String urlEncoded) throws Exception {
        return JSON.readTree(URLDecoder.decode(urlEncoded, StandardCharsets.UTF_8));
    }

    @Test
    void roleLifecycleWithUrlEncodedTrustPolicy() throws Exception {
        String name = unique("lambda-exec");
        Role created = root.createRole(r -> r.roleName(name).path("/service/").assumeRolePolicyDocument(TRUST)
                .description("runs functions").maxSessionDuration(7200).tags(Tag.builder().key("k").value("v").build()))
                .role();
        assertThat(created.roleId()).startsWith("AROA");
        assertThat(created.arn()).isEqualTo("arn:aws:iam::000000000000:role/service/" + name);
        assertThat(created.assumeRolePolicyDocument()).startsWith("%7B%22Version%22");
        assertThat(decoded(created.assumeRolePolicyDocument())).isEqualTo(JSON.readTree(TRUST));

        Role got = root.getRole(r -> r.roleName(name)).role();
        assertThat(got.maxSessionDuration()).isEqualTo(7200);
        assertThat(got.description()).isEqualTo("runs functions");
        assertThat(got.tags()).extracting(Tag::key).containsExactly("k");
        assertThat(decoded(got.assumeRolePolicyDocument()).path("Statement").get(0).path("Principal").path("Service")
                .asText()).isEqualTo("lambda.amazonaws.com");
        assertThat(root.listRoles(r -> r.pathPrefix("/service/")).roles()).extracting(Role::roleName).contains(name);

        root.updateRole(r -> r.roleName(name).description("new words"));
        Role updated = root.getRole(r -> r.roleName(name)).role();
        assertThat(updated.description()).isEqualTo("new words");
        assertThat(updated.maxSessionDuration()).isEqualTo(7200);
        String ec2 = TRUST.replace("lambda", "ec2");
        root.updateAssumeRolePolicy(r -> r.roleName(name).policyDocument(ec2));
        assertThat(decoded(root.getRole(r -> r.roleName(name)).role().assumeRolePolicyDocument()))
                .isEqualTo(JSON.readTree(ec2));

        root.tagRole(r -> r.roleName(name).tags(Tag.builder().key("k2").value("v2").build()));
        root.untagRole(r -> r.roleName(name).tagKeys("k"));
        assertThat(root.listRoleTags(r -> r.roleName(name)).tags()).extracting(Tag::key).containsExactly("k2");

        AwsServiceException tooLong = catchThrowableOfType(AwsServiceException.class,
                () -> root.updateRole(r -> r.roleName(name).maxSessionDuration(50000)));
        assertThat(tooLong.awsErrorDetails().errorMessage())
                .contains("Member must have value less than or equal to 43200");
        root.deleteRole(r -> r.roleName(name));
        NoSuchEntityException gone = catchThrowableOfType(NoSuchEntityException.class, () -> root.getRole(r -> r.roleName(name)));
        assertThat(gone.awsErrorDetails().errorMessage()).isEqualTo("The role with name " + name + " cannot be found.");
    }

    @Test
    void trustPoliciesAreValidated() {
        MalformedPolicyDocumentException noPrincipal = catchThrowableOfType(MalformedPolicyDocumentException.class,
                () -> root.createRole(r -> r.roleName(unique("r")).assumeRolePolicyDocument(READ_LOGS)));
        assertThat(noPrincipal.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicyDocument");
        assertThat(noPrincipal.statusCode()).isEqualTo(400);
        MalformedPolicyDocumentException notJson = catchThrowableOfType(MalformedPolicyDocumentException.class,
                () -> root.createRole(r -> r.roleName(unique("r")).assumeRolePolicyDocument("not json")));
        assertThat(notJson.awsErrorDetails().errorMessage()).isNotBlank();
        AwsServiceException missing = catchThrowableOfType(AwsServiceException.class,
                () -> root.createRole(r -> r.roleName(unique("r"))));
        assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        assertThat(missing.awsErrorDetails().errorMessage()).contains("'assumeRolePolicyDocument'")
                .contains("Member must not be null");
    }

    @Test
    void managedPolicyVersions() throws Exception {
        String name = unique("read-logs");
        Policy p = root.createPolicy(r -> r.policyName(name).path("/app/").policyDocument(READ_LOGS).description("d")).policy();
        assertThat(p.arn()).isEqualTo("arn:aws:iam::000000000000:policy/app/" + name);
        assertThat(p.policyId()).startsWith("ANPA");
        assertThat(p.defaultVersionId()).isEqualTo("v1");
        assertThat(p.attachmentCount()).isZero();
        assertThat(p.isAttachable()).isTrue();
        EntityAlreadyExistsException dup = catchThrowableOfType(EntityAlreadyExistsException.class,
                () -> root.createPolicy(r -> r.policyName(name).policyDocument(READ_LOGS)));
        assertThat(dup.awsErrorDetails().errorMessage())
                .isEqualTo("A policy called " + name + " already exists. Duplicate names are not allowed.");

        assertThat(root.getPolicy(r -> r.policyArn(p.arn())).policy().description()).isEqualTo("d");
        for (int i = 2; i <= 5; i++) {
            int n = i;
            PolicyVersion v = root.createPolicyVersion(r -> r.policyArn(p.arn())
                    .policyDocument(READ_LOGS.replace("Describe*", "Get" + n)).setAsDefault(n == 3)).policyVersion();
            assertThat(v.versionId()).isEqualTo("v" + i);
            assertThat(v.isDefaultVersion()).isEqualTo(n == 3);
        }
        LimitExceededException full = catchThrowableOfType(LimitExceededException.class,
                () -> root.createPolicyVersion(r -> r.policyArn(p.arn()).policyDocument(READ_LOGS)));
        assertThat(full.awsErrorDetails().errorMessage()).isEqualTo("A managed policy can have up to 5 versions. Before"
                + " you create a new version, you must delete an existing version.");
        assertThat(full.statusCode()).isEqualTo(409);

        assertThat(root.getPolicy(r -> r.policyArn(p.arn())).policy().defaultVersionId()).isEqualTo("v3");
        assertThat(root.listPolicyVersions(r -> r.policyArn(p.arn())).versions()).extracting(PolicyVersion::versionId)
                .containsExactly("v5", "v4", "v3", "v2", "v1");
        PolicyVersion v3 = root.getPolicyVersion(r -> r.policyArn(p.arn()).versionId("v3")).policyVersion();
        assertThat(v3.isDefaultVersion()).isTrue();
        assertThat(decoded(v3.document()).path("Statement").get(0).path("Action").asText()).isEqualTo("logs:Get3");

        DeleteConflictException isDefault = catchThrowableOfType(DeleteConflictException.class,
                () -> root.deletePolicyVersion(r -> r.policyArn(p.arn()).versionId("v3")));
        assertThat(isDefault.awsErrorDetails().errorMessage()).isEqualTo("Cannot delete the default version of a policy.");
        DeleteConflictException versions = catchThrowableOfType(DeleteConflictException.class,
                () -> root.deletePolicy(r -> r.policyArn(p.arn())));
        assertThat(versions.awsErrorDetails().errorMessage()).startsWith("This policy has more than one version.");
        root.setDefaultPolicyVersion(r -> r.policyArn(p.arn()).versionId("v5"));
        for (String v : new String[] {"v1", "v2", "v3", "v4"}) root.deletePolicyVersion(r -> r.policyArn(p.arn()).versionId(v));
        // Version numbers are not reused.
        assertThat(root.createPolicyVersion(r -> r.policyArn(p.arn()).policyDocument(READ_LOGS)).policyVersion().versionId())
                .isEqualTo("v6");
        root.deletePolicyVersion(r -> r.policyArn(p.arn()).versionId("v6"));
        NoSuchEntityException noVersion = catchThrowableOfType(NoSuchEntityException.class,
                () -> root.getPolicyVersion(r -> r.policyArn(p.arn()).versionId("v6")));
        assertThat(noVersion.awsErrorDetails().errorMessage())
                .isEqualTo("Policy " + p.arn() + " version v6 does not exist or is not attachable.");
        root.deletePolicy(r -> r.policyArn(p.arn()));
        NoSuchEntityException gone = catchThrowableOfType(NoSuchEntityException.class,
                () -> root.getPolicy(r -> r.policyArn(p.arn())));
        assertThat(gone.awsErrorDetails().errorMessage()).isEqualTo("Policy " + p.arn() + " was not found.");
    }

    @Test
    void identityPoliciesAreValidated() {
        MalformedPolicyDocumentException principal = catchThrowableOfType(MalformedPolicyDocumentException.class,
                () -> root.createPolicy(r -> r.policyName(unique("p")).policyDocument(TRUST)));
        assertThat(principal.awsErrorDetails().errorMessage()).isEqualTo("Policy document should not specify a principal.");
        AwsServiceException badArn = catchThrowableOfType(AwsServiceException.class,
                () -> root.getPolicy(r -> r.policyArn("not-an-arn-at-all-xyz")));
        assertThat(badArn.awsErrorDetails().errorCode()).isEqualTo("InvalidInput");
        assertThat(badArn.awsErrorDetails().errorMessage()).isEqualTo("ARN not-an-arn-at-all-xyz is not valid.");
    }

    @Test
    void awsManagedPoliciesAreSharedAndAttachable() throws Exception {
        Policy admin = root.getPolicy(r -> r.policyArn(ADMIN)).policy();
        assertThat(admin.policyName()).isEqualTo("AdministratorAccess");
        assertThat(admin.policyId()).isEqualTo("ANPAIWMBCKSKIEE64ZLYK");
        assertThat(admin.defaultVersionId()).isEqualTo("v1");
        PolicyVersion doc = root.getPolicyVersion(r -> r.policyArn(ADMIN).versionId("v1")).policyVersion();
        JsonNode statement = decoded(doc.document()).path("Statement").get(0);
        assertThat(statement.path("Action").asText()).isEqualTo("*");
        assertThat(statement.path("Resource").asText()).isEqualTo("*");

        assertThat(root.listPoliciesPaginator(r -> r.scope(PolicyScopeType.AWS)).policies()).extracting(Policy::policyName)
                .contains("AdministratorAccess", "PowerUserAccess", "ReadOnlyAccess", "IAMFullAccess", "IAMReadOnlyAccess",
                        "CloudWatchFullAccess", "CloudWatchReadOnlyAccess", "CloudWatchLogsFullAccess",
                        "CloudWatchLogsReadOnlyAccess", "AmazonEventBridgeFullAccess", "AWSCloudTrail_FullAccess",
                        "AWSCloudTrail_ReadOnlyAccess", "AWS_ConfigRole", "AWSOrganizationsFullAccess");
        assertThat(root.getPolicy(r -> r.policyArn("arn:aws:iam::aws:policy/service-role/AWS_ConfigRole")).policy().path())
                .isEqualTo("/service-role/");

        String user = unique("admin-user");
        String role = unique("admin-role");
        root.createUser(r -> r.userName(user));
        root.createRole(r -> r.roleName(role).assumeRolePolicyDocument(TRUST));
        root.attachUserPolicy(r -> r.userName(user).policyArn(ADMIN));
        root.attachUserPolicy(r -> r.userName(user).policyArn(ADMIN)); // twice is fine
        root.attachRolePolicy(r -> r.roleName(role).policyArn(ADMIN));
        assertThat(root.listAttachedUserPolicies(r -> r.userName(user)).attachedPolicies())
                .containsExactly(AttachedPolicy.builder().policyName("AdministratorAccess").policyArn(ADMIN).build());
        assertThat(root.getPolicy(r -> r.policyArn(ADMIN)).policy().attachmentCount()).isEqualTo(2);
        ListEntitiesForPolicyResponse holders = root.listEntitiesForPolicy(r -> r.policyArn(ADMIN));
        assertThat(holders.policyUsers()).extracting(PolicyUser::userName).containsExactly(user);
        assertThat(holders.policyRoles()).extracting(PolicyRole::roleName).containsExactly(role);
        assertThat(root.listPolicies(r -> r.onlyAttached(true)).policies()).extracting(Policy::arn).containsExactly(ADMIN);

        // Another account sees the same AWS policy, but none of these attachments.
        try (IamClient other = vigil.client(IamClient.builder(), "222233334444", "x")) {
            assertThat(other.getPolicy(r -> r.policyArn(ADMIN)).policy().attachmentCount()).isZero();
        }
        AwsServiceException readOnly = catchThrowableOfType(AwsServiceException.class,
                () -> root.deletePolicy(r -> r.policyArn(ADMIN)));
        assertThat(readOnly.statusCode()).isEqualTo(403);

        DeleteConflictException attached = catchThrowableOfType(DeleteConflictException.class,
                () -> root.deleteRole(r -> r.roleName(role)));
        assertThat(attached.awsErrorDetails().errorMessage()).isEqualTo("Cannot delete entity, must detach all policies first.");
        NoSuchEntityException unknown = catchThrowableOfType(NoSuchEntityException.class,
                () -> root.attachRolePolicy(r -> r.roleName(role).policyArn("arn:aws:iam::aws:policy/NoSuchPolicy")));
        assertThat(unknown.awsErrorDetails().errorMessage())
                .isEqualTo("Policy arn:aws:iam::aws:policy/NoSuchPolicy does not exist or is not attachable.");

        root.detachUserPolicy(r -> r.userName(user).policyArn(ADMIN));
        root.detachRolePolicy(r -> r.roleName(role).policyArn(ADMIN));
        NoSuchEntityException notAttached = catchThrowableOfType(NoSuchEntityException.class,
                () -> root.detachRolePolicy(r -> r.roleName(role).policyArn(ADMIN)));
        assertThat(notAttached.awsErrorDetails().errorMessage()).isEqualTo("Policy " + ADMIN + " was not found.");
        root.deleteUser(r -> r.userName(user));
        root.deleteRole(r -> r.roleName(role));
    }

    @Test
    void customerPolicyAttachedToAGroupCannotBeDeleted() {
        String group = unique("readers");
        Policy p = root.createPolicy(r -> r.policyName(unique("reader")).policyDocument(READ_LOGS)).policy();
        root.createGroup(r -> r.groupName(group));
        root.attachGroupPolicy(r -> r.groupName(group).policyArn(p.arn()));
        assertThat(root.listAttachedGroupPolicies(r -> r.groupName(group)).attachedPolicies())
                .extracting(AttachedPolicy::policyArn).containsExactly(p.arn());
        assertThat(root.listEntitiesForPolicy(r -> r.policyArn(p.arn())).policyGroups()).hasSize(1);
        DeleteConflictException inUse = catchThrowableOfType(DeleteConflictException.class,
                () -> root.deletePolicy(r -> r.policyArn(p.arn())));
        assertThat(inUse.awsErrorDetails().errorMessage()).isEqualTo("Cannot delete a policy attached to entities.");
        assertThat(root.listPolicies(r -> r.scope(PolicyScopeType.LOCAL)).policies()).extracting(Policy::arn).contains(p.arn());
        root.detachGroupPolicy(r -> r.groupName(group).policyArn(p.arn()));
        root.deletePolicy(r -> r.policyArn(p.arn()));
        root.deleteGroup(r -> r.groupName(group));
    }

    @Test
    void attachmentQuotaIsTen() {
        String user = unique("many");
        root.createUser(r -> r.userName(user));
        String[] arns = new String[11];
        for (int i = 0; i < 11; i++) {
            int n = i;
            arns[i] = root.createPolicy(r -> r.policyName(user + "-p" + n).policyDocument(READ_LOGS)).policy().arn();
        }
        for (int i = 0; i < 10; i++) {
            String arn = arns[i];
            root.attachUserPolicy(r -> r.userName(user).policyArn(arn));
        }
        LimitExceededException e = catchThrowableOfType(LimitExceededException.class,
                () -> root.attachUserPolicy(r -> r.userName(user).policyArn(arns[10])));
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Cannot exceed quota for PoliciesPerUser: 10");
        var page = root.listAttachedUserPolicies(r -> r.userName(user).maxItems(4));
        assertThat(page.isTruncated()).isTrue();
        assertThat(root.listAttachedUserPoliciesPaginator(r -> r.userName(user).maxItems(4)).attachedPolicies()).hasSize(10);
        for (int i = 0; i < 10; i++) {
            String arn = arns[i];
            root.detachUserPolicy(r -> r.userName(user).policyArn(arn));
        }
        for (String arn : arns) root.deletePolicy(r -> r.policyArn(arn));
        root.deleteUser(r -> r.userName(user));
    }

    @Test
    void inlinePoliciesOfUsersGroupsAndRoles() throws Exception {
        String user = unique("u");
        String group = unique("g");
        String role = unique("r");
        root.createUser(r -> r.userName(user));
        root.createGroup(r -> r.groupName(group));
        root.createRole(r -> r.roleName(role).assumeRolePolicyDocument(TRUST));

        root.putUserPolicy(r -> r.userName(user).policyName("logs").policyDocument(READ_LOGS));
        root.putGroupPolicy(r -> r.groupName(group).policyName("logs").policyDocument(READ_LOGS));
        root.putRolePolicy(r -> r.roleName(role).policyName("logs").policyDocument(READ_LOGS));
        root.putRolePolicy(r -> r.roleName(role).policyName("more").policyDocument(READ_LOGS));

        var got = root.getUserPolicy(r -> r.userName(user).policyName("logs"));
        assertThat(got.userName()).isEqualTo(user);
        assertThat(got.policyDocument()).startsWith("%7B%22Version%22%3A%20%222012-10-17%22");
        assertThat(decoded(got.policyDocument())).isEqualTo(JSON.readTree(READ_LOGS));
        assertThat(decoded(root.getGroupPolicy(r -> r.groupName(group).policyName("logs")).policyDocument()))
                .isEqualTo(JSON.readTree(READ_LOGS));
        assertThat(root.getRolePolicy(r -> r.roleName(role).policyName("more")).roleName()).isEqualTo(role);
        assertThat(root.listRolePolicies(r -> r.roleName(role)).policyNames()).containsExactly("logs", "more");
        assertThat(root.listUserPolicies(r -> r.userName(user)).policyNames()).containsExactly("logs");
        assertThat(root.listGroupPolicies(r -> r.groupName(group)).policyNames()).containsExactly("logs");

        NoSuchEntityException missing = catchThrowableOfType(NoSuchEntityException.class,
                () -> root.getRolePolicy(r -> r.roleName(role).policyName("none")));
        assertThat(missing.awsErrorDetails().errorMessage()).isEqualTo("The role policy with name none cannot be found.");
        DeleteConflictException hasInline = catchThrowableOfType(DeleteConflictException.class,
                () -> root.deleteUser(r -> r.userName(user)));
        assertThat(hasInline.awsErrorDetails().errorMessage()).isEqualTo("Cannot delete entity, must delete policies first.");

        // The user quota counts every inline policy of the user (2,048 characters, white space excluded).
        String big = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"logs:"
                + "A".repeat(1990) + "\",\"Resource\":\"*\"}]}";
        LimitExceededException tooBig = catchThrowableOfType(LimitExceededException.class,
                () -> root.putUserPolicy(r -> r.userName(user).policyName("big").policyDocument(big)));
        assertThat(tooBig.awsErrorDetails().errorMessage()).isEqualTo("Maximum policy size of 2048 bytes exceeded for user "
                + user);

        root.deleteUserPolicy(r -> r.userName(user).policyName("logs"));
        root.deleteGroupPolicy(r -> r.groupName(group).policyName("logs"));
        root.deleteRolePolicy(r -> r.roleName(role).policyName("logs"));
        root.deleteRolePolicy(r -> r.roleName(role).policyName("more"));
        assertThat(catchThrowableOfType(NoSuchEntityException.class,
                () -> root.deleteUserPolicy(r -> r.userName(user).policyName("logs")))).isNotNull();
        root.deleteUser(r -> r.userName(user));
        root.deleteGroup(r -> r.groupName(group));
        root.deleteRole(r -> r.roleName(role));
    }

    @Test
    void permissionsBoundaries() {
        String user = unique("bounded");
        String readOnly = "arn:aws:iam::aws:policy/ReadOnlyAccess";
        var created = root.createUser(r -> r.userName(user).permissionsBoundary(readOnly)).user();
        assertThat(created.permissionsBoundary().permissionsBoundaryArn()).isEqualTo(readOnly);
        assertThat(created.permissionsBoundary().permissionsBoundaryTypeAsString()).isEqualTo("PermissionsBoundaryPolicy");
        assertThat(root.getPolicy(r -> r.policyArn(readOnly)).policy().permissionsBoundaryUsageCount()).isEqualTo(1);
        assertThat(root.listEntitiesForPolicy(r -> r.policyArn(readOnly).policyUsageFilter("PermissionsBoundary"))
                .policyUsers()).extracting(PolicyUser::userName).containsExactly(user);
        NoSuchEntityException unknown = catchThrowableOfType(NoSuchEntityException.class,
                () -> root.putUserPermissionsBoundary(r -> r.userName(user)
                        .permissionsBoundary("arn:aws:iam::000000000000:policy/nope")));
        assertThat(unknown.awsErrorDetails().errorMessage())
                .isEqualTo("Scope ARN: arn:aws:iam::000000000000:policy/nope does not exist or is not attachable.");
        root.deleteUserPermissionsBoundary(r -> r.userName(user));
        assertThat(root.getUser(r -> r.userName(user)).user().permissionsBoundary()).isNull();
        root.deleteUser(r -> r.userName(user));
    }
}
