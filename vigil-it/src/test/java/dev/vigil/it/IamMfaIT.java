package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.iam.iam.Totp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.VirtualMFADevice;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** Virtual MFA devices through the SDK, and MFA-authenticated STS sessions (issue 3, deliverable 1). */
class IamMfaIT extends IamServerFixture {
    static final String MFA_ONLY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":[\"iam:ListUsers\",\"cloudtrail:LookupEvents\"],\"Resource\":\"*\","
            + "\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}]}";

    static String code(byte[] secret, long offset) { return Totp.code(secret, Totp.step(Instant.now()) + offset); }

    /** A user allowed sts:* and, with MFA only, iam:ListUsers; with an enabled device. @return its key and seed */
    record MfaUser(String name, AccessKey key, String serial, byte[] secret) {}

    static MfaUser mfaUser() {
        String name = unique("mfa");
        root.createUser(r -> r.userName(name));
        root.putUserPolicy(r -> r.userName(name).policyName("mfa-only").policyDocument(MFA_ONLY));
        root.putUserPolicy(r -> r.userName(name).policyName("sts").policyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:*\",\"Resource\":\"*\"}]}"));
        AccessKey key = root.createAccessKey(r -> r.userName(name)).accessKey();
        VirtualMFADevice d = root.createVirtualMFADevice(r -> r.virtualMFADeviceName(name)).virtualMFADevice();
        byte[] secret = Totp.fromBase32(d.base32StringSeed().asUtf8String());
        root.enableMFADevice(r -> r.userName(name).serialNumber(d.serialNumber()).authenticationCode1(code(secret, -1))
                .authenticationCode2(code(secret, 0)));
        return new MfaUser(name, key, d.serialNumber(), secret);
    }

    static StaticCredentialsProvider session(Credentials c) {
        return StaticCredentialsProvider.create(
                AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
    }

    @Test
    void deviceLifecycle() {
        String name = unique("dev");
        root.createUser(r -> r.userName(name));
        VirtualMFADevice d = root.createVirtualMFADevice(r -> r.virtualMFADeviceName(name)).virtualMFADevice();
        assertThat(d.serialNumber()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":mfa/" + name);
        byte[] secret = Totp.fromBase32(d.base32StringSeed().asUtf8String());
        assertThat(secret).hasSize(20);

        AwsServiceException wrong = catchThrowableOfType(AwsServiceException.class, () -> root.enableMFADevice(r -> r
                .userName(name).serialNumber(d.serialNumber()).authenticationCode1("000000")
                .authenticationCode2("000000")));
        assertThat(wrong.awsErrorDetails().errorCode()).isEqualTo("InvalidAuthenticationCode");
        assertThat(wrong.statusCode()).isEqualTo(403);

        root.enableMFADevice(r -> r.userName(name).serialNumber(d.serialNumber()).authenticationCode1(code(secret, -1))
                .authenticationCode2(code(secret, 0)));
        assertThat(root.listMFADevices(r -> r.userName(name)).mfaDevices()).singleElement()
                .satisfies(m -> assertThat(m.serialNumber()).isEqualTo(d.serialNumber()));
        assertThat(root.listVirtualMFADevices(r -> r.assignmentStatus("Assigned")).virtualMFADevices())
                .anySatisfy(v -> assertThat(v.serialNumber()).isEqualTo(d.serialNumber()));
        AwsServiceException conflict = catchThrowableOfType(AwsServiceException.class,
                () -> root.deleteUser(r -> r.userName(name)));
        assertThat(conflict.awsErrorDetails().errorCode()).isEqualTo("DeleteConflict");
        assertThat(catchThrowableOfType(AwsServiceException.class, () -> root.deleteVirtualMFADevice(r -> r
                .serialNumber(d.serialNumber()))).awsErrorDetails().errorCode()).isEqualTo("DeleteConflict");

        root.deactivateMFADevice(r -> r.userName(name).serialNumber(d.serialNumber()));
        assertThat(root.listVirtualMFADevices(r -> r.assignmentStatus("Unassigned")).virtualMFADevices())
                .anySatisfy(v -> assertThat(v.serialNumber()).isEqualTo(d.serialNumber()));
        root.deleteVirtualMFADevice(r -> r.serialNumber(d.serialNumber()));
        root.deleteUser(r -> r.userName(name));
    }

    @Test
    void getSessionTokenWithMfaSatisfiesMultiFactorAuthPresent() {
        MfaUser u = mfaUser();
        try (StsClient sts = vigil.client(StsClient.builder(), u.key().accessKeyId(), u.key().secretAccessKey())) {
            Credentials plain = sts.getSessionToken().credentials();
            try (IamClient iam = vigil.client(IamClient.builder(), session(plain));
                 CloudTrailClient ct = vigil.client(CloudTrailClient.builder(), session(plain))) {
                // Without MFA the Bool condition does not match; IAM refuses such sessions outright, as AWS does.
                assertThat(catchThrowableOfType(AwsServiceException.class, () -> ct.lookupEvents(r -> r.maxResults(1)))
                        .awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                assertThat(catchThrowableOfType(AwsServiceException.class, iam::listUsers).awsErrorDetails()
                        .errorCode()).isEqualTo("InvalidClientTokenId");
            }
            AwsServiceException bad = catchThrowableOfType(AwsServiceException.class, () -> sts.getSessionToken(r -> r
                    .serialNumber(u.serial()).tokenCode(code(u.secret(), 10))));
            assertThat(bad.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");

            Credentials mfa = sts.getSessionToken(r -> r.serialNumber(u.serial()).tokenCode(code(u.secret(), 0)))
                    .credentials();
            try (StsClient s = vigil.client(StsClient.builder(), session(mfa));
                 IamClient iam = vigil.client(IamClient.builder(), session(mfa));
                 CloudTrailClient ct = vigil.client(CloudTrailClient.builder(), session(mfa))) {
                assertThat(s.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/" + u.name());
                ct.lookupEvents(r -> r.maxResults(1));
                assertThat(iam.listUsers().users()).isNotEmpty();
            }
        }
    }

    @Test
    void assumeRoleWithMfaSatisfiesATrustPolicyRequiringIt() {
        MfaUser u = mfaUser();
        String roleName = unique("mfa-role");
        String arn = root.createRole(r -> r.roleName(roleName).assumeRolePolicyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"},"
                + "\"Action\":\"sts:AssumeRole\",\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}]}"))
                .role().arn();
        root.putRolePolicy(r -> r.roleName(roleName).policyName("p").policyDocument(MFA_ONLY));
        try (StsClient sts = vigil.client(StsClient.builder(), u.key().accessKeyId(), u.key().secretAccessKey())) {
            assertThat(catchThrowableOfType(AwsServiceException.class, () -> sts.assumeRole(r -> r.roleArn(arn)
                    .roleSessionName("sess"))).awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            Credentials c = sts.assumeRole(r -> r.roleArn(arn).roleSessionName("sess").serialNumber(u.serial())
                    .tokenCode(code(u.secret(), 0))).credentials();
            try (StsClient s = vigil.client(StsClient.builder(), session(c));
                 IamClient iam = vigil.client(IamClient.builder(), session(c))) {
                assertThat(s.getCallerIdentity().arn()).endsWith(":assumed-role/" + roleName + "/sess");
                assertThat(iam.listUsers().users()).isNotEmpty();
            }
        }
    }
}
