package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testkit.AwsCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PolicyEvaluationDecisionType;
import software.amazon.awssdk.services.iam.model.PolicySourceType;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyResponse;
import software.amazon.awssdk.services.iam.model.SimulatePrincipalPolicyResponse;
import software.amazon.awssdk.services.iam.model.Statement;

/** The IAM policy simulator through SDK v2 and the Debian AWS CLI. */
class IamSimulatorIT extends IamServerFixture {
    static final ObjectMapper JSON = new ObjectMapper();

    static String allow(String action) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"" + action
                + "\", \"Resource\": \"*\"}]}";
    }

    @Test
    void principalSimulationOverAttachedInlineGroupPoliciesAndABoundary() {
        String user = unique("sim-user");
        String group = unique("sim-group");
        String userArn = root.createUser(r -> r.userName(user)).user().arn();
        root.putUserPolicy(r -> r.userName(user).policyName("logs").policyDocument(allow("logs:Describe*")));
        String s3 = root.createPolicy(r -> r.policyName(unique("s3")).policyDocument(allow("s3:*"))).policy().arn();
        root.attachUserPolicy(r -> r.userName(user).policyArn(s3));
        root.createGroup(r -> r.groupName(group));
        root.addUserToGroup(r -> r.groupName(group).userName(user));
        root.putGroupPolicy(r -> r.groupName(group).policyName("deny-delete").policyDocument(
                "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Deny\", \"Action\": \"s3:Delete*\","
                        + " \"Resource\": \"*\"}]}"));

        SimulatePrincipalPolicyResponse r = root.simulatePrincipalPolicy(b -> b.policySourceArn(userArn)
                .actionNames("logs:DescribeLogGroups", "logs:CreateLogGroup", "s3:GetObject", "s3:DeleteObject"));
        assertThat(r.evaluationResults()).extracting(EvaluationResult::evalDecision).containsExactly(
                PolicyEvaluationDecisionType.ALLOWED, PolicyEvaluationDecisionType.IMPLICIT_DENY,
                PolicyEvaluationDecisionType.ALLOWED, PolicyEvaluationDecisionType.EXPLICIT_DENY);
        assertThat(r.isTruncated()).isFalse();
        Statement logs = r.evaluationResults().get(0).matchedStatements().get(0);
        assertThat(logs.sourcePolicyId()).isEqualTo("logs");
        assertThat(logs.sourcePolicyType()).isEqualTo(PolicySourceType.USER);
        assertThat(logs.startPosition().line()).isEqualTo(1);
        assertThat(logs.startPosition().column()).isEqualTo(41);
        assertThat(r.evaluationResults().get(3).matchedStatements()).extracting(Statement::sourcePolicyType)
                .containsExactly(PolicySourceType.USER_MANAGED, PolicySourceType.GROUP);
        assertThat(r.evaluationResults().get(0).organizationsDecisionDetail().allowedByOrganizations()).isTrue();

        // AdministratorAccess capped by a boundary that allows only logs reads
        root.attachUserPolicy(b -> b.userName(user).policyArn("arn:aws:iam::aws:policy/AdministratorAccess"));
        String boundary = root.createPolicy(b -> b.policyName(unique("boundary")).policyDocument(allow("logs:Describe*")))
                .policy().arn();
        root.putUserPermissionsBoundary(b -> b.userName(user).permissionsBoundary(boundary));
        SimulatePrincipalPolicyResponse capped = root.simulatePrincipalPolicy(b -> b.policySourceArn(userArn)
                .actionNames("logs:DescribeLogGroups", "iam:CreateUser")
                .resourceArns("arn:aws:iam::" + ACCOUNT + ":user/x"));
        EvaluationResult describe = capped.evaluationResults().get(0);
        assertThat(describe.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        assertThat(describe.permissionsBoundaryDecisionDetail().allowedByPermissionsBoundary()).isTrue();
        EvaluationResult create = capped.evaluationResults().get(1);
        assertThat(create.evalDecision()).isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
        assertThat(create.permissionsBoundaryDecisionDetail().allowedByPermissionsBoundary()).isFalse();
        assertThat(create.resourceSpecificResults()).singleElement().satisfies(rs -> {
            assertThat(rs.evalResourceName()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/x");
            assertThat(rs.evalResourceDecision()).isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
        });
        assertThat(create.matchedStatements()).extracting(Statement::sourcePolicyType)
                .contains(PolicySourceType.AWS_MANAGED);

        // group as the policy source; paging
        SimulatePrincipalPolicyResponse page1 = root.simulatePrincipalPolicy(b -> b
                .policySourceArn("arn:aws:iam::" + ACCOUNT + ":group/" + group)
                .actionNames("s3:DeleteObject", "s3:DeleteBucket", "s3:GetObject").maxItems(2));
        assertThat(page1.isTruncated()).isTrue();
        assertThat(page1.evaluationResults()).extracting(EvaluationResult::evalDecision)
                .containsOnly(PolicyEvaluationDecisionType.EXPLICIT_DENY);
        SimulatePrincipalPolicyResponse page2 = root.simulatePrincipalPolicy(b -> b
                .policySourceArn("arn:aws:iam::" + ACCOUNT + ":group/" + group)
                .actionNames("s3:DeleteObject", "s3:DeleteBucket", "s3:GetObject").maxItems(2).marker(page1.marker()));
        assertThat(page2.isTruncated()).isFalse();
        assertThat(page2.evaluationResults()).extracting(EvaluationResult::evalDecision)
                .containsExactly(PolicyEvaluationDecisionType.IMPLICIT_DENY);

        assertThat(root.getContextKeysForPrincipalPolicy(b -> b.policySourceArn(userArn).policyInputList(
                "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"s3:*\","
                        + " \"Resource\": \"*\", \"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"10.0.0.0/8\"}}}]}"))
                .contextKeyNames()).containsExactly("aws:SourceIp");

        NoSuchEntityException missing = catchThrowableOfType(() -> root.simulatePrincipalPolicy(b -> b
                .policySourceArn("arn:aws:iam::" + ACCOUNT + ":user/" + unique("nobody")).actionNames("s3:GetObject")),
                NoSuchEntityException.class);
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void customSimulationWithContextEntriesAndAResourcePolicy() {
        String mfa = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"ec2:*\","
                + " \"Resource\": \"*\", \"Condition\": {\"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"}}}]}";
        SimulateCustomPolicyResponse without = root.simulateCustomPolicy(b -> b.policyInputList(mfa)
                .actionNames("ec2:RunInstances"));
        assertThat(without.evaluationResults().get(0).evalDecision()).isEqualTo(PolicyEvaluationDecisionType.IMPLICIT_DENY);
        assertThat(without.evaluationResults().get(0).missingContextValues()).containsExactly("aws:MultiFactorAuthPresent");
        SimulateCustomPolicyResponse with = root.simulateCustomPolicy(b -> b.policyInputList(mfa)
                .actionNames("ec2:RunInstances").contextEntries(ContextEntry.builder()
                        .contextKeyName("aws:MultiFactorAuthPresent").contextKeyValues("true")
                        .contextKeyType(ContextKeyTypeEnum.BOOLEAN).build()));
        assertThat(with.evaluationResults().get(0).evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        assertThat(with.evaluationResults().get(0).missingContextValues()).isEmpty();

        String bucket = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\":"
                + " {\"AWS\": \"arn:aws:iam::" + ACCOUNT + ":user/reader\"}, \"Action\": \"s3:GetObject\","
                + " \"Resource\": \"arn:aws:s3:::shared/*\"}]}";
        SimulateCustomPolicyResponse rbp = root.simulateCustomPolicy(b -> b.policyInputList(allow("sqs:*"))
                .actionNames("s3:GetObject").resourceArns("arn:aws:s3:::shared/a").resourcePolicy(bucket)
                .callerArn("arn:aws:iam::" + ACCOUNT + ":user/reader"));
        assertThat(rbp.evaluationResults().get(0).evalDecision()).isEqualTo(PolicyEvaluationDecisionType.ALLOWED);
        assertThat(rbp.evaluationResults().get(0).matchedStatements()).extracting(Statement::sourcePolicyType)
                .containsExactly(PolicySourceType.RESOURCE);

        assertThat(root.getContextKeysForCustomPolicy(b -> b.policyInputList(mfa)).contextKeyNames())
                .containsExactly("aws:MultiFactorAuthPresent");
        InvalidInputException bad = catchThrowableOfType(() -> root.simulateCustomPolicy(b -> b
                .policyInputList("{\"Version\": \"2012-10-17\"").actionNames("s3:GetObject")),
                InvalidInputException.class);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(List.of(bad.awsErrorDetails().errorCode())).containsExactly("InvalidInput");
    }

    @Test
    void awsCliSimulateCustomPolicy(@TempDir Path dir) throws Exception {
        AwsCli cli = Clis.debian();
        // The document goes inline: with file:// the CLI v2.9 sends a list parameter's file one character per member.
        Path policy = dir.resolve("policy.json");
        Files.writeString(policy, "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n"
                + "    {\"Effect\": \"Allow\", \"Action\": \"logs:Describe*\", \"Resource\": \"*\"},\n"
                + "    {\"Effect\": \"Deny\", \"Action\": \"logs:DescribeLogStreams\", \"Resource\": \"*\"}\n  ]\n}\n");
        AwsCli.Result r = cli.run(vigil.endpoint(), "iam", "simulate-custom-policy", "--policy-input-list",
                Files.readString(policy), "--action-names", "logs:DescribeLogGroups", "logs:DescribeLogStreams",
                "logs:CreateLogGroup");
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        JsonNode results = JSON.readTree(r.stdout()).path("EvaluationResults");
        assertThat(results.findValuesAsText("EvalDecision")).containsExactly("allowed", "explicitDeny", "implicitDeny");
        JsonNode deny = results.get(1).path("MatchedStatements");
        assertThat(deny.size()).isEqualTo(2);
        assertThat(deny.get(1).path("SourcePolicyId").asText()).isEqualTo("PolicyInputList.1");
        assertThat(deny.get(1).path("StartPosition").path("Line").asInt()).isEqualTo(5);
        assertThat(deny.get(1).path("StartPosition").path("Column").asInt()).isEqualTo(5);
    }
}
