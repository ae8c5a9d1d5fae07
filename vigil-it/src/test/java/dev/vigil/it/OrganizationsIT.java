package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.core.MutableClock;
import dev.vigil.testkit.RawHttp;
import dev.vigil.testkit.VigilTestServer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import dev.vigil.protocol.sigv4.SignableRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.organizations.model.Handshake;
import software.amazon.awssdk.services.organizations.model.Organization;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.OrganizationsException;
import software.amazon.awssdk.services.organizations.model.Policy;
import software.amazon.awssdk.services.organizations.model.Root;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Organizations through SDK v2 (awsJson1_1): the organization, accounts created asynchronously (the server runs on a
 * {@link MutableClock}), the OU tree, policies and their attachment rules, invitations, AWS's errors with their
 * reasons. Each test uses accounts of its own (a 12-digit access key id is that account's root).
 */
class OrganizationsIT {
    static final String SCP_DENY_ALL_S3 = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
            + "\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
    static MutableClock clock;
    static VigilTestServer vigil;

    @BeforeAll
    static void start() {
        clock = new MutableClock(Instant.now());
        vigil = VigilTestServer.start(c -> c, clock);
    }

    @AfterAll
    static void stop() { vigil.close(); }

    static String newAccount() {
        return "3" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
    }

    static OrganizationsClient orgs(String account) {
        return vigil.client(OrganizationsClient.builder(), account, "secret");
    }

    static OrganizationsException error(Runnable call) {
        return catchThrowableOfType(call::run, OrganizationsException.class);
    }

    /** An IAM user of the account with AdministratorAccess, and its key. */
    static AccessKey adminOf(String account, String name) {
        try (IamClient iam = vigil.client(IamClient.builder(), account, "secret")) {
            iam.createUser(r -> r.userName(name));
            iam.attachUserPolicy(r -> r.userName(name).policyArn("arn:aws:iam::aws:policy/AdministratorAccess"));
            return iam.createAccessKey(r -> r.userName(name)).accessKey();
        }
    }

    /** The Reason member of Organizations' error body. */
    static String reason(OrganizationsException e) {
        return e.awsErrorDetails().rawResponse().asUtf8String().replaceAll(".*\"Reason\":\"([A-Z_]+)\".*", "$1");
    }

    @Test
    void createDescribeAndDeleteAnOrganization() {
        String mgmt = newAccount();
        try (OrganizationsClient o = orgs(mgmt)) {
            OrganizationsException none = error(o::describeOrganization);
            assertThat(none.awsErrorDetails().errorCode()).isEqualTo("AWSOrganizationsNotInUseException");
            assertThat(none.awsErrorDetails().errorMessage()).isEqualTo("Your account is not a member of an organization.");

            Organization org = o.createOrganization(r -> r.featureSet("ALL")).organization();
            assertThat(org.id()).matches("o-[a-z0-9]{10}");
            assertThat(org.masterAccountId()).isEqualTo(mgmt);
            assertThat(org.arn()).isEqualTo("arn:aws:organizations::" + mgmt + ":organization/" + org.id());
            assertThat(o.describeOrganization().organization().id()).isEqualTo(org.id());
            assertThat(error(() -> o.createOrganization(r -> r.featureSet("ALL"))).awsErrorDetails().errorCode())
                    .isEqualTo("AlreadyInOrganizationException");

            Root root = o.listRoots().roots().get(0);
            assertThat(root.id()).matches("r-[a-z0-9]{4}");
            assertThat(root.arn()).isEqualTo("arn:aws:organizations::" + mgmt + ":root/" + org.id() + "/" + root.id());
            List<Account> accounts = o.listAccounts().accounts();
            assertThat(accounts).extracting(Account::id).containsExactly(mgmt);

            // Organizations calls land in the management account's event history.
            try (CloudTrailClient ct = vigil.client(CloudTrailClient.builder(), mgmt, "secret")) {
                com.fasterxml.jackson.databind.JsonNode created = Trail.records(ct, "CreateOrganization").get(0);
                assertThat(created.path("eventSource").asText()).isEqualTo("organizations.amazonaws.com");
                assertThat(created.path("recipientAccountId").asText()).isEqualTo(mgmt);
                assertThat(created.path("readOnly").asBoolean()).isFalse();
                assertThat(Trail.records(ct, "ListRoots")).isNotEmpty();
            }

            o.deleteOrganization(r -> { });
            assertThat(error(o::describeOrganization).awsErrorDetails().errorCode())
                    .isEqualTo("AWSOrganizationsNotInUseException");
        }
    }

    @Test
    void createAccountIsAsynchronousAndTheManagementAccountCanAssumeItsAccessRole() {
        String mgmt = newAccount();
        try (OrganizationsClient o = orgs(mgmt)) {
            o.createOrganization(r -> r.featureSet("ALL"));
            CreateAccountStatus started = o.createAccount(r -> r.accountName("dev").email("dev-" + mgmt + "@example.com"))
                    .createAccountStatus();
            assertThat(started.id()).matches("car-[a-z0-9]{32}");
            assertThat(started.stateAsString()).isEqualTo("IN_PROGRESS");
            assertThat(started.accountId()).isNull();
            assertThat(o.describeCreateAccountStatus(r -> r.createAccountRequestId(started.id())).createAccountStatus()
                    .stateAsString()).isEqualTo("IN_PROGRESS");

            clock.advance(Duration.ofSeconds(3));
            CreateAccountStatus done = o.describeCreateAccountStatus(r -> r.createAccountRequestId(started.id()))
                    .createAccountStatus();
            assertThat(done.stateAsString()).isEqualTo("SUCCEEDED");
            assertThat(done.accountId()).matches("\\d{12}");
            assertThat(o.listCreateAccountStatus(r -> r.statesWithStrings("SUCCEEDED")).createAccountStatuses())
                    .extracting(CreateAccountStatus::id).containsExactly(started.id());
            Account created = o.describeAccount(r -> r.accountId(done.accountId())).account();
            assertThat(created.name()).isEqualTo("dev");
            assertThat(created.joinedMethodAsString()).isEqualTo("CREATED");
            assertThat(created.statusAsString()).isEqualTo("ACTIVE");

            // The same email again fails asynchronously, as AWS reports it.
            CreateAccountStatus again = o.createAccount(r -> r.accountName("dup").email("dev-" + mgmt + "@example.com"))
                    .createAccountStatus();
            clock.advance(Duration.ofSeconds(3));
            CreateAccountStatus failed = o.describeCreateAccountStatus(r -> r.createAccountRequestId(again.id()))
                    .createAccountStatus();
            assertThat(failed.stateAsString()).isEqualTo("FAILED");
            assertThat(failed.failureReasonAsString()).isEqualTo("EMAIL_ALREADY_EXISTS");

            String roleArn = "arn:aws:iam::" + done.accountId() + ":role/OrganizationAccountAccessRole";
            // AWS lets no root user assume roles: an administrator of the management account does.
            AccessKey admin = adminOf(mgmt, "admin");
            try (StsClient sts = vigil.client(StsClient.builder(), admin.accessKeyId(), admin.secretAccessKey())) {
                Credentials c = sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("admin")).credentials();
                try (IamClient iamInNewAccount = vigil.client(IamClient.builder(), StsCrossAccountIT.session(c))) {
                    iamInNewAccount.createUser(r -> r.userName("made-by-management"));
                    assertThat(iamInNewAccount.getRole(r -> r.roleName("OrganizationAccountAccessRole")).role()
                            .assumeRolePolicyDocument()).contains(mgmt);
                }
            }
        }
    }

    @Test
    void organizationalUnitsNestFiveDeepAndDeleteOnlyWhenEmpty() {
        String mgmt = newAccount();
        String member = newAccount();
        try (OrganizationsClient o = orgs(mgmt); OrganizationsClient m = orgs(member)) {
            o.createOrganization(r -> r.featureSet("ALL"));
            String root = o.listRoots().roots().get(0).id();
            OrganizationalUnit prod = o.createOrganizationalUnit(r -> r.parentId(root).name("prod")).organizationalUnit();
            assertThat(prod.id()).matches("ou-" + root.substring(2) + "-[a-z0-9]{8}");
            assertThat(error(() -> o.createOrganizationalUnit(r -> r.parentId(root).name("prod"))).awsErrorDetails()
                    .errorCode()).isEqualTo("DuplicateOrganizationalUnitException");
            String parent = prod.id();
            for (int depth = 2; depth <= 5; depth++) {
                String p = parent;
                String name = "level" + depth;
                parent = o.createOrganizationalUnit(r -> r.parentId(p).name(name)).organizationalUnit().id();
            }
            String deepest = parent;
            OrganizationsException tooDeep = error(() -> o.createOrganizationalUnit(r -> r.parentId(deepest).name("six")));
            assertThat(tooDeep.awsErrorDetails().errorCode()).isEqualTo("ConstraintViolationException");
            assertThat(reason(tooDeep)).isEqualTo("OU_DEPTH_LIMIT_EXCEEDED");

            // An invited account joins the root; moved into prod, prod is not empty any more.
            Handshake h = o.inviteAccountToOrganization(r -> r.target(t -> t.id(member).type("ACCOUNT"))).handshake();
            assertThat(h.id()).matches("h-[a-z0-9]{10}");
            assertThat(h.stateAsString()).isEqualTo("OPEN");
            assertThat(m.listHandshakesForAccount().handshakes()).extracting(Handshake::id).containsExactly(h.id());
            assertThat(m.acceptHandshake(r -> r.handshakeId(h.id())).handshake().stateAsString()).isEqualTo("ACCEPTED");
            assertThat(o.listAccountsForParent(r -> r.parentId(root)).accounts()).extracting(Account::id)
                    .containsExactlyInAnyOrder(mgmt, member);

            o.moveAccount(r -> r.accountId(member).sourceParentId(root).destinationParentId(prod.id()));
            assertThat(o.listParents(r -> r.childId(member)).parents().get(0).id()).isEqualTo(prod.id());
            assertThat(error(() -> o.moveAccount(r -> r.accountId(member).sourceParentId(root)
                    .destinationParentId(prod.id()))).awsErrorDetails().errorCode())
                    .isEqualTo("SourceParentNotFoundException");
            assertThat(error(() -> o.deleteOrganizationalUnit(r -> r.organizationalUnitId(prod.id()))).awsErrorDetails()
                    .errorCode()).isEqualTo("OrganizationalUnitNotEmptyException");
            assertThat(o.listChildren(r -> r.parentId(prod.id()).childType("ACCOUNT")).children())
                    .extracting(c -> c.id()).containsExactly(member);
            o.updateOrganizationalUnit(r -> r.organizationalUnitId(prod.id()).name("production"));
            assertThat(o.describeOrganizationalUnit(r -> r.organizationalUnitId(prod.id())).organizationalUnit().name())
                    .isEqualTo("production");

            // Members may describe their organization but not manage it.
            assertThat(m.describeOrganization().organization().masterAccountId()).isEqualTo(mgmt);
            OrganizationsException denied = error(m::listAccounts);
            assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
        }
    }

    @Test
    void policiesAttachOnlyWhenTheirTypeIsEnabledAndFullAwsAccessStaysAsTheLastScp() {
        String mgmt = newAccount();
        try (OrganizationsClient o = orgs(mgmt)) {
            o.createOrganization(r -> r.featureSet("ALL"));
            String root = o.listRoots().roots().get(0).id();
            Policy p = o.createPolicy(r -> r.name("no-s3").description("d").type("SERVICE_CONTROL_POLICY")
                    .content(SCP_DENY_ALL_S3)).policy();
            assertThat(p.policySummary().id()).matches("p-[a-z0-9]{8}");
            assertThat(p.policySummary().arn()).isEqualTo("arn:aws:organizations::" + mgmt + ":policy/"
                    + o.describeOrganization().organization().id() + "/service_control_policy/" + p.policySummary().id());
            assertThat(error(() -> o.attachPolicy(r -> r.policyId(p.policySummary().id()).targetId(root)))
                    .awsErrorDetails().errorCode()).isEqualTo("PolicyTypeNotEnabledException");

            Root enabled = o.enablePolicyType(r -> r.rootId(root).policyType("SERVICE_CONTROL_POLICY")).root();
            assertThat(enabled.policyTypes()).extracting(t -> t.typeAsString()).containsExactly("SERVICE_CONTROL_POLICY");
            assertThat(o.listPoliciesForTarget(r -> r.targetId(root).filter("SERVICE_CONTROL_POLICY")).policies())
                    .extracting(s -> s.id()).containsExactly("p-FullAWSAccess");
            assertThat(o.listPoliciesForTarget(r -> r.targetId(mgmt).filter("SERVICE_CONTROL_POLICY")).policies())
                    .extracting(s -> s.id()).containsExactly("p-FullAWSAccess");

            OrganizationsException last = error(() -> o.detachPolicy(r -> r.policyId("p-FullAWSAccess").targetId(root)));
            assertThat(last.awsErrorDetails().errorCode()).isEqualTo("ConstraintViolationException");
            assertThat(reason(last)).isEqualTo("MIN_POLICY_TYPE_ATTACHMENT_LIMIT_EXCEEDED");

            o.attachPolicy(r -> r.policyId(p.policySummary().id()).targetId(root));
            assertThat(error(() -> o.attachPolicy(r -> r.policyId(p.policySummary().id()).targetId(root)))
                    .awsErrorDetails().errorCode()).isEqualTo("DuplicatePolicyAttachmentException");
            assertThat(o.listTargetsForPolicy(r -> r.policyId(p.policySummary().id())).targets())
                    .extracting(t -> t.targetId()).containsExactly(root);
            assertThat(error(() -> o.deletePolicy(r -> r.policyId(p.policySummary().id()))).awsErrorDetails()
                    .errorCode()).isEqualTo("PolicyInUseException");
            o.detachPolicy(r -> r.policyId(p.policySummary().id()).targetId(root));
            o.deletePolicy(r -> r.policyId(p.policySummary().id()));
            assertThat(error(() -> o.describePolicy(r -> r.policyId(p.policySummary().id()))).awsErrorDetails()
                    .errorCode()).isEqualTo("PolicyNotFoundException");
        }
    }

    @Test
    void scpDocumentsAreValidated() {
        String mgmt = newAccount();
        try (OrganizationsClient o = orgs(mgmt)) {
            o.createOrganization(r -> r.featureSet("ALL"));
            OrganizationsException withPrincipal = error(() -> o.createPolicy(r -> r.name("p").description("")
                    .type("SERVICE_CONTROL_POLICY").content("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                            + "\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}")));
            assertThat(withPrincipal.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicyDocumentException");
            assertThat(withPrincipal.awsErrorDetails().errorMessage()).isEqualTo("The provided policy document does"
                    + " not meet the requirements of the specified policy type.");
            String big = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"" + "A".repeat(5200)
                    + "\",\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
            OrganizationsException tooBig = error(() -> o.createPolicy(r -> r.name("big").description("")
                    .type("SERVICE_CONTROL_POLICY").content(big)));
            assertThat(tooBig.awsErrorDetails().errorCode()).isEqualTo("ConstraintViolationException");
            assertThat(reason(tooBig)).isEqualTo("POLICY_CONTENT_LIMIT_EXCEEDED");
        }
    }

    @Test
    void tagPoliciesMergeIntoTheEffectivePolicy() {
        String mgmt = newAccount();
        try (OrganizationsClient o = orgs(mgmt)) {
            o.createOrganization(r -> r.featureSet("ALL"));
            String root = o.listRoots().roots().get(0).id();
            o.enablePolicyType(r -> r.rootId(root).policyType("TAG_POLICY"));
            assertThat(error(() -> o.describeEffectivePolicy(r -> r.policyType("TAG_POLICY"))).awsErrorDetails()
                    .errorCode()).isEqualTo("EffectivePolicyNotFoundException");
            String atRoot = o.createPolicy(r -> r.name("cc").description("").type("TAG_POLICY").content(
                    "{\"tags\":{\"costcenter\":{\"tag_key\":{\"@@assign\":\"CostCenter\"},"
                            + "\"tag_value\":{\"@@assign\":[\"100\",\"200\"]}}}}")).policy().policySummary().id();
            String atAccount = o.createPolicy(r -> r.name("cc-more").description("").type("TAG_POLICY").content(
                    "{\"tags\":{\"costcenter\":{\"tag_value\":{\"@@append\":[\"300\"]}}}}")).policy().policySummary().id();
            o.attachPolicy(r -> r.policyId(atRoot).targetId(root));
            o.attachPolicy(r -> r.policyId(atAccount).targetId(mgmt));
            String effective = o.describeEffectivePolicy(r -> r.policyType("TAG_POLICY")).effectivePolicy()
                    .policyContent();
            assertThat(effective).isEqualTo("{\"tags\":{\"costcenter\":{\"tag_key\":\"CostCenter\","
                    + "\"tag_value\":[\"100\",\"200\",\"300\"]}}}");
        }
    }

    @Test
    void delegatedAdministratorsAndTrustedAccess() {
        String mgmt = newAccount();
        String member = newAccount();
        try (OrganizationsClient o = orgs(mgmt); OrganizationsClient m = orgs(member)) {
            o.createOrganization(r -> r.featureSet("ALL"));
            String h = o.inviteAccountToOrganization(r -> r.target(t -> t.id(member).type("ACCOUNT"))).handshake().id();
            m.acceptHandshake(r -> r.handshakeId(h));
            OrganizationsException notEnabled = error(() -> o.registerDelegatedAdministrator(r -> r.accountId(member)
                    .servicePrincipal("config.amazonaws.com")));
            assertThat(reason(notEnabled)).isEqualTo("SERVICE_ACCESS_NOT_ENABLED");
            o.enableAWSServiceAccess(r -> r.servicePrincipal("config.amazonaws.com"));
            assertThat(o.listAWSServiceAccessForOrganization().enabledServicePrincipals())
                    .extracting(s -> s.servicePrincipal()).containsExactly("config.amazonaws.com");
            o.registerDelegatedAdministrator(r -> r.accountId(member).servicePrincipal("config.amazonaws.com"));
            assertThat(o.listDelegatedAdministrators(r -> { }).delegatedAdministrators()).extracting(d -> d.id())
                    .containsExactly(member);
            assertThat(m.listAccounts().accounts()).hasSize(2); // a delegated administrator may read the organization
            OrganizationsException cannotLeave = error(m::leaveOrganization);
            assertThat(reason(cannotLeave)).isEqualTo("CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG");
            o.deregisterDelegatedAdministrator(r -> r.accountId(member).servicePrincipal("config.amazonaws.com"));
            m.leaveOrganization(r -> { });
            assertThat(error(m::describeOrganization).awsErrorDetails().errorCode())
                    .isEqualTo("AWSOrganizationsNotInUseException");

            String root = o.listRoots().roots().get(0).id();
            o.tagResource(r -> r.resourceId(root).tags(t -> t.key("team").value("platform")));
            assertThat(o.listTagsForResource(r -> r.resourceId(root)).tags()).extracting(t -> t.key() + "=" + t.value())
                    .containsExactly("team=platform");
        }
    }

    static RawHttp.Response raw(String account, String operation, String json) {
        RawHttp http = new RawHttp(vigil.endpoint());
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        SignableRequest signed = RawHttp.sign(http.request("POST", "/", null, Map.of("Content-Type",
                "application/x-amz-json-1.1", "X-Amz-Target", "AWSOrganizationsV20161128." + operation), bytes),
                account, "secret", "organizations", Instant.now());
        return http.send(signed, bytes);
    }

    @Test
    void missingOrMalformedInputIsAnInvalidInputErrorAndChangesNothing() {
        String mgmt = newAccount();
        assertThat(raw(mgmt, "CreateOrganization", "{}").status()).isEqualTo(200);
        RawHttp.Response noContent = raw(mgmt, "CreatePolicy", "{\"Name\":\"x\",\"Description\":\"\","
                + "\"Type\":\"SERVICE_CONTROL_POLICY\"}");
        assertThat(noContent.status()).isEqualTo(400);
        assertThat(noContent.text()).contains("InvalidInputException");
        RawHttp.Response noTarget = raw(mgmt, "InviteAccountToOrganization", "{}");
        assertThat(noTarget.status()).isEqualTo(400);
        assertThat(noTarget.text()).contains("InvalidInputException");
        RawHttp.Response badType = raw(mgmt, "CreatePolicy", "{\"Name\":\"x\",\"Description\":\"\","
                + "\"Type\":\"NOPE\",\"Content\":\"{}\"}");
        assertThat(badType.status()).isEqualTo(400);
        try (OrganizationsClient o = orgs(mgmt)) {
            assertThat(o.listPolicies(r -> r.filter("SERVICE_CONTROL_POLICY")).policies()).extracting(p -> p.id())
                    .containsExactly("p-FullAWSAccess");
        }
    }

    @Test
    void invitationsCanBeDeclinedAndCanceled() {
        String mgmt = newAccount();
        String member = newAccount();
        try (OrganizationsClient o = orgs(mgmt); OrganizationsClient m = orgs(member)) {
            o.createOrganization(r -> r.featureSet("ALL"));
            String first = o.inviteAccountToOrganization(r -> r.target(t -> t.id(member).type("ACCOUNT"))).handshake().id();
            assertThat(error(() -> o.inviteAccountToOrganization(r -> r.target(t -> t.id(member).type("ACCOUNT"))))
                    .awsErrorDetails().errorCode()).isEqualTo("DuplicateHandshakeException");
            assertThat(m.declineHandshake(r -> r.handshakeId(first)).handshake().stateAsString()).isEqualTo("DECLINED");
            assertThat(error(() -> m.declineHandshake(r -> r.handshakeId(first))).awsErrorDetails().errorCode())
                    .isEqualTo("HandshakeAlreadyInStateException");
            assertThat(error(() -> m.acceptHandshake(r -> r.handshakeId(first))).awsErrorDetails().errorCode())
                    .isEqualTo("InvalidHandshakeTransitionException");

            String second = o.inviteAccountToOrganization(r -> r.target(t -> t.id(member).type("ACCOUNT"))).handshake().id();
            assertThat(o.cancelHandshake(r -> r.handshakeId(second)).handshake().stateAsString()).isEqualTo("CANCELED");

            String third = o.inviteAccountToOrganization(r -> r.target(t -> t.id(member).type("ACCOUNT"))).handshake().id();
            assertThat(error(() -> orgs(newAccount()).acceptHandshake(r -> r.handshakeId(third))).awsErrorDetails()
                    .errorCode()).isEqualTo("HandshakeNotFoundException");
        }
    }

    @Test
    void theRemainingOperationsThroughTheSdk() {
        String mgmt = newAccount();
        String member = newAccount();
        try (OrganizationsClient o = orgs(mgmt); OrganizationsClient m = orgs(member)) {
            o.createOrganization(r -> r.featureSet("ALL"));
            String root = o.listRoots().roots().get(0).id();
            String ou = o.createOrganizationalUnit(r -> r.parentId(root).name("apps").tags(t -> t.key("k").value("v")))
                    .organizationalUnit().id();
            assertThat(o.listOrganizationalUnitsForParent(r -> r.parentId(root)).organizationalUnits())
                    .extracting(u -> u.id()).containsExactly(ou);
            assertThat(o.listChildren(r -> r.parentId(root).childType("ORGANIZATIONAL_UNIT")).children())
                    .extracting(c -> c.id()).containsExactly(ou);
            assertThat(o.listTagsForResource(r -> r.resourceId(ou)).tags()).hasSize(1);
            o.untagResource(r -> r.resourceId(ou).tagKeys("k"));
            assertThat(o.listTagsForResource(r -> r.resourceId(ou)).tags()).isEmpty();

            String h = o.inviteAccountToOrganization(r -> r.target(t -> t.id(member).type("ACCOUNT")).notes("hi"))
                    .handshake().id();
            Handshake listed = o.listHandshakesForOrganization(r -> r.filter(f -> f.actionType("INVITE")))
                    .handshakes().get(0);
            assertThat(listed.id()).isEqualTo(h);
            assertThat(listed.resources()).extracting(x -> x.typeAsString()).contains("ORGANIZATION", "ACCOUNT", "NOTES");
            assertThat(listed.arn()).startsWith("arn:aws:organizations::" + mgmt + ":handshake/o-");
            m.acceptHandshake(r -> r.handshakeId(h));

            o.enablePolicyType(r -> r.rootId(root).policyType("SERVICE_CONTROL_POLICY"));
            String p = o.createPolicy(r -> r.name("a").description("first").type("SERVICE_CONTROL_POLICY")
                    .content(SCP_DENY_ALL_S3)).policy().policySummary().id();
            Policy updated = o.updatePolicy(r -> r.policyId(p).name("b").description("second")).policy();
            assertThat(updated.policySummary().name()).isEqualTo("b");
            assertThat(updated.content()).isEqualTo(SCP_DENY_ALL_S3);
            assertThat(o.listPolicies(r -> r.filter("SERVICE_CONTROL_POLICY")).policies()).extracting(x -> x.name())
                    .containsExactly("FullAWSAccess", "b");
            o.attachPolicy(r -> r.policyId(p).targetId(member));
            Root disabled = o.disablePolicyType(r -> r.rootId(root).policyType("SERVICE_CONTROL_POLICY")).root();
            assertThat(disabled.policyTypes()).isEmpty();
            assertThat(o.listTargetsForPolicy(r -> r.policyId(p)).targets()).isEmpty();

            o.enableAWSServiceAccess(r -> r.servicePrincipal("cloudtrail.amazonaws.com"));
            o.registerDelegatedAdministrator(r -> r.accountId(member).servicePrincipal("cloudtrail.amazonaws.com"));
            assertThat(o.listDelegatedServicesForAccount(r -> r.accountId(member)).delegatedServices())
                    .extracting(d -> d.servicePrincipal()).containsExactly("cloudtrail.amazonaws.com");
            o.deregisterDelegatedAdministrator(r -> r.accountId(member).servicePrincipal("cloudtrail.amazonaws.com"));
            o.disableAWSServiceAccess(r -> r.servicePrincipal("cloudtrail.amazonaws.com"));
            assertThat(o.listAWSServiceAccessForOrganization().enabledServicePrincipals()).isEmpty();

            o.closeAccount(r -> r.accountId(member));
            assertThat(o.describeAccount(r -> r.accountId(member)).account().statusAsString())
                    .isEqualTo("PENDING_CLOSURE");
            OrganizationsException unrecognized = error(() -> o.enableAWSServiceAccess(r -> r.servicePrincipal(
                    "nothing.amazonaws.com")));
            assertThat(reason(unrecognized)).isEqualTo("UNRECOGNIZED_SERVICE_PRINCIPAL");
        }
    }
}
