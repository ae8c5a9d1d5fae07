package dev.vigil.iam.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.AwsException;
import dev.vigil.core.Caller;
import dev.vigil.core.MutableClock;
import dev.vigil.core.RequestContext;
import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.iam.model.AddUserToGroupRequest;
import software.amazon.awssdk.services.iam.model.AttachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.CreateGroupRequest;
import software.amazon.awssdk.services.iam.model.CreatePolicyRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.GetContextKeysForCustomPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetContextKeysForPrincipalPolicyRequest;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.iam.model.PolicySourceType;
import software.amazon.awssdk.services.iam.model.PutGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.PutRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.PutUserPermissionsBoundaryRequest;
import software.amazon.awssdk.services.iam.model.PutUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyResponse;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyRequest;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyResponse;
import software.amazon.awssdk.services.iam.model.Statement;

/** SimulatePrincipalPolicy / SimulateCustomPolicy / GetContextKeysFor*Policy over an embedded H2 IAM store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulatorProviderTest {
    private static final String S3_ALL = """
            {"Version": "2012-10-17", "Statement": [{"Sid": "S3", "Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}""";
    private static final String MULTILINE = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n"
            + "    {\"Effect\": \"Allow\", \"Action\": \"s3:List*\", \"Resource\": \"*\"},\n"
            + "    {\n      \"Effect\": \"Deny\",\n      \"Action\": \"s3:ListBucket\",\n      \"Resource\": \"*\",\n"
            + "      \"Condition\": {\"StringEquals\": {\"aws:RequestedRegion\": \"eu-west-1\"}}\n    }\n  ]\n}";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private JdbcDatabase db;
    private IamStores stores;
    private IamProviders p;
    private SimulatorProvider sim;
    private String account;
    private RequestContext root;

    @BeforeAll
    void open() {
        db = TestDatabases.h2Memory("iam");
        stores = IamStores.open(db, AwsManagedPolicies.load());
        IamCredentialStore credentials = new IamCredentialStore(stores.keys(), stores.users(), clock);
        credentials.start();
        p = IamProviders.create(stores, clock, credentials);
        sim = new SimulatorProvider(stores, clock);
    }

    @AfterAll
    void close() {
        db.close();
    }

    @BeforeEach
    void account() {
        account = String.format("%012d", (long) (Math.random() * 1e11));
        root = new RequestContext("req", clock.instant(), "us-east-1", Caller.root(account, "test"), "127.0.0.1", null,
                "iam", "Test");
    }

    private String userArn(String name) { return "arn:aws:iam::" + account + ":user/" + name; }

    private String createPolicy(String name, String doc) {
        return p.policies().createPolicy(root, CreatePolicyRequest.builder().policyName(name).policyDocument(doc).build())
                .policy().arn();
    }

    private EvaluationResult principal(String sourceArn, String action, String... resources) {
        return sim.simulatePrincipalPolicy(root, SimulatePrincipalPolicyRequest.builder().policySourceArn(sourceArn)
                .actionNames(action).resourceArns(resources).build()).evaluationResults().get(0);
    }

    @Test
    void userPoliciesFromInlineAttachedAndGroupsAndTheBoundaryAllApply() {
        p.users().createUser(root, CreateUserRequest.builder().userName("alice").build());
        p.inline().putUserPolicy(root, PutUserPolicyRequest.builder().userName("alice").policyName("logs")
                .policyDocument("{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": "
                        + "\"logs:Describe*\", \"Resource\": \"*\"}}").build());
        p.attachments().attachUserPolicy(root, AttachUserPolicyRequest.builder().userName("alice")
                .policyArn(createPolicy("s3", S3_ALL)).build());
        p.groups().createGroup(root, CreateGroupRequest.builder().groupName("ops").build());
        p.groups().addUserToGroup(root, AddUserToGroupRequest.builder().groupName("ops").userName("alice").build());
        p.inline().putGroupPolicy(root, PutGroupPolicyRequest.builder().groupName("ops").policyName("sqs")
                .policyDocument("{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": "
                        + "[\"sqs:*\", \"s3:DeleteBucket\"], \"Resource\": \"*\"}}").build());

        EvaluationResult logs = principal(userArn("alice"), "logs:DescribeLogGroups");
        assertThat(logs.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        assertThat(logs.matchedStatements()).singleElement().satisfies(s -> {
            assertThat(s.sourcePolicyId()).isEqualTo("logs");
            assertThat(s.sourcePolicyType()).isEqualTo(PolicySourceType.USER);
        });
        assertThat(logs.organizationsDecisionDetail().allowedByOrganizations()).isTrue();
        assertThat(logs.permissionsBoundaryDecisionDetail()).isNull();
        assertThat(principal(userArn("alice"), "logs:CreateLogGroup").evalDecision())
                .isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
        EvaluationResult sqs = principal(userArn("alice"), "sqs:SendMessage");
        assertThat(sqs.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        assertThat(sqs.matchedStatements()).extracting(Statement::sourcePolicyType).containsExactly(PolicySourceType.GROUP);
        EvaluationResult s3 = principal(userArn("alice"), "s3:GetObject", "arn:aws:s3:::b/k");
        assertThat(s3.matchedStatements()).extracting(Statement::sourcePolicyType)
                .containsExactly(PolicySourceType.USER_MANAGED);
        assertThat(s3.resourceSpecificResults()).singleElement().satisfies(r -> {
            assertThat(r.evalResourceName()).isEqualTo("arn:aws:s3:::b/k");
            assertThat(r.evalResourceDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        });

        // the boundary caps s3 and sqs to reads
        String boundary = createPolicy("boundary", """
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": ["s3:Get*", "logs:*"], "Resource": "*"}}""");
        p.boundaries().putUserPermissionsBoundary(root, PutUserPermissionsBoundaryRequest.builder().userName("alice")
                .permissionsBoundary(boundary).build());
        EvaluationResult capped = principal(userArn("alice"), "sqs:SendMessage");
        assertThat(capped.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
        assertThat(capped.permissionsBoundaryDecisionDetail().allowedByPermissionsBoundary()).isFalse();
        EvaluationResult read = principal(userArn("alice"), "s3:GetObject");
        assertThat(read.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        assertThat(read.permissionsBoundaryDecisionDetail().allowedByPermissionsBoundary()).isTrue();
        assertThat(read.matchedStatements()).extracting(Statement::sourcePolicyId).containsExactly(
                "arn:aws:iam::" + account + ":policy/s3", boundary);

        // a boundary passed in the request replaces the stored one; PolicyInputList adds identity policies
        SimulatePrincipalPolicyResponse replaced = sim.simulatePrincipalPolicy(root, SimulatePrincipalPolicyRequest
                .builder().policySourceArn(userArn("alice")).actionNames("sqs:SendMessage", "ec2:RunInstances")
                .permissionsBoundaryPolicyInputList("{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": "
                        + "\"Allow\", \"Action\": \"*\", \"Resource\": \"*\"}}")
                .policyInputList("{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Deny\", \"Action\": "
                        + "\"ec2:*\", \"Resource\": \"*\"}}").build());
        assertThat(replaced.evaluationResults()).extracting(EvaluationResult::evalDecision).containsExactly(
                PolicyEvaluationDecisionType.ALLOWED, PolicyEvaluationDecisionType.EXPLICIT_DENY);
        assertThat(replaced.evaluationResults().get(1).matchedStatements()).extracting(Statement::sourcePolicyId)
                .contains("PolicyInputList.1");
    }

    @Test
    void groupsAndRolesCanBeSimulatedAndUnknownSourcesAreNoSuchEntity() {
        p.groups().createGroup(root, CreateGroupRequest.builder().groupName("devs").build());
        p.inline().putGroupPolicy(root, PutGroupPolicyRequest.builder().groupName("devs").policyName("p")
                .policyDocument(S3_ALL).build());
        assertThat(principal("arn:aws:iam::" + account + ":group/devs", "s3:PutObject").evalDecision())
                .isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        p.roles().createRole(root, CreateRoleRequest.builder().roleName("app").assumeRolePolicyDocument("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}}""")
                .build());
        p.inline().putRolePolicy(root, PutRolePolicyRequest.builder().roleName("app").policyName("r")
                .policyDocument(S3_ALL).build());
        EvaluationResult role = principal("arn:aws:iam::" + account + ":role/app", "s3:PutObject");
        assertThat(role.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        assertThat(role.matchedStatements()).extracting(Statement::sourcePolicyType).containsExactly(PolicySourceType.ROLE);

        assertThatThrownBy(() -> principal(userArn("nobody"), "s3:GetObject")).isInstanceOf(AwsException.class)
                .extracting("code").isEqualTo("NoSuchEntity");
        assertThatThrownBy(() -> principal("arn:aws:iam::999999999999:group/devs", "s3:GetObject"))
                .extracting("code").isEqualTo("NoSuchEntity");
        assertThatThrownBy(() -> principal("not-an-arn", "s3:GetObject")).extracting("code").isEqualTo("InvalidInput");
    }

    @Test
    void contextKeysOfAPrincipalIncludeGroupAndInputPolicies() {
        p.users().createUser(root, CreateUserRequest.builder().userName("bob").build());
        p.inline().putUserPolicy(root, PutUserPolicyRequest.builder().userName("bob").policyName("p").policyDocument("""
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::${aws:username}/*",
                  "Condition": {"Bool": {"aws:SecureTransport": "true"}}}}""").build());
        List<String> keys = sim.getContextKeysForPrincipalPolicy(root, GetContextKeysForPrincipalPolicyRequest.builder()
                .policySourceArn(userArn("bob")).policyInputList(MULTILINE).build()).contextKeyNames();
        assertThat(keys).containsExactlyInAnyOrder("aws:SecureTransport", "aws:username", "aws:RequestedRegion");
    }

    @Test
    void customPolicyReportsPositionsMissingContextValuesAndContextEntries() {
        SimulateCustomPolicyResponse r = sim.simulateCustomPolicy(root, SimulateCustomPolicyRequest.builder()
                .policyInputList(MULTILINE).actionNames("s3:ListBucket").build());
        EvaluationResult e = r.evaluationResults().get(0);
        assertThat(e.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        assertThat(e.evalResourceName()).isEqualTo("*");
        assertThat(e.resourceSpecificResults()).isEmpty();
        assertThat(e.missingContextValues()).containsExactly("aws:RequestedRegion");
        assertThat(e.matchedStatements()).singleElement().satisfies(s -> {
            assertThat(s.sourcePolicyId()).isEqualTo("PolicyInputList.1");
            assertThat(s.sourcePolicyType()).isEqualTo(PolicySourceType.NONE);
            assertThat(s.startPosition().line()).isEqualTo(4);
            assertThat(s.startPosition().column()).isEqualTo(5);
            assertThat(s.endPosition().line()).isEqualTo(4);
            assertThat(s.endPosition().column()).isEqualTo(63);
        });

        EvaluationResult denied = sim.simulateCustomPolicy(root, SimulateCustomPolicyRequest.builder()
                .policyInputList(MULTILINE).actionNames("s3:ListBucket").contextEntries(ContextEntry.builder()
                        .contextKeyName("aws:RequestedRegion").contextKeyValues("eu-west-1")
                        .contextKeyType(ContextKeyTypeEnum.STRING).build()).build()).evaluationResults().get(0);
        assertThat(denied.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.EXPLICIT_DENY);
        assertThat(denied.missingContextValues()).isEmpty();
        assertThat(denied.matchedStatements()).hasSize(2);
        Statement deny = denied.matchedStatements().get(1);
        assertThat(List.of(deny.startPosition().line(), deny.startPosition().column(), deny.endPosition().line(),
                deny.endPosition().column())).containsExactly(5, 5, 10, 6);

        // a statement for another action contributes no missing keys
        assertThat(sim.simulateCustomPolicy(root, SimulateCustomPolicyRequest.builder().policyInputList(MULTILINE)
                .actionNames("s3:ListAllMyBuckets").build()).evaluationResults().get(0).missingContextValues()).isEmpty();
    }

    @Test
    void resourcePolicyAndResourceOwnerDecideCrossAccountAccess() {
        String bucketPolicy = """
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::%s:user/carol"},
                  "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*"}}""".formatted(account);
        SimulateCustomPolicyRequest.Builder base = SimulateCustomPolicyRequest.builder()
                .policyInputList("{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Deny\", \"Action\": "
                        + "\"ec2:*\", \"Resource\": \"*\"}}")
                .actionNames("s3:GetObject").resourceArns("arn:aws:s3:::b/k").resourcePolicy(bucketPolicy)
                .callerArn(userArn("carol"));
        EvaluationResult same = sim.simulateCustomPolicy(root, base.build()).evaluationResults().get(0);
        assertThat(same.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        assertThat(same.matchedStatements()).extracting(Statement::sourcePolicyType)
                .containsExactly(PolicySourceType.RESOURCE);
        // the bucket belongs to another account: carol's own account must allow too
        EvaluationResult cross = sim.simulateCustomPolicy(root, base.resourceOwner("arn:aws:iam::444455556666:root")
                .build()).evaluationResults().get(0);
        assertThat(cross.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
    }

    @Test
    void resultsArePagedAcrossActionsAndResources() {
        SimulateCustomPolicyRequest.Builder b = SimulateCustomPolicyRequest.builder().policyInputList(S3_ALL)
                .actionNames("s3:GetObject", "s3:PutObject", "sqs:SendMessage")
                .resourceArns("arn:aws:s3:::a/1", "arn:aws:s3:::a/2").maxItems(4);
        SimulateCustomPolicyResponse first = sim.simulateCustomPolicy(root, b.build());
        assertThat(first.evaluationResults()).hasSize(4);
        assertThat(first.isTruncated()).isTrue();
        SimulateCustomPolicyResponse second = sim.simulateCustomPolicy(root, b.marker(first.marker()).build());
        assertThat(second.isTruncated()).isFalse();
        assertThat(second.marker()).isNull();
        assertThat(second.evaluationResults()).extracting(EvaluationResult::evalActionName, EvaluationResult::evalDecision)
                .containsOnly(org.assertj.core.groups.Tuple.tuple("sqs:SendMessage", PolicyEvaluationDecisionType.IMPLICIT_DENY));
        assertThat(second.evaluationResults()).extracting(EvaluationResult::evalResourceName)
                .containsExactly("arn:aws:s3:::a/1", "arn:aws:s3:::a/2");
        assertThatThrownBy(() -> sim.simulateCustomPolicy(root, b.marker("zz").build())).extracting("code")
                .isEqualTo("InvalidInput");
    }

    @Test
    void invalidInputsAreRejected() {
        assertThatThrownBy(() -> sim.simulateCustomPolicy(root, SimulateCustomPolicyRequest.builder()
                .actionNames("s3:GetObject").build())).extracting("code").isEqualTo("InvalidInput");
        assertThatThrownBy(() -> sim.simulateCustomPolicy(root, SimulateCustomPolicyRequest.builder()
                .policyInputList("{not json").actionNames("s3:GetObject").build())).extracting("code")
                .isEqualTo("InvalidInput");
        assertThatThrownBy(() -> sim.simulateCustomPolicy(root, SimulateCustomPolicyRequest.builder()
                .policyInputList(S3_ALL).build())).extracting("code").isEqualTo("InvalidInput");
        assertThatThrownBy(() -> sim.simulateCustomPolicy(root, SimulateCustomPolicyRequest.builder()
                .policyInputList(S3_ALL).actionNames("s3:GetObject").callerArn("arn:aws:iam::123456789012:role/r")
                .build())).extracting("code").isEqualTo("InvalidInput");
        assertThatThrownBy(() -> sim.simulateCustomPolicy(root, SimulateCustomPolicyRequest.builder()
                .policyInputList(S3_ALL).actionNames("s3:GetObject").contextEntries(ContextEntry.builder()
                        .contextKeyName("aws:MultiFactorAuthAge").contextKeyValues("soon")
                        .contextKeyType(ContextKeyTypeEnum.NUMERIC).build()).build())).extracting("code")
                .isEqualTo("InvalidInput");
        assertThatThrownBy(() -> sim.getContextKeysForCustomPolicy(root, GetContextKeysForCustomPolicyRequest.builder()
                .build())).extracting("code").isEqualTo("InvalidInput");
        assertThat(sim.getContextKeysForCustomPolicy(root, GetContextKeysForCustomPolicyRequest.builder()
                .policyInputList(MULTILINE, S3_ALL).build()).contextKeyNames()).containsExactly("aws:RequestedRegion");
    }
}
