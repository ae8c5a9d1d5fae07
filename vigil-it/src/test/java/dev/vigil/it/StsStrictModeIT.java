package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.testkit.VigilTestServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** Strict mode: session keys STS issued work (signature and token verified); made-up session keys do not. */
class StsStrictModeIT {
    static final String KEY = "AKIAVIGILSTRICTROOT2";
    static final String SECRET = "strict/secret+key";

    @Test
    void sessionKeysWorkInStrictMode() {
        try (VigilTestServer vigil = VigilTestServer.start(c -> c.withStrictAuth(KEY, SECRET));
             IamClient root = vigil.client(IamClient.builder(), KEY, SECRET)) {
            String roleArn = root.createRole(r -> r.roleName("strict").assumeRolePolicyDocument(
                    "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},\"Action\":\"sts:AssumeRole\"}]}"))
                    .role().arn();
            root.attachRolePolicy(r -> r.roleName("strict").policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
            root.createUser(r -> r.userName("op"));
            root.putUserPolicy(r -> r.userName("op").policyName("assume").policyDocument("{\"Version\":\"2012-10-17\","
                    + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"" + roleArn
                    + "\"}]}"));
            AccessKey key = root.createAccessKey(r -> r.userName("op")).accessKey();
            Credentials c;
            try (StsClient sts = vigil.client(StsClient.builder(), key.accessKeyId(), key.secretAccessKey())) {
                c = sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("strict-session")).credentials();
            }
            StaticCredentialsProvider session = StaticCredentialsProvider.create(
                    AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
            try (IamClient iam = vigil.client(IamClient.builder(), session);
                 StsClient sts = vigil.client(StsClient.builder(), session)) {
                assertThat(sts.getCallerIdentity().arn()).endsWith(":assumed-role/strict/strict-session");
                assertThat(iam.listRoles().roles()).isNotEmpty();
            }
            StaticCredentialsProvider forged = StaticCredentialsProvider.create(
                    AwsSessionCredentials.create(c.accessKeyId(), "forged" + c.secretAccessKey().substring(6),
                            c.sessionToken()));
            try (StsClient sts = vigil.client(StsClient.builder(), forged)) {
                AwsServiceException e = catchThrowableOfType(AwsServiceException.class, sts::getCallerIdentity);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
            }
            try (StsClient sts = vigil.client(StsClient.builder(), StaticCredentialsProvider.create(
                    AwsSessionCredentials.create("ASIAUNKNOWNSESSION00", "x", "token")))) {
                AwsServiceException e = catchThrowableOfType(AwsServiceException.class, sts::getCallerIdentity);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
            }
        }
    }
}
