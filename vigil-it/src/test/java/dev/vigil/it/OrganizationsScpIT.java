package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.testkit.VigilTestServer;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/**
 * SCPs in every decision (issue 4): an SCP on an OU denying logs:CreateLogGroup (and cloudwatch:PutMetricData) limits
 * the member account's root user and its administrators but not the management account; without FullAWSAccess on the
 * path nothing is allowed below; a moved account is governed by its new OU at once; aws:PrincipalOrgID resolves from
 * the hierarchy. Each test has an organization of
 * its own (a 12-digit access key id is that account's root).
 */
class OrganizationsScpIT {
    static final String DENY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
            + "\"Action\":[\"logs:CreateLogGroup\",\"cloudwatch:PutMetricData\",\"iam:CreateUser\"],"
            + "\"Resource\":\"*\"}]}";
    static final String ONLY_CLOUDWATCH = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"cloudwatch:*\",\"Resource\":\"*\"}]}";
    static VigilTestServer vigil;

    @BeforeAll
    static void start() { vigil = VigilTestServer.start(); }

    @AfterAll
    static void stop() { vigil.close(); }

    /** An organization with SCPs enabled, one OU, and a member account moved into it. */
    record Org(String management, String member, String root, String ou, String orgId) {}

    static String newAccount() {
        return "5" + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
    }

    static Org organization() {
        String mgmt = newAccount();
        String member = newAccount();
        try (OrganizationsClient o = orgs(mgmt); OrganizationsClient m = orgs(member)) {
            String orgId = o.createOrganization(r -> r.featureSet("ALL")).organization().id();
            String root = o.listRoots().roots().get(0).id();
            o.enablePolicyType(r -> r.rootId(root).policyType("SERVICE_CONTROL_POLICY"));
            String ou = o.createOrganizationalUnit(r -> r.parentId(root).name("workloads")).organizationalUnit().id();
            String h = o.inviteAccountToOrganization(r -> r.target(t -> t.id(member).type("ACCOUNT"))).handshake().id();
            m.acceptHandshake(r -> r.handshakeId(h));
            o.moveAccount(r -> r.accountId(member).sourceParentId(root).destinationParentId(ou));
            return new Org(mgmt, member, root, ou, orgId);
        }
    }

    static OrganizationsClient orgs(String account) { return vigil.client(OrganizationsClient.builder(), account, "s"); }

    static AccessKey admin(String account) {
        try (IamClient iam = vigil.client(IamClient.builder(), account, "s")) {
            String name = "admin" + ThreadLocalRandom.current().nextInt(1_000_000);
            iam.createUser(r -> r.userName(name));
            iam.attachUserPolicy(r -> r.userName(name).policyArn("arn:aws:iam::aws:policy/AdministratorAccess"));
            return iam.createAccessKey(r -> r.userName(name)).accessKey();
        }
    }

    static CloudWatchClient cloudWatch(String keyId, String secret) {
        return vigil.client(CloudWatchClient.builder(), keyId, secret);
    }

    static AwsServiceException putMetric(CloudWatchClient cw) {
        return catchThrowableOfType(() -> cw.putMetricData(r -> r.namespace("App").metricData(d -> d.metricName("m")
                .value(1.0))), AwsServiceException.class);
    }

    static CloudWatchLogsClient logs(String keyId, String secret) {
        return vigil.client(CloudWatchLogsClient.builder(), keyId, secret);
    }

    static String newGroup() { return "/scp/" + ThreadLocalRandom.current().nextInt(1_000_000_000); }

    static AwsServiceException createLogGroup(CloudWatchLogsClient logs, String group) {
        return catchThrowableOfType(() -> logs.createLogGroup(r -> r.logGroupName(group)), AwsServiceException.class);
    }

    /** Logs answers AccessDeniedException (CloudWatch and IAM answer AccessDenied) with the same message. */
    static void assertScpDenied(AwsServiceException e, String principalArn, String account, String group) {
        assertThat(e).isNotNull();
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("User: " + principalArn + " is not authorized to"
                + " perform: logs:CreateLogGroup on resource: arn:aws:logs:us-east-1:" + account + ":log-group:" + group
                + " with an explicit deny in a service control policy");
    }

    static AwsServiceException createUser(IamClient iam) {
        String name = "u" + ThreadLocalRandom.current().nextInt(1_000_000);
        return catchThrowableOfType(() -> iam.createUser(r -> r.userName(name)), AwsServiceException.class);
    }

    @Test
    void anScpOnAnOuStopsTheMemberRootAndAdminsButNotTheManagementAccount() {
        Org org = organization();
        AccessKey memberAdmin = admin(org.member());
        AccessKey managementAdmin = admin(org.management());
        try (OrganizationsClient o = orgs(org.management())) {
            String p = o.createPolicy(r -> r.name("no-metrics").description("").type("SERVICE_CONTROL_POLICY")
                    .content(DENY)).policy().policySummary().id();
            o.attachPolicy(r -> r.policyId(p).targetId(org.ou()));
        }

        try (CloudWatchLogsClient memberRoot = logs(org.member(), "s");
             CloudWatchLogsClient memberAdminLogs = logs(memberAdmin.accessKeyId(), memberAdmin.secretAccessKey());
             CloudWatchLogsClient mgmtRoot = logs(org.management(), "s");
             CloudWatchLogsClient mgmtAdmin = logs(managementAdmin.accessKeyId(), managementAdmin.secretAccessKey())) {
            String g1 = newGroup();
            assertScpDenied(createLogGroup(memberRoot, g1), "arn:aws:iam::" + org.member() + ":root", org.member(), g1);
            String g2 = newGroup();
            assertScpDenied(createLogGroup(memberAdminLogs, g2), "arn:aws:iam::" + org.member() + ":user/"
                    + memberAdmin.userName(), org.member(), g2);
            assertThat(memberRoot.describeLogGroups(r -> r.logGroupNamePrefix("/scp/")).logGroups()).isEmpty();
            String g3 = newGroup();
            String g4 = newGroup();
            assertThat(createLogGroup(mgmtRoot, g3)).isNull();
            assertThat(createLogGroup(mgmtAdmin, g4)).isNull();
            assertThat(mgmtRoot.describeLogGroups(r -> r.logGroupNamePrefix("/scp/")).logGroups())
                    .extracting(lg -> lg.logGroupName()).containsExactlyInAnyOrder(g3, g4);
        }
        try (CloudWatchClient memberRoot = cloudWatch(org.member(), "s");
             CloudWatchClient memberAdminCw = cloudWatch(memberAdmin.accessKeyId(), memberAdmin.secretAccessKey());
             CloudWatchClient mgmtRoot = cloudWatch(org.management(), "s");
             CloudWatchClient mgmtAdmin = cloudWatch(managementAdmin.accessKeyId(), managementAdmin.secretAccessKey())) {
            AwsServiceException rootDenied = putMetric(memberRoot);
            assertThat(rootDenied).isNotNull();
            assertThat(rootDenied.statusCode()).isEqualTo(403);
            assertThat(rootDenied.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::" + org.member()
                    + ":root is not authorized to perform: cloudwatch:PutMetricData with an explicit deny in a service"
                    + " control policy");
            AwsServiceException adminDenied = putMetric(memberAdminCw);
            assertThat(adminDenied).isNotNull();
            assertThat(adminDenied.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::" + org.member()
                    + ":user/" + memberAdmin.userName() + " is not authorized to perform: cloudwatch:PutMetricData with"
                    + " an explicit deny in a service control policy");
            assertThat(putMetric(mgmtRoot)).isNull();
            assertThat(putMetric(mgmtAdmin)).isNull();
        }
        try (IamClient memberRootIam = vigil.client(IamClient.builder(), org.member(), "s");
             IamClient mgmtRootIam = vigil.client(IamClient.builder(), org.management(), "s")) {
            assertThat(createUser(memberRootIam)).isNotNull();
            assertThat(createUser(mgmtRootIam)).isNull();
            assertThat(memberRootIam.listUsers().users()).isNotEmpty(); // what the SCP does not deny stays allowed
        }
    }

    @Test
    void withoutFullAwsAccessOnTheOuNothingOutsideItsAllowListIsAllowedBelow() {
        Org org = organization();
        try (OrganizationsClient o = orgs(org.management())) {
            String p = o.createPolicy(r -> r.name("cloudwatch-only").description("").type("SERVICE_CONTROL_POLICY")
                    .content(ONLY_CLOUDWATCH)).policy().policySummary().id();
            o.attachPolicy(r -> r.policyId(p).targetId(org.ou()));
            o.detachPolicy(r -> r.policyId("p-FullAWSAccess").targetId(org.ou()));
        }
        try (IamClient memberRoot = vigil.client(IamClient.builder(), org.member(), "s");
             CloudWatchClient memberCw = cloudWatch(org.member(), "s")) {
            AwsServiceException denied = catchThrowableOfType(memberRoot::listUsers, AwsServiceException.class);
            assertThat(denied).isNotNull();
            assertThat(denied.awsErrorDetails().errorMessage()).contains("iam:ListUsers")
                    .contains("service control policy");
            assertThat(putMetric(memberCw)).isNull(); // the OU's allow list still allows CloudWatch
        }
        try (CloudWatchLogsClient memberLogs = logs(org.member(), "s");
             CloudWatchLogsClient mgmtLogs = logs(org.management(), "s")) {
            String group = newGroup();
            assertScpDenied(createLogGroup(memberLogs, group), "arn:aws:iam::" + org.member() + ":root", org.member(),
                    group);
            assertThat(createLogGroup(mgmtLogs, group)).isNull(); // the management account is exempt
        }
        // The member's own Organizations calls are limited too (AWS: SCPs apply to every action).
        try (OrganizationsClient m = orgs(org.member())) {
            AwsServiceException leave = catchThrowableOfType(m::leaveOrganization, AwsServiceException.class);
            assertThat(leave.awsErrorDetails().errorMessage()).contains("organizations:LeaveOrganization");
        }
    }

    @Test
    void movingAnAccountAppliesItsNewOusScpsAtOnce() {
        Org org = organization();
        try (OrganizationsClient o = orgs(org.management());
             CloudWatchClient memberRoot = cloudWatch(org.member(), "s");
             CloudWatchLogsClient memberLogs = logs(org.member(), "s")) {
            String quarantine = o.createOrganizationalUnit(r -> r.parentId(org.root()).name("quarantine"))
                    .organizationalUnit().id();
            String p = o.createPolicy(r -> r.name("freeze").description("").type("SERVICE_CONTROL_POLICY")
                    .content(DENY)).policy().policySummary().id();
            o.attachPolicy(r -> r.policyId(p).targetId(quarantine));
            assertThat(putMetric(memberRoot)).isNull();
            assertThat(createLogGroup(memberLogs, newGroup())).isNull();

            o.moveAccount(r -> r.accountId(org.member()).sourceParentId(org.ou()).destinationParentId(quarantine));
            assertThat(putMetric(memberRoot)).isNotNull();
            String frozen = newGroup();
            assertScpDenied(createLogGroup(memberLogs, frozen), "arn:aws:iam::" + org.member() + ":root", org.member(),
                    frozen);

            o.moveAccount(r -> r.accountId(org.member()).sourceParentId(quarantine).destinationParentId(org.ou()));
            assertThat(putMetric(memberRoot)).isNull();
            assertThat(createLogGroup(memberLogs, frozen)).isNull();
        }
    }

    @Test
    void principalOrgIdAndPathsResolveFromTheHierarchy() {
        Org org = organization();
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:List*\","
                + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"" + org.orgId() + "\"},"
                + "\"ForAnyValue:StringLike\":{\"aws:PrincipalOrgPaths\":\"" + org.orgId() + "/" + org.root() + "/"
                + org.ou() + "/*\"}}}]}";
        AccessKey key;
        try (IamClient root = vigil.client(IamClient.builder(), org.member(), "s")) {
            root.createUser(r -> r.userName("auditor"));
            root.putUserPolicy(r -> r.userName("auditor").policyName("in-org").policyDocument(policy));
            key = root.createAccessKey(r -> r.userName("auditor")).accessKey();
        }
        try (IamClient auditor = vigil.client(IamClient.builder(), key.accessKeyId(), key.secretAccessKey());
             OrganizationsClient o = orgs(org.management())) {
            assertThat(auditor.listUsers().users()).isNotEmpty();
            o.moveAccount(r -> r.accountId(org.member()).sourceParentId(org.ou()).destinationParentId(org.root()));
            assertThat(catchThrowableOfType(auditor::listUsers, AwsServiceException.class)).isNotNull();
            o.removeAccountFromOrganization(r -> r.accountId(org.member()));
            AwsServiceException outside = catchThrowableOfType(auditor::listUsers, AwsServiceException.class);
            assertThat(outside.awsErrorDetails().errorMessage()).contains("no identity-based policy allows");
        }
    }
}
