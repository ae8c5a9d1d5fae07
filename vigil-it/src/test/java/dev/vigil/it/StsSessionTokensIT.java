package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.GetFederationTokenResponse;

/**
 * GetSessionToken, GetFederationToken, GetCallerIdentity for each kind of session, GetAccessKeyInfo and
 * DecodeAuthorizationMessage, through the SDK (issue 3, deliverable 4).
 */
class StsSessionTokensIT extends IamServerFixture {

    static AccessKey user(String name, String actions) {
        root.createUser(r -> r.userName(name));
        if (actions != null) {
            root.putUserPolicy(r -> r.userName(name).policyName("p").policyDocument("{\"Version\":\"2012-10-17\","
                    + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":" + actions + ",\"Resource\":\"*\"}]}"));
        }
        return root.createAccessKey(r -> r.userName(name)).accessKey();
    }

    static StsClient sts(AccessKey key) { return vigil.client(StsClient.builder(), key.accessKeyId(), key.secretAccessKey()); }

    static StaticCredentialsProvider session(Credentials c) {
        return StaticCredentialsProvider.create(
                AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
    }

    @Test
    void getSessionTokenActsWithTheUsersPermissions() {
        String name = unique("worker");
        AccessKey key = user(name, "[\"cloudtrail:LookupEvents\",\"iam:ListUsers\"]");
        User user = root.getUser(r -> r.userName(name)).user();
        Instant before = Instant.now().minusSeconds(1);
        Credentials c;
        try (StsClient sts = sts(key)) {
            c = sts.getSessionToken().credentials();
        }
        assertThat(c.accessKeyId()).startsWith("ASIA");
        assertThat(c.expiration()).isBetween(before.plus(Duration.ofHours(12)), Instant.now().plus(Duration.ofHours(12)));
        try (StsClient sts = vigil.client(StsClient.builder(), session(c));
             CloudTrailClient ct = vigil.client(CloudTrailClient.builder(), session(c));
             IamClient iam = vigil.client(IamClient.builder(), session(c))) {
            GetCallerIdentityResponse me = sts.getCallerIdentity();
            assertThat(me.arn()).isEqualTo(user.arn());
            assertThat(me.userId()).isEqualTo(user.userId());
            assertThat(ct.lookupEvents().events()).isNotNull();
            // Without MFA, GetSessionToken credentials cannot call IAM: IAM answers as for an unknown token.
            AwsServiceException e = catchThrowableOfType(AwsServiceException.class, iam::listUsers);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The security token included in the request is invalid.");
            AwsServiceException again = catchThrowableOfType(AwsServiceException.class, sts::getSessionToken);
            assertThat(again.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(again.awsErrorDetails().errorMessage()).isEqualTo("Cannot call GetSessionToken with session credentials");
        }
    }

    @Test
    void getSessionTokenNeedsNoPermissionButAValidDuration() {
        String name = unique("denied");
        AccessKey key = user(name, null);
        // Not even an explicit deny of everything stops GetSessionToken: it is authentication, not authorization.
        root.putUserPolicy(r -> r.userName(name).policyName("deny").policyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}"));
        try (StsClient sts = sts(key)) {
            assertThat(sts.getSessionToken(r -> r.durationSeconds(900)).credentials()).isNotNull();
            AwsServiceException tooLong = catchThrowableOfType(AwsServiceException.class,
                    () -> sts.getSessionToken(r -> r.durationSeconds(129601)));
            assertThat(tooLong.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
            AwsServiceException mfa = catchThrowableOfType(AwsServiceException.class,
                    () -> sts.getSessionToken(r -> r.serialNumber("arn:aws:iam::000000000000:mfa/x").tokenCode("000000")));
            assertThat(mfa.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(mfa.awsErrorDetails().errorMessage()).startsWith("MultiFactorAuthentication failed");
        }
    }

    @Test
    void rootSessionsLastAtMostAnHour() {
        try (StsClient sts = vigil.client(StsClient.builder())) {
            Credentials c = sts.getSessionToken(r -> r.durationSeconds(7200)).credentials();
            assertThat(c.expiration()).isBefore(Instant.now().plus(Duration.ofMinutes(61)));
            try (StsClient asRoot = vigil.client(StsClient.builder(), session(c))) {
                assertThat(asRoot.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::000000000000:root");
            }
        }
    }

    @Test
    void federatedUserHasOnlyWhatItsSessionPolicyAllows() {
        String name = unique("broker");
        AccessKey key = user(name, "[\"sts:GetFederationToken\",\"cloudtrail:LookupEvents\",\"iam:ListUsers\"]");
        GetFederationTokenResponse withPolicy;
        GetFederationTokenResponse without;
        try (StsClient sts = sts(key)) {
            withPolicy = sts.getFederationToken(r -> r.name("Bob").policy("{\"Version\":\"2012-10-17\",\"Statement\":"
                    + "[{\"Effect\":\"Allow\",\"Action\":\"cloudtrail:LookupEvents\",\"Resource\":\"*\"}]}"));
            without = sts.getFederationToken(r -> r.name("Eve"));
        }
        assertThat(withPolicy.federatedUser().arn()).isEqualTo("arn:aws:sts::000000000000:federated-user/Bob");
        assertThat(withPolicy.federatedUser().federatedUserId()).isEqualTo("000000000000:Bob");
        assertThat(withPolicy.packedPolicySize()).isBetween(1, 100);
        assertThat(without.packedPolicySize()).isNull();
        try (StsClient sts = vigil.client(StsClient.builder(), session(withPolicy.credentials()));
             CloudTrailClient ct = vigil.client(CloudTrailClient.builder(), session(withPolicy.credentials()))) {
            GetCallerIdentityResponse me = sts.getCallerIdentity();
            assertThat(me.arn()).isEqualTo("arn:aws:sts::000000000000:federated-user/Bob");
            assertThat(me.userId()).isEqualTo("000000000000:Bob");
            assertThat(me.account()).isEqualTo(ACCOUNT);
            assertThat(ct.lookupEvents().events()).isNotNull();
            AwsServiceException again = catchThrowableOfType(AwsServiceException.class,
                    () -> sts.getFederationToken(r -> r.name("Mallory")));
            assertThat(again.statusCode()).isEqualTo(403);
        }
        try (CloudTrailClient ct = vigil.client(CloudTrailClient.builder(), session(without.credentials()))) {
            AwsServiceException e = catchThrowableOfType(AwsServiceException.class, ct::lookupEvents);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:sts::000000000000:federated-user/Eve"
                    + " is not authorized to perform: cloudtrail:LookupEvents because no session policy allows the"
                    + " cloudtrail:LookupEvents action");
        }
    }

    @Test
    void getFederationTokenNeedsPermission() {
        String name = unique("plain");
        AccessKey key = user(name, null);
        try (StsClient sts = sts(key)) {
            AwsServiceException e = catchThrowableOfType(AwsServiceException.class,
                    () -> sts.getFederationToken(r -> r.name("Bob")));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.awsErrorDetails().errorMessage()).startsWith("User: arn:aws:iam::000000000000:user/" + name
                    + " is not authorized to perform: sts:GetFederationToken on resource:"
                    + " arn:aws:sts::000000000000:federated-user/Bob");
        }
    }

    @Test
    void getAccessKeyInfoAnswersForIssuedAndForeignKeys() {
        AccessKey key = user(unique("keyed"), null);
        try (StsClient sts = vigil.client(StsClient.builder())) {
            assertThat(sts.getAccessKeyInfo(r -> r.accessKeyId(key.accessKeyId())).account()).isEqualTo(ACCOUNT);
            Credentials c = sts.getSessionToken().credentials();
            assertThat(sts.getAccessKeyInfo(r -> r.accessKeyId(c.accessKeyId())).account()).isEqualTo(ACCOUNT);
            // Keys in AWS's format name their account, whether Vigil knows them or not (AWS's own decoding).
            assertThat(sts.getAccessKeyInfo(r -> r.accessKeyId("ASIAY34FZKBOKMUTVV7A")).account()).isEqualTo("609629065308");
            AwsServiceException shortId = catchThrowableOfType(AwsServiceException.class,
                    () -> sts.getAccessKeyInfo(r -> r.accessKeyId("AKIASHORT")));
            assertThat(shortId.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        }
        // Deleted keys still answer: the account is in the key id.
        root.deleteAccessKey(r -> r.userName(key.userName()).accessKeyId(key.accessKeyId()));
        try (StsClient sts = vigil.client(StsClient.builder())) {
            assertThat(sts.getAccessKeyInfo(r -> r.accessKeyId(key.accessKeyId())).account()).isEqualTo(ACCOUNT);
        }
    }

    @Test
    void decodeAuthorizationMessageNeedsPermissionAndVigilEncodesNone() {
        try (StsClient sts = vigil.client(StsClient.builder())) {
            AwsServiceException e = catchThrowableOfType(AwsServiceException.class,
                    () -> sts.decodeAuthorizationMessage(r -> r.encodedMessage("not-an-encoded-message")));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidAuthorizationMessageException");
            assertThat(e.statusCode()).isEqualTo(400);
        }
        String name = unique("curious");
        AccessKey key = user(name, null);
        try (StsClient sts = sts(key)) {
            AwsServiceException e = catchThrowableOfType(AwsServiceException.class,
                    () -> sts.decodeAuthorizationMessage(r -> r.encodedMessage("x")));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.awsErrorDetails().errorMessage()).contains("sts:DecodeAuthorizationMessage");
        }
    }
}
