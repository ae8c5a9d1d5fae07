package dev.vigil.iam.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.Caller;
import dev.vigil.core.PrincipalType;
import dev.vigil.core.RequestContext;
import dev.vigil.iam.policy.AuthorizationRequest;
import dev.vigil.iam.policy.ConditionContext;
import dev.vigil.iam.policy.Decision;
import dev.vigil.iam.policy.PolicyEngine;
import dev.vigil.iam.policy.PolicyKind;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.iam.model.ContextEntry;
import software.amazon.awssdk.services.iam.model.ContextKeyTypeEnum;
import software.amazon.awssdk.services.iam.model.EvaluationResult;
import software.amazon.awssdk.services.iam.model.SimulateCustomPolicyRequest;

/**
 * "SimulateCustomPolicy and SimulatePrincipalPolicy agree with the engine on the table cases that they can
 * express": replays every row of the engine table (dev.vigil.iam.policy.*Cases) that SimulateCustomPolicy can
 * express -- an IAM user caller, identity policies, a permissions boundary, a resource-based policy (with
 * ResourceOwner for cross-account rows), context keys -- and asserts the simulator's EvalDecision is the
 * engine's decision and the row's expected outcome. Rows with SCPs, session policies, trust policies or
 * non-user principals are outside what the simulator can express, as are resource policies naming the caller
 * by unique id or S3 canonical id (a CallerArn carries neither).
 */
class SimulatorReplaysEngineTableTest {
    private static final List<String> TABLES = List.of("EvaluationLogicCases", "ResourcePolicyCases",
            "CrossAccountCases", "BoundaryAndSessionCases", "OrganizationsCases", "MatchingCases", "VariableCases",
            "ConditionOperatorCases", "SetOperatorCases");
    /** A statement that never applies: SimulateCustomPolicy needs at least one identity policy. */
    private static final String INERT = """
            {"Version": "2012-10-17", "Statement": {"Effect": "Deny", "Action": "vigilnone:None", "Resource": "*"}}""";
    private static final PolicyEngine ENGINE = new PolicyEngine();
    private static final SimulatorProvider SIMULATOR = new SimulatorProvider(null, null);

    /** One engine table row, read through reflection (the table lives package-private in dev.vigil.iam.policy). */
    record Row(String name, AuthorizationRequest request, String outcome) {
        @Override
        public String toString() { return name; }
    }

    static Stream<Row> rows() throws Exception {
        List<Row> out = new ArrayList<>();
        for (String table : TABLES) {
            Method cases = Class.forName("dev.vigil.iam.policy." + table).getDeclaredMethod("cases");
            cases.setAccessible(true);
            for (Object c : ((Stream<?>) cases.invoke(null)).toList()) {
                out.add(new Row(c.toString(), (AuthorizationRequest) call(c, "request"), call(c, "outcome").toString()));
            }
        }
        return out.stream();
    }

    static Stream<Row> expressible() throws Exception {
        return rows().filter(SimulatorReplaysEngineTableTest::expressible);
    }

    private static Object call(Object target, String accessor) throws Exception {
        Method m = target.getClass().getDeclaredMethod(accessor);
        m.setAccessible(true);
        return m.invoke(target);
    }

    static boolean expressible(Row row) {
        AuthorizationRequest r = row.request();
        return r.principal().type() == PrincipalType.IAM_USER && r.principal().arn().contains(":user/")
                && r.scpLevels().isEmpty() && r.sessionPolicies().isEmpty()
                && (r.resourcePolicy() == null || r.resourcePolicy().policy().kind() == PolicyKind.RESOURCE
                    // CallerArn is all a custom simulation knows of the caller: no unique id, no S3 canonical id
                    && !r.resourcePolicy().policy().document().contains(r.principal().userId())
                    && r.principal().canonicalUserId() == null);
    }

    static SimulateCustomPolicyRequest toSimulation(AuthorizationRequest r) {
        List<String> identity = r.identityPolicies().stream().map(p -> p.policy().document()).toList();
        SimulateCustomPolicyRequest.Builder b = SimulateCustomPolicyRequest.builder()
                .policyInputList(identity.isEmpty() ? List.of(INERT) : identity)
                .actionNames(r.action()).resourceArns(r.resource()).callerArn(r.principal().arn())
                .contextEntries(entries(r.context()));
        if (r.permissionsBoundary() != null) b.permissionsBoundaryPolicyInputList(r.permissionsBoundary().policy().document());
        if (r.resourcePolicy() != null) b.resourcePolicy(r.resourcePolicy().policy().document());
        if (r.resourceAccount() != null) b.resourceOwner("arn:aws:iam::" + r.resourceAccount() + ":root");
        return b.build();
    }

    private static List<ContextEntry> entries(ConditionContext ctx) {
        List<ContextEntry> out = new ArrayList<>();
        for (String key : ctx.keys()) {
            String[] values = ctx.get(key);
            out.add(ContextEntry.builder().contextKeyName(key).contextKeyValues(Arrays.asList(values))
                    .contextKeyType(values.length == 1 ? ContextKeyTypeEnum.STRING : ContextKeyTypeEnum.STRING_LIST)
                    .build());
        }
        return out;
    }

    private static RequestContext ctx(String account) {
        return new RequestContext("req", Instant.EPOCH, "us-east-1", Caller.root(account, "test"), "127.0.0.1", null,
                "iam", "Test");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expressible")
    void simulateCustomPolicyAgreesWithTheEngine(Row row) {
        AuthorizationRequest r = row.request();
        Decision engine = ENGINE.evaluate(r);
        EvaluationResult result = SIMULATOR.simulateCustomPolicy(ctx(r.principal().accountId()), toSimulation(r))
                .evaluationResults().get(0);
        assertThat(result.evalDecision()).as(row.name()).isEqualTo(SimulatorProvider.decisionType(engine));
        assertThat(engine.outcome().name()).as(row.name()).isEqualTo(row.outcome());
        assertThat(result.evalActionName()).isEqualTo(r.action());
        assertThat(result.evalResourceName()).isEqualTo(r.resource());
        assertThat(result.matchedStatements()).as(row.name()).hasSize(engine.matchedStatements().size());
        assertThat(result.resourceSpecificResults()).singleElement()
                .satisfies(rs -> assertThat(rs.evalResourceDecision()).isEqualTo(result.evalDecision()));
        if (r.permissionsBoundary() != null) {
            assertThat(result.permissionsBoundaryDecisionDetail()).isNotNull();
        }
    }

    @Test
    void aRepresentativeShareOfTheTableIsReplayed() throws Exception {
        List<Row> replayed = expressible().toList();
        assertThat(replayed).hasSizeGreaterThanOrEqualTo(30);
        // every family the simulator can express is covered
        assertThat(replayed).anyMatch(r -> r.request().permissionsBoundary() != null);
        assertThat(replayed).anyMatch(r -> r.request().resourcePolicy() != null);
        assertThat(replayed).anyMatch(r -> r.request().crossAccount());
        assertThat(replayed).anyMatch(r -> r.name().startsWith("condition") || r.name().startsWith("variable"));
        assertThat(replayed.stream().map(Row::outcome).distinct()).contains("ALLOWED", "EXPLICIT_DENY", "IMPLICIT_DENY");
    }

}
