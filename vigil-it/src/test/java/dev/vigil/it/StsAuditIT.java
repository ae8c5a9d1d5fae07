package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.testkit.VigilTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Calls made with session credentials are audited as AWS records them: {@code userIdentity.type} AssumedRole (with
 * the issuing role in {@code sessionContext.sessionIssuer}), FederatedUser, or the IAM user with session attributes
 * for GetSessionToken credentials ("CloudTrail userIdentity element").
 */
class StsAuditIT {
    static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},\"Action\":\"sts:AssumeRole\"}]}";
    static VigilTestServer vigil;
    static IamClient root;
    static CloudTrailClient trail;
    static AccessKey userKey;
    static User user;

    @BeforeAll
    static void start() {
        vigil = VigilTestServer.start();
        root = vigil.client(IamClient.builder());
        trail = vigil.client(CloudTrailClient.builder());
        user = root.createUser(r -> r.userName("auditee")).user();
        root.putUserPolicy(r -> r.userName("auditee").policyName("p").policyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"sts:AssumeRole\",\"sts:GetFederationToken\","
                + "\"cloudtrail:LookupEvents\"],\"Resource\":\"*\"}]}"));
        userKey = root.createAccessKey(r -> r.userName("auditee")).accessKey();
    }

    @AfterAll
    static void stop() {
        trail.close();
        root.close();
        vigil.close();
    }

    static StaticCredentialsProvider session(Credentials c) {
        return StaticCredentialsProvider.create(
                AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
    }

    static StsClient userSts() { return vigil.client(StsClient.builder(), userKey.accessKeyId(), userKey.secretAccessKey()); }

    @Test
    void roleSessionCallsAreAssumedRoleWithTheSessionIssuer() {
        Role role = root.createRole(r -> r.roleName("audited").assumeRolePolicyDocument(TRUST)).role();
        root.attachRolePolicy(r -> r.roleName("audited").policyArn("arn:aws:iam::aws:policy/IAMReadOnlyAccess"));
        Credentials c;
        try (StsClient sts = userSts()) {
            c = sts.assumeRole(r -> r.roleArn(role.arn()).roleSessionName("audit-session")).credentials();
        }
        String allowedId;
        String deniedId;
        try (IamClient iam = vigil.client(IamClient.builder(), session(c))) {
            allowedId = iam.listRolesPaginator().iterator().next().responseMetadata().requestId();
            deniedId = catchThrowableOfType(AwsServiceException.class, () -> iam.createGroup(r -> r.groupName("g")))
                    .requestId();
        }
        JsonNode record = Trail.byRequestId(trail, "ListRoles", allowedId);
        assertThat(record).isNotNull();
        JsonNode id = record.path("userIdentity");
        assertThat(id.path("type").asText()).isEqualTo("AssumedRole");
        assertThat(id.path("arn").asText()).isEqualTo("arn:aws:sts::000000000000:assumed-role/audited/audit-session");
        assertThat(id.path("principalId").asText()).isEqualTo(role.roleId() + ":audit-session");
        assertThat(id.path("accountId").asText()).isEqualTo("000000000000");
        assertThat(id.path("accessKeyId").asText()).isEqualTo(c.accessKeyId());
        JsonNode issuer = id.path("sessionContext").path("sessionIssuer");
        assertThat(issuer.path("type").asText()).isEqualTo("Role");
        assertThat(issuer.path("principalId").asText()).isEqualTo(role.roleId());
        assertThat(issuer.path("arn").asText()).isEqualTo(role.arn());
        assertThat(issuer.path("accountId").asText()).isEqualTo("000000000000");
        assertThat(issuer.path("userName").asText()).isEqualTo("audited");
        JsonNode attributes = id.path("sessionContext").path("attributes");
        assertThat(attributes.path("creationDate").asText()).isNotEmpty();
        assertThat(attributes.path("mfaAuthenticated").asText()).isEqualTo("false");

        JsonNode denied = Trail.byRequestId(trail, "CreateGroup", deniedId);
        assertThat(denied.path("errorCode").asText()).isEqualTo("AccessDenied");
        assertThat(denied.path("userIdentity").path("type").asText()).isEqualTo("AssumedRole");

        // The AssumeRole call itself is the user's, and read-only as CloudTrail marks STS calls.
        JsonNode assume = Trail.records(trail, "AssumeRole").get(0);
        assertThat(assume.path("userIdentity").path("type").asText()).isEqualTo("IAMUser");
        assertThat(assume.path("readOnly").asBoolean()).isTrue();
    }

    @Test
    void federatedAndSessionTokenCallsKeepTheirKind() {
        Credentials fed;
        Credentials token;
        try (StsClient sts = userSts()) {
            fed = sts.getFederationToken(r -> r.name("Fed").policy("{\"Version\":\"2012-10-17\",\"Statement\":"
                    + "[{\"Effect\":\"Allow\",\"Action\":\"cloudtrail:LookupEvents\",\"Resource\":\"*\"}]}")).credentials();
            token = sts.getSessionToken().credentials();
        }
        String fedRequest;
        String tokenRequest;
        try (StsClient asFed = vigil.client(StsClient.builder(), session(fed));
             StsClient asToken = vigil.client(StsClient.builder(), session(token))) {
            fedRequest = asFed.getCallerIdentity().responseMetadata().requestId();
            tokenRequest = asToken.getCallerIdentity().responseMetadata().requestId();
        }
        JsonNode f = Trail.byRequestId(trail, "GetCallerIdentity", fedRequest).path("userIdentity");
        assertThat(f.path("type").asText()).isEqualTo("FederatedUser");
        assertThat(f.path("arn").asText()).isEqualTo("arn:aws:sts::000000000000:federated-user/Fed");
        assertThat(f.path("principalId").asText()).isEqualTo("000000000000:Fed");
        assertThat(f.path("sessionContext").path("sessionIssuer").path("type").asText()).isEqualTo("IAMUser");
        assertThat(f.path("sessionContext").path("sessionIssuer").path("arn").asText()).isEqualTo(user.arn());

        JsonNode t = Trail.byRequestId(trail, "GetCallerIdentity", tokenRequest).path("userIdentity");
        assertThat(t.path("type").asText()).isEqualTo("IAMUser");
        assertThat(t.path("userName").asText()).isEqualTo("auditee");
        assertThat(t.path("accessKeyId").asText()).isEqualTo(token.accessKeyId());
        assertThat(t.path("sessionContext").path("attributes").path("mfaAuthenticated").asText()).isEqualTo("false");
        assertThat(t.path("sessionContext").path("attributes").path("creationDate").asText()).isNotEmpty();
    }
}
