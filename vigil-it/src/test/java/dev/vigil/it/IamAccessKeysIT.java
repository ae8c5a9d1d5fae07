package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.testkit.RawHttp;
import dev.vigil.testkit.VigilTestServer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.CreateUserResponse;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedResponse;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** Keys IAM issues sign requests, verified in full: wrong secrets, inactive and deleted keys are refused. */
class IamAccessKeysIT extends IamServerFixture {
    static AwsServiceException stsError(String key, String secret) {
        try (StsClient sts = vigil.client(StsClient.builder(), key, secret)) {
            return catchThrowableOfType(AwsServiceException.class, sts::getCallerIdentity);
        }
    }

    @Test
    void issuedKeySignsAsTheUserUntilDeactivatedOrDeleted() {
        String name = unique("alice");
        CreateUserResponse created = root.createUser(r -> r.userName(name));
        AccessKey key = root.createAccessKey(r -> r.userName(name)).accessKey();
        assertThat(key.accessKeyId()).startsWith("AKIA").hasSize(20);
        assertThat(key.secretAccessKey()).hasSize(40);
        assertThat(key.statusAsString()).isEqualTo("Active");
        assertThat(key.userName()).isEqualTo(name);

        try (StsClient sts = vigil.client(StsClient.builder(), key.accessKeyId(), key.secretAccessKey())) {
            GetCallerIdentityResponse id = sts.getCallerIdentity();
            assertThat(id.arn()).isEqualTo("arn:aws:iam::000000000000:user/" + name);
            assertThat(id.userId()).isEqualTo(created.user().userId());
            assertThat(id.account()).isEqualTo("000000000000");
        }

        AwsServiceException forged = stsError(key.accessKeyId(), "not-the-secret-of-this-key-000000000000");
        assertThat(forged.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
        assertThat(forged.statusCode()).isEqualTo(403);

        root.updateAccessKey(r -> r.userName(name).accessKeyId(key.accessKeyId()).status(StatusType.INACTIVE));
        assertThat(root.listAccessKeys(r -> r.userName(name)).accessKeyMetadata()).extracting(AccessKeyMetadata::statusAsString)
                .containsExactly("Inactive");
        AwsServiceException inactive = stsError(key.accessKeyId(), key.secretAccessKey());
        assertThat(inactive.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
        assertThat(inactive.statusCode()).isEqualTo(403);

        root.updateAccessKey(r -> r.userName(name).accessKeyId(key.accessKeyId()).status(StatusType.ACTIVE));
        try (StsClient sts = vigil.client(StsClient.builder(), key.accessKeyId(), key.secretAccessKey())) {
            assertThat(sts.getCallerIdentity().arn()).endsWith(":user/" + name);
        }

        root.deleteAccessKey(r -> r.userName(name).accessKeyId(key.accessKeyId()));
        AwsServiceException deleted = stsError(key.accessKeyId(), key.secretAccessKey());
        assertThat(deleted.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
        assertThat(deleted.awsErrorDetails().errorMessage())
                .isEqualTo("The security token included in the request is invalid.");
        root.deleteUser(r -> r.userName(name));
    }

    @Test
    void renamedUserSignsWithItsNewArnAndGetUserAnswersForTheCaller() {
        String name = unique("bob");
        root.createUser(r -> r.userName(name).path("/team/"));
        // Self-service, as AWS's documented example: a user may manage only itself, whatever its path.
        root.putUserPolicy(r -> r.userName(name).policyName("self").policyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"iam:GetUser\",\"iam:*AccessKey*\"],"
                + "\"Resource\":\"arn:aws:iam::*:user/*${aws:username}\"}]}"));
        AccessKey key = root.createAccessKey(r -> r.userName(name)).accessKey();
        try (IamClient asBob = vigil.client(IamClient.builder(), key.accessKeyId(), key.secretAccessKey())) {
            User self = asBob.getUser().user();
            assertThat(self.userName()).isEqualTo(name);
            assertThat(self.arn()).isEqualTo("arn:aws:iam::000000000000:user/team/" + name);
            // Without a user name, key operations act on the caller's own keys.
            assertThat(asBob.listAccessKeys().accessKeyMetadata()).extracting(AccessKeyMetadata::accessKeyId)
                    .containsExactly(key.accessKeyId());
            String renamed = name + "-2";
            root.updateUser(r -> r.userName(name).newUserName(renamed).newPath("/ops/"));
            try (StsClient sts = vigil.client(StsClient.builder(), key.accessKeyId(), key.secretAccessKey())) {
                assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::000000000000:user/ops/" + renamed);
            }
            // The self-service policy follows the rename: ${aws:username} is the new name now.
            asBob.deleteAccessKey(r -> r.accessKeyId(key.accessKeyId()));
            root.deleteUserPolicy(r -> r.userName(renamed).policyName("self"));
            root.deleteUser(r -> r.userName(renamed));
        }
    }

    @Test
    void twoKeysPerUserAndTheSecretIsShownOnlyOnce() {
        String name = unique("carol");
        root.createUser(r -> r.userName(name));
        root.createAccessKey(r -> r.userName(name));
        root.createAccessKey(r -> r.userName(name));
        LimitExceededException e = catchThrowableOfType(LimitExceededException.class,
                () -> root.createAccessKey(r -> r.userName(name)));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("LimitExceeded");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Cannot exceed quota for AccessKeysPerUser: 2");
        assertThat(e.statusCode()).isEqualTo(409);
        var keys = root.listAccessKeys(r -> r.userName(name)).accessKeyMetadata();
        assertThat(keys).hasSize(2).allSatisfy(k -> assertThat(k.userName()).isEqualTo(name));

        AwsServiceException conflict = catchThrowableOfType(AwsServiceException.class,
                () -> root.deleteUser(r -> r.userName(name)));
        assertThat(conflict.awsErrorDetails().errorCode()).isEqualTo("DeleteConflict");
        assertThat(conflict.awsErrorDetails().errorMessage()).isEqualTo("Cannot delete entity, must delete access keys first.");
        assertThat(conflict.statusCode()).isEqualTo(409);
        keys.forEach(k -> root.deleteAccessKey(r -> r.userName(name).accessKeyId(k.accessKeyId())));
        root.deleteUser(r -> r.userName(name));
    }

    @Test
    void unknownKeyIsNoSuchEntity() {
        NoSuchEntityException e = catchThrowableOfType(NoSuchEntityException.class,
                () -> root.deleteAccessKey(r -> r.userName("nobody-" + UUID.randomUUID()).accessKeyId("AKIAAAAAAAAAAAAAAAAA")));
        assertThat(e.awsErrorDetails().errorMessage()).contains("cannot be found.");
        String name = unique("dave");
        root.createUser(r -> r.userName(name));
        NoSuchEntityException k = catchThrowableOfType(NoSuchEntityException.class,
                () -> root.updateAccessKey(r -> r.userName(name).accessKeyId("AKIAAAAAAAAAAAAAAAAA").status("Inactive")));
        assertThat(k.awsErrorDetails().errorMessage()).isEqualTo("The Access Key with id AKIAAAAAAAAAAAAAAAAA cannot be found.");
        assertThat(k.statusCode()).isEqualTo(404);
        root.deleteUser(r -> r.userName(name));
    }

    @Test
    void lastUseIsRecorded() {
        String name = unique("erin");
        root.createUser(r -> r.userName(name));
        AccessKey key = root.createAccessKey(r -> r.userName(name)).accessKey();
        GetAccessKeyLastUsedResponse before = root.getAccessKeyLastUsed(r -> r.accessKeyId(key.accessKeyId()));
        assertThat(before.userName()).isEqualTo(name);
        assertThat(before.accessKeyLastUsed().lastUsedDate()).isNull();
        assertThat(before.accessKeyLastUsed().serviceName()).isEqualTo("N/A");
        assertThat(before.accessKeyLastUsed().region()).isEqualTo("N/A");
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (StsClient sts = vigil.client(StsClient.builder(), key.accessKeyId(), key.secretAccessKey())) {
            sts.getCallerIdentity();
        }
        GetAccessKeyLastUsedResponse after = root.getAccessKeyLastUsed(r -> r.accessKeyId(key.accessKeyId()));
        assertThat(after.accessKeyLastUsed().lastUsedDate()).isAfterOrEqualTo(t0);
        root.deleteAccessKey(r -> r.userName(name).accessKeyId(key.accessKeyId()));
        root.deleteUser(r -> r.userName(name));
    }

    @Test
    void rootGetsARootKey() {
        AccessKey key = root.createAccessKey().accessKey();
        assertThat(key.userName()).isNull();
        try (StsClient sts = vigil.client(StsClient.builder(), key.accessKeyId(), key.secretAccessKey())) {
            assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::000000000000:root");
        }
        assertThat(root.getAccountSummary().summaryMapAsStrings()).containsEntry("AccountAccessKeysPresent", 1);
        root.deleteAccessKey(r -> r.accessKeyId(key.accessKeyId()));
        assertThat(stsError(key.accessKeyId(), key.secretAccessKey()).awsErrorDetails().errorCode())
                .isEqualTo("InvalidClientTokenId");
    }

    @Test
    void callsMadeWithAUsersKeyAreAuditedAsThatUser() {
        String name = unique("frank");
        root.createUser(r -> r.userName(name));
        root.attachUserPolicy(r -> r.userName(name).policyArn("arn:aws:iam::aws:policy/IAMFullAccess"));
        AccessKey key = root.createAccessKey(r -> r.userName(name)).accessKey();
        String created = unique("made-by-frank");
        String requestId;
        try (IamClient asFrank = vigil.client(IamClient.builder(), key.accessKeyId(), key.secretAccessKey())) {
            requestId = asFrank.createUser(r -> r.userName(created)).responseMetadata().requestId();
        }
        try (CloudTrailClient ct = vigil.client(CloudTrailClient.builder())) {
            JsonNode e = Trail.byRequestId(ct, "CreateUser", requestId);
            assertThat(e).as("CreateUser event " + requestId).isNotNull();
            assertThat(e.path("eventSource").asText()).isEqualTo("iam.amazonaws.com");
            assertThat(e.path("awsRegion").asText()).isEqualTo("us-east-1");
            assertThat(e.path("readOnly").asBoolean()).isFalse();
            JsonNode who = e.path("userIdentity");
            assertThat(who.path("type").asText()).isEqualTo("IAMUser");
            assertThat(who.path("arn").asText()).isEqualTo("arn:aws:iam::000000000000:user/" + name);
            assertThat(who.path("userName").asText()).isEqualTo(name);
            assertThat(who.path("accessKeyId").asText()).isEqualTo(key.accessKeyId());
        }
        root.deleteUser(r -> r.userName(created));
        root.deleteAccessKey(r -> r.userName(name).accessKeyId(key.accessKeyId()));
        root.detachUserPolicy(r -> r.userName(name).policyArn("arn:aws:iam::aws:policy/IAMFullAccess"));
        root.deleteUser(r -> r.userName(name));
    }

    @Test
    void aResetForgetsIssuedKeys() {
        try (VigilTestServer fresh = VigilTestServer.start();
             IamClient admin = fresh.client(IamClient.builder())) {
            admin.createUser(r -> r.userName("temp"));
            AccessKey key = admin.createAccessKey(r -> r.userName("temp")).accessKey();
            try (StsClient sts = fresh.client(StsClient.builder(), key.accessKeyId(), key.secretAccessKey())) {
                assertThat(sts.getCallerIdentity().arn()).endsWith(":user/temp");
                RawHttp http = new RawHttp(fresh.endpoint());
                assertThat(http.send(http.request("POST", "/_vigil/reset", null, Map.of(), new byte[0]), null).status())
                        .isEqualTo(200);
                AwsServiceException e = catchThrowableOfType(AwsServiceException.class, sts::getCallerIdentity);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
            }
            assertThat(admin.listUsers().users()).isEmpty();
        }
    }

    @Test
    void issuedKeysWorkInStrictMode() {
        String rootKey = "AKIAVIGILSTRICTROOT2";
        String rootSecret = "strict/root/secret+2";
        try (VigilTestServer strict = VigilTestServer.start(c -> c.withStrictAuth(rootKey, rootSecret));
             IamClient admin = strict.client(IamClient.builder(), rootKey, rootSecret)) {
            admin.createUser(r -> r.userName("strict-user"));
            AccessKey key = admin.createAccessKey(r -> r.userName("strict-user")).accessKey();
            try (StsClient sts = strict.client(StsClient.builder(), key.accessKeyId(), key.secretAccessKey())) {
                assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::000000000000:user/strict-user");
            }
            try (StsClient sts = strict.client(StsClient.builder(), key.accessKeyId(), "wrong")) {
                AwsServiceException e = catchThrowableOfType(AwsServiceException.class, sts::getCallerIdentity);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
            }
        }
    }
}
