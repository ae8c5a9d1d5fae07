package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.testkit.VigilTestServer;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Cross-account AssumeRole (issue 3): the root of account B (the 12-digit access key 111111111111) creates a role
 * trusting account A (000000000000); an IAM user of A allowed sts:AssumeRole on it assumes it and then acts in B
 * with the role's permissions only. Both sides must allow, as AWS's cross-account evaluation requires.
 */
class StsCrossAccountIT {
    static final String A = "000000000000";
    static final String B = "111111111111";
    static final String TRUST_A = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},\"Action\":\"sts:AssumeRole\"}]}";
    static VigilTestServer vigil;
    static IamClient rootA;
    static IamClient rootB;

    @BeforeAll
    static void start() {
        vigil = VigilTestServer.start();
        rootA = vigil.client(IamClient.builder());
        rootB = vigil.client(IamClient.builder(), B, "anything");
    }

    @AfterAll
    static void stop() {
        rootA.close();
        rootB.close();
        vigil.close();
    }

    static String unique(String prefix) { return prefix + UUID.randomUUID().toString().substring(0, 8); }

    static AccessKey userOfA(String name, String assumable) {
        rootA.createUser(r -> r.userName(name));
        if (assumable != null) {
            rootA.putUserPolicy(r -> r.userName(name).policyName("assume").policyDocument("{\"Version\":\"2012-10-17\","
                    + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"" + assumable
                    + "\"}]}"));
        }
        return rootA.createAccessKey(r -> r.userName(name)).accessKey();
    }

    static StsClient sts(AccessKey key) { return vigil.client(StsClient.builder(), key.accessKeyId(), key.secretAccessKey()); }

    static StaticCredentialsProvider session(Credentials c) {
        return StaticCredentialsProvider.create(
                AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
    }

    @Test
    void userOfAccountAAssumesARoleOfAccountBAndActsThere() {
        String roleName = unique("auditor");
        Role role = rootB.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument(TRUST_A)).role();
        assertThat(role.arn()).isEqualTo("arn:aws:iam::" + B + ":role/" + roleName);
        rootB.attachRolePolicy(r -> r.roleName(roleName).policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
        String onlyInB = unique("b-only");
        rootB.createRole(r -> r.roleName(onlyInB).assumeRolePolicyDocument(TRUST_A));

        String userName = unique("alice");
        AccessKey key = userOfA(userName, role.arn());
        Credentials c;
        try (StsClient sts = sts(key)) {
            c = sts.assumeRole(r -> r.roleArn(role.arn()).roleSessionName("alice-in-b")).credentials();
        }
        try (StsClient sts = vigil.client(StsClient.builder(), session(c));
             IamClient iamInB = vigil.client(IamClient.builder(), session(c))) {
            GetCallerIdentityResponse me = sts.getCallerIdentity();
            assertThat(me.account()).isEqualTo(B);
            assertThat(me.arn()).isEqualTo("arn:aws:sts::" + B + ":assumed-role/" + roleName + "/alice-in-b");
            assertThat(me.userId()).isEqualTo(role.roleId() + ":alice-in-b");

            assertThat(iamInB.listRoles().roles()).extracting(Role::roleName).contains(roleName, onlyInB);
            AwsServiceException write = catchThrowableOfType(AwsServiceException.class,
                    () -> iamInB.createUser(r -> r.userName("intruder")));
            assertThat(write.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:sts::" + B + ":assumed-role/"
                    + roleName + "/alice-in-b is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::"
                    + B + ":user/intruder because no identity-based policy allows the iam:CreateUser action");
        }
        // Account A's roles are not visible from the session: it acts in B only.
        String onlyInA = unique("a-only");
        rootA.createRole(r -> r.roleName(onlyInA).assumeRolePolicyDocument(TRUST_A));
        try (IamClient iamInB = vigil.client(IamClient.builder(), session(c))) {
            assertThat(iamInB.listRoles().roles()).extracting(Role::roleName).doesNotContain(onlyInA);
        }
    }

    @Test
    void accountAMustAllowItsUserToo() {
        String roleName = unique("auditor");
        Role role = rootB.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument(TRUST_A)).role();
        String userName = unique("bob");
        AccessKey key = userOfA(userName, null);
        try (StsClient sts = sts(key)) {
            AwsServiceException e = catchThrowableOfType(AwsServiceException.class,
                    () -> sts.assumeRole(r -> r.roleArn(role.arn()).roleSessionName("bob")));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::" + A + ":user/" + userName
                    + " is not authorized to perform: sts:AssumeRole on resource: " + role.arn());
        }
    }

    @Test
    void roleMustTrustAccountA() {
        String roleName = unique("private");
        Role role = rootB.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                        + "\"Principal\":{\"AWS\":\"arn:aws:iam::222222222222:root\"},\"Action\":\"sts:AssumeRole\"}]}"))
                .role();
        String userName = unique("carol");
        AccessKey key = userOfA(userName, "*");
        try (StsClient sts = sts(key)) {
            AwsServiceException e = catchThrowableOfType(AwsServiceException.class,
                    () -> sts.assumeRole(r -> r.roleArn(role.arn()).roleSessionName("carol")));
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::" + A + ":user/" + userName
                    + " is not authorized to perform: sts:AssumeRole on resource: " + role.arn());
        }
    }

    @Test
    void getAccessKeyInfoNamesTheAccountOfEachKey() {
        String roleName = unique("auditor");
        Role role = rootB.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument(TRUST_A)).role();
        AccessKey key = userOfA(unique("dave"), role.arn());
        Credentials c;
        try (StsClient sts = sts(key)) {
            c = sts.assumeRole(r -> r.roleArn(role.arn()).roleSessionName("dave")).credentials();
        }
        try (StsClient sts = vigil.client(StsClient.builder())) {
            assertThat(sts.getAccessKeyInfo(r -> r.accessKeyId(key.accessKeyId())).account()).isEqualTo(A);
            assertThat(sts.getAccessKeyInfo(r -> r.accessKeyId(c.accessKeyId())).account()).isEqualTo(B);
        }
    }
}
