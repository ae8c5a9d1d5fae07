package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.MalformedPolicyDocumentException;

/**
 * STS AssumeRole through the SDK (issue 3, deliverable 4): the caller's policies and the role's trust policy
 * decide, with ExternalId, MFA, session tags and source identity in the context; the session acts as the role cut
 * down by its session policies; durations and role chaining are limited as AWS limits them.
 */
class StsAssumeRoleIT extends IamServerFixture {
    static final String ROOT_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},\"Action\":\"sts:AssumeRole\"}]}";
    static final String READ_ONLY = "arn:aws:iam::aws:policy/IAMReadOnlyAccess";

    static String allow(String action, String resource) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":" + action
                + ",\"Resource\":\"" + resource + "\"}]}";
    }

    static Role role(String name, String trust, int maxSessionDuration) {
        return root.createRole(r -> r.roleName(name).assumeRolePolicyDocument(trust).maxSessionDuration(maxSessionDuration))
                .role();
    }

    static Role role(String name, String trust) { return role(name, trust, 3600); }

    /** A user allowed sts:AssumeRole (and, when given, more actions) on the resource. */
    static AccessKey user(String name, String actions, String resource) {
        root.createUser(r -> r.userName(name));
        if (actions != null) {
            root.putUserPolicy(r -> r.userName(name).policyName("assume").policyDocument(allow(actions, resource)));
        }
        return root.createAccessKey(r -> r.userName(name)).accessKey();
    }

    static StsClient sts(AccessKey key) { return vigil.client(StsClient.builder(), key.accessKeyId(), key.secretAccessKey()); }

    static StaticCredentialsProvider session(Credentials c) {
        return StaticCredentialsProvider.create(
                AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
    }

    static StsClient sts(Credentials c) { return vigil.client(StsClient.builder(), session(c)); }

    static IamClient iam(Credentials c) { return vigil.client(IamClient.builder(), session(c)); }

    static AssumeRoleResponse assume(AccessKey key, Consumer<AssumeRoleRequest.Builder> request) {
        try (StsClient sts = sts(key)) {
            return sts.assumeRole(request);
        }
    }

    static AwsServiceException assumeFails(AccessKey key, Consumer<AssumeRoleRequest.Builder> request) {
        try (StsClient sts = sts(key)) {
            return catchThrowableOfType(AwsServiceException.class, () -> sts.assumeRole(request));
        }
    }

    static String denied(String who, String action, String resource) {
        return "User: " + who + " is not authorized to perform: " + action + " on resource: " + resource;
    }

    @Test
    void externalIdMustMatchTheTrustPolicyCondition() {
        String roleName = unique("vendor");
        Role role = role(roleName, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},\"Action\":\"sts:AssumeRole\","
                + "\"Condition\":{\"StringEquals\":{\"sts:ExternalId\":\"Unique-ID-4711\"}}}]}");
        String userName = unique("partner");
        AccessKey key = user(userName, "\"sts:AssumeRole\"", role.arn());
        String message = denied("arn:aws:iam::000000000000:user/" + userName, "sts:AssumeRole", role.arn());

        AwsServiceException without = assumeFails(key, r -> r.roleArn(role.arn()).roleSessionName("s1"));
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(without.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        assertThat(without.awsErrorDetails().errorMessage()).isEqualTo(message);
        AwsServiceException wrong = assumeFails(key, r -> r.roleArn(role.arn()).roleSessionName("s1").externalId("guess"));
        assertThat(wrong.awsErrorDetails().errorMessage()).isEqualTo(message);

        Instant before = Instant.now().minusSeconds(1);
        AssumeRoleResponse ok = assume(key, r -> r.roleArn(role.arn()).roleSessionName("s1").externalId("Unique-ID-4711"));
        Credentials c = ok.credentials();
        assertThat(c.accessKeyId()).startsWith("ASIA").hasSize(20);
        assertThat(c.secretAccessKey()).hasSize(40);
        assertThat(c.sessionToken()).hasSizeGreaterThan(100);
        assertThat(c.expiration()).isBetween(before.plus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(1)));
        assertThat(ok.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::000000000000:assumed-role/" + roleName + "/s1");
        assertThat(ok.assumedRoleUser().assumedRoleId()).isEqualTo(role.roleId() + ":s1").startsWith("AROA");
        assertThat(ok.packedPolicySize()).isNull();
        try (StsClient asRole = sts(c)) {
            GetCallerIdentityResponse me = asRole.getCallerIdentity();
            assertThat(me.arn()).isEqualTo(ok.assumedRoleUser().arn());
            assertThat(me.userId()).isEqualTo(ok.assumedRoleUser().assumedRoleId());
            assertThat(me.account()).isEqualTo(ACCOUNT);
        }
    }

    @Test
    void trustPolicyThatDoesNotNameTheCallerDenies() {
        Role role = role(unique("ec2only"), "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}");
        String userName = unique("admin");
        AccessKey key = user(userName, "\"*\"", "*");
        AwsServiceException e = assumeFails(key, r -> r.roleArn(role.arn()).roleSessionName("sess"));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo(denied("arn:aws:iam::000000000000:user/" + userName, "sts:AssumeRole", role.arn()));
        // A role that does not exist is denied alike: STS does not reveal which roles exist.
        String missing = "arn:aws:iam::000000000000:role/" + unique("nope");
        assertThat(assumeFails(key, r -> r.roleArn(missing).roleSessionName("sess")).awsErrorDetails().errorMessage())
                .isEqualTo(denied("arn:aws:iam::000000000000:user/" + userName, "sts:AssumeRole", missing));
    }

    @Test
    void callerWithoutPermissionIsDeniedEvenWhenTheAccountIsTrusted() {
        Role role = role(unique("r"), ROOT_TRUST);
        String userName = unique("nobody");
        AccessKey key = user(userName, null, null);
        assertThat(assumeFails(key, r -> r.roleArn(role.arn()).roleSessionName("sess")).awsErrorDetails().errorMessage())
                .isEqualTo(denied("arn:aws:iam::000000000000:user/" + userName, "sts:AssumeRole", role.arn()));
    }

    @Test
    void trustPolicyNamingTheUserAllowsWithoutAnIdentityPolicy() {
        String userName = unique("named");
        AccessKey key = user(userName, null, null);
        Role role = role(unique("r"), "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:user/" + userName + "\"},"
                + "\"Action\":\"sts:AssumeRole\"}]}");
        assertThat(assume(key, r -> r.roleArn(role.arn()).roleSessionName("sess")).credentials()).isNotNull();
    }

    @Test
    void rootUserMayNotAssumeRoles() {
        Role role = role(unique("r"), ROOT_TRUST);
        try (StsClient sts = vigil.client(StsClient.builder())) {
            AwsServiceException e = catchThrowableOfType(AwsServiceException.class,
                    () -> sts.assumeRole(r -> r.roleArn(role.arn()).roleSessionName("sess")));
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Roles may not be assumed by root accounts.");
        }
    }

    @Test
    void sessionPolicyNarrowsTheRole() {
        String roleName = unique("reader");
        Role role = role(roleName, ROOT_TRUST);
        root.attachRolePolicy(r -> r.roleName(roleName).policyArn(READ_ONLY));
        AccessKey key = user(unique("u"), "\"sts:AssumeRole\"", role.arn());

        Credentials full = assume(key, r -> r.roleArn(role.arn()).roleSessionName("full")).credentials();
        try (IamClient iam = iam(full)) {
            assertThat(iam.listUsers().users()).isNotEmpty();
        }

        AssumeRoleResponse narrowed = assume(key, r -> r.roleArn(role.arn()).roleSessionName("narrow")
                .policy(allow("\"iam:ListRoles\"", "*")));
        assertThat(narrowed.packedPolicySize()).isBetween(1, 100);
        try (IamClient iam = iam(narrowed.credentials())) {
            assertThat(iam.listRoles().roles()).extracting(Role::roleName).contains(roleName);
            AwsServiceException e = catchThrowableOfType(AwsServiceException.class, iam::listUsers);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:sts::000000000000:assumed-role/"
                    + roleName + "/narrow is not authorized to perform: iam:ListUsers because no session policy allows"
                    + " the iam:ListUsers action");
            // A session policy never grants more than the role has.
            AwsServiceException write = catchThrowableOfType(AwsServiceException.class,
                    () -> iam.createUser(r -> r.userName("x")));
            assertThat(write.awsErrorDetails().errorMessage()).endsWith("because no identity-based policy allows the"
                    + " iam:CreateUser action");
        }
    }

    @Test
    void managedSessionPoliciesNarrowTheRoleByReference() {
        String roleName = unique("reader");
        Role role = role(roleName, ROOT_TRUST);
        root.attachRolePolicy(r -> r.roleName(roleName).policyArn(READ_ONLY));
        AccessKey key = user(unique("u"), "\"sts:AssumeRole\"", role.arn());
        String policyName = unique("list-roles");
        String policyArn = root.createPolicy(r -> r.policyName(policyName).policyDocument(allow("\"iam:ListRoles\"", "*")))
                .policy().arn();
        Credentials c = assume(key, r -> r.roleArn(role.arn()).roleSessionName("managed").policyArns(p -> p.arn(policyArn)))
                .credentials();
        try (IamClient iam = iam(c)) {
            assertThat(iam.listRoles().roles()).isNotEmpty();
            assertThat(catchThrowableOfType(AwsServiceException.class, iam::listUsers).awsErrorDetails().errorMessage())
                    .endsWith("because no session policy allows the iam:ListUsers action");
            // Deleted, the managed session policy allows nothing, rather than leaving the role's full permissions.
            root.deletePolicy(r -> r.policyArn(policyArn));
            assertThat(catchThrowableOfType(AwsServiceException.class, iam::listRoles).awsErrorDetails().errorMessage())
                    .endsWith("because no session policy allows the iam:ListRoles action");
        }
    }

    @Test
    void malformedSessionPolicyIsRefused() {
        Role role = role(unique("r"), ROOT_TRUST);
        AccessKey key = user(unique("u"), "\"sts:AssumeRole\"", role.arn());
        try (StsClient sts = sts(key)) {
            MalformedPolicyDocumentException e = catchThrowableOfType(MalformedPolicyDocumentException.class,
                    () -> sts.assumeRole(r -> r.roleArn(role.arn()).roleSessionName("sess").policy("{\"Version\":")));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicyDocument");
            assertThat(e.statusCode()).isEqualTo(400);
        }
    }

    @Test
    void durationIsBoundedByTheRoleAndByRoleChaining() {
        String firstName = unique("first");
        Role first = role(firstName, ROOT_TRUST, 7200);
        root.putRolePolicy(r -> r.roleName(firstName).policyName("chain").policyDocument(allow("\"sts:AssumeRole\"", "*")));
        Role second = role(unique("second"), "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"" + first.arn() + "\"},\"Action\":\"sts:AssumeRole\"}]}", 43200);
        AccessKey key = user(unique("u"), "\"sts:AssumeRole\"", "*");

        AwsServiceException tooLong = assumeFails(key, r -> r.roleArn(first.arn()).roleSessionName("sess").durationSeconds(7201));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        assertThat(tooLong.awsErrorDetails().errorMessage())
                .isEqualTo("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        AwsServiceException tooShort = assumeFails(key, r -> r.roleArn(first.arn()).roleSessionName("sess").durationSeconds(899));
        assertThat(tooShort.awsErrorDetails().errorMessage()).isEqualTo("1 validation error detected: Value '899' at"
                + " 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900");

        Credentials firstSession = assume(key, r -> r.roleArn(first.arn()).roleSessionName("sess").durationSeconds(7200))
                .credentials();
        assertThat(firstSession.expiration()).isAfter(Instant.now().plus(Duration.ofMinutes(119)));
        try (StsClient asFirst = sts(firstSession)) {
            AwsServiceException chained = catchThrowableOfType(AwsServiceException.class,
                    () -> asFirst.assumeRole(r -> r.roleArn(second.arn()).roleSessionName("chained").durationSeconds(3601)));
            assertThat(chained.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
            assertThat(chained.awsErrorDetails().errorMessage()).isEqualTo(
                    "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
            AssumeRoleResponse ok = asFirst.assumeRole(r -> r.roleArn(second.arn()).roleSessionName("chained"));
            assertThat(ok.credentials().expiration()).isBefore(Instant.now().plus(Duration.ofMinutes(61)));
            try (StsClient asSecond = sts(ok.credentials())) {
                assertThat(asSecond.getCallerIdentity().arn()).endsWith(":assumed-role/" + second.roleName() + "/chained");
            }
        }
    }

    @Test
    void mfaCodesCannotBeVerifiedWithoutDevices() {
        Role role = role(unique("r"), ROOT_TRUST);
        AccessKey key = user(unique("u"), "\"sts:AssumeRole\"", role.arn());
        AwsServiceException both = assumeFails(key, r -> r.roleArn(role.arn()).roleSessionName("sess")
                .serialNumber("arn:aws:iam::000000000000:mfa/u").tokenCode("123456"));
        assertThat(both.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        assertThat(both.awsErrorDetails().errorMessage()).isEqualTo("MultiFactorAuthentication failed, unable to validate"
                + " MFA code.  Please verify your MFA serial number is valid and associated with this user.");
        AwsServiceException half = assumeFails(key, r -> r.roleArn(role.arn()).roleSessionName("sess")
                .serialNumber("arn:aws:iam::000000000000:mfa/u"));
        assertThat(half.awsErrorDetails().errorMessage())
                .isEqualTo("MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.");

        Role mfaOnly = role(unique("mfa"), "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},\"Action\":\"sts:AssumeRole\","
                + "\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}]}");
        AccessKey key2 = user(unique("u"), "\"sts:AssumeRole\"", "*");
        assertThat(assumeFails(key2, r -> r.roleArn(mfaOnly.arn()).roleSessionName("sess")).awsErrorDetails().errorCode())
                .isEqualTo("AccessDenied");
    }

    @Test
    void sessionTagsArePrincipalTagsAndNeedTagSession() {
        String roleName = unique("abac");
        String tagTrust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},"
                + "\"Action\":[\"sts:AssumeRole\",\"sts:TagSession\"]}]}";
        Role role = role(roleName, tagTrust);
        root.putRolePolicy(r -> r.roleName(roleName).policyName("abac").policyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:ListRoles\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/team\":\"blue\"}}}]}"));
        AccessKey key = user(unique("u"), "[\"sts:AssumeRole\",\"sts:TagSession\"]", "*");

        Credentials blue = assume(key, r -> r.roleArn(role.arn()).roleSessionName("blue").tags(t -> t.key("team").value("blue")))
                .credentials();
        try (IamClient iam = iam(blue)) {
            assertThat(iam.listRoles().roles()).isNotEmpty();
        }
        Credentials red = assume(key, r -> r.roleArn(role.arn()).roleSessionName("red").tags(t -> t.key("team").value("red")))
                .credentials();
        try (IamClient iam = iam(red)) {
            assertThat(catchThrowableOfType(AwsServiceException.class, iam::listRoles).statusCode()).isEqualTo(403);
        }

        Role untaggable = role(unique("plain"), ROOT_TRUST);
        String userName = unique("tagger");
        AccessKey tagger = user(userName, "[\"sts:AssumeRole\",\"sts:TagSession\"]", "*");
        AwsServiceException e = assumeFails(tagger, r -> r.roleArn(untaggable.arn()).roleSessionName("sess")
                .tags(t -> t.key("team").value("blue")));
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo(denied("arn:aws:iam::000000000000:user/" + userName, "sts:TagSession", untaggable.arn()));
    }

    @Test
    void transitiveTagsPassOnThroughRoleChaining() {
        String firstName = unique("first");
        String tagTrust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},"
                + "\"Action\":[\"sts:AssumeRole\",\"sts:TagSession\"]}]}";
        Role first = role(firstName, tagTrust);
        root.putRolePolicy(r -> r.roleName(firstName).policyName("chain")
                .policyDocument(allow("[\"sts:AssumeRole\",\"sts:TagSession\"]", "*")));
        String secondName = unique("second");
        Role second = role(secondName, tagTrust);
        root.putRolePolicy(r -> r.roleName(secondName).policyName("abac").policyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:ListRoles\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:PrincipalTag/project\":\"apollo\"}}}]}"));
        AccessKey key = user(unique("u"), "[\"sts:AssumeRole\",\"sts:TagSession\"]", "*");
        Credentials c1 = assume(key, r -> r.roleArn(first.arn()).roleSessionName("one")
                .tags(t -> t.key("project").value("apollo")).transitiveTagKeys("project")).credentials();
        try (StsClient asFirst = sts(c1)) {
            Credentials c2 = asFirst.assumeRole(r -> r.roleArn(second.arn()).roleSessionName("two")).credentials();
            try (IamClient iam = iam(c2)) {
                assertThat(iam.listRoles().roles()).isNotEmpty();
            }
            AwsServiceException conflict = catchThrowableOfType(AwsServiceException.class, () -> asFirst.assumeRole(
                    r -> r.roleArn(second.arn()).roleSessionName("three").tags(t -> t.key("Project").value("x"))));
            assertThat(conflict.statusCode()).isEqualTo(400);
            assertThat(conflict.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        }
    }

    @Test
    void sourceIdentityIsSetOnceAndUsableInConditions() {
        String roleName = unique("traced");
        Role role = role(roleName, "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},"
                + "\"Action\":[\"sts:AssumeRole\",\"sts:SetSourceIdentity\"],"
                + "\"Condition\":{\"StringLike\":{\"sts:SourceIdentity\":\"alice*\"}}}]}");
        root.putRolePolicy(r -> r.roleName(roleName).policyName("by-source").policyDocument("{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:ListRoles\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:SourceIdentity\":\"alice\"}}}]}"));
        AccessKey key = user(unique("u"), "[\"sts:AssumeRole\",\"sts:SetSourceIdentity\"]", "*");
        assertThat(assumeFails(key, r -> r.roleArn(role.arn()).roleSessionName("sess")).statusCode()).isEqualTo(403);
        assertThat(assumeFails(key, r -> r.roleArn(role.arn()).roleSessionName("sess").sourceIdentity("bob"))
                .statusCode()).isEqualTo(403);
        AssumeRoleResponse ok = assume(key, r -> r.roleArn(role.arn()).roleSessionName("sess").sourceIdentity("alice"));
        assertThat(ok.sourceIdentity()).isEqualTo("alice");
        try (IamClient iam = iam(ok.credentials())) {
            assertThat(iam.listRoles().roles()).isNotEmpty();
        }
    }

    @Test
    void assumingARoleRecordsItsLastUse() {
        String roleName = unique("used");
        Role role = role(roleName, ROOT_TRUST);
        assertThat(root.getRole(r -> r.roleName(roleName)).role().roleLastUsed().lastUsedDate()).isNull();
        AccessKey key = user(unique("u"), "\"sts:AssumeRole\"", role.arn());
        assume(key, r -> r.roleArn(role.arn()).roleSessionName("sess"));
        var lastUsed = root.getRole(r -> r.roleName(roleName)).role().roleLastUsed();
        assertThat(lastUsed.lastUsedDate()).isNotNull();
        assertThat(lastUsed.region()).isEqualTo("us-east-1");
    }

    @Test
    void sessionKeysNeedTheirToken() {
        Role role = role(unique("r"), ROOT_TRUST);
        AccessKey key = user(unique("u"), "\"sts:AssumeRole\"", role.arn());
        Credentials c = assume(key, r -> r.roleArn(role.arn()).roleSessionName("sess")).credentials();
        try (StsClient noToken = vigil.client(StsClient.builder(), c.accessKeyId(), c.secretAccessKey());
             StsClient wrongToken = vigil.client(StsClient.builder(), StaticCredentialsProvider.create(
                     AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken() + "x")))) {
            for (StsClient sts : new StsClient[] {noToken, wrongToken}) {
                AwsServiceException e = catchThrowableOfType(AwsServiceException.class, sts::getCallerIdentity);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                assertThat(e.statusCode()).isEqualTo(403);
            }
        }
    }
}
