package dev.vigil.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs every row of the engine table; each row names the AWS documentation it comes from. */
class PolicyEngineTableTest {
    private static final PolicyEngine ENGINE = new PolicyEngine();

    static Stream<EngineCase> all() {
        return Stream.of(
                        EvaluationLogicCases.cases(),
                        ResourcePolicyCases.cases(),
                        CrossAccountCases.cases(),
                        BoundaryAndSessionCases.cases(),
                        OrganizationsCases.cases(),
                        MatchingCases.cases(),
                        VariableCases.cases(),
                        ConditionOperatorCases.cases(),
                        SetOperatorCases.cases())
                .flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void decides_as_aws_documents(EngineCase c) {
        Decision d = ENGINE.evaluate(c.request());
        assertThat(d.outcome()).as("outcome [%s]", c.source()).isEqualTo(c.outcome());
        assertThat(d.deniedBy()).as("denied by [%s]", c.source()).isEqualTo(c.deniedBy());
        if (c.message() != null) {
            assertThat(AccessDeniedMessage.of(c.request(), d)).isEqualTo(c.message());
        }
        if (c.matchedSids() != null) {
            assertThat(d.matchedStatements()).extracting(MatchedStatement::sid).containsExactlyElementsOf(c.matchedSids());
        }
    }

    @Test
    void the_table_has_at_least_150_cases_each_with_a_source() {
        List<EngineCase> cases = all().toList();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
        assertThat(cases).allSatisfy(c -> assertThat(c.source()).isNotBlank());
        assertThat(cases).extracting(EngineCase::toString).doesNotHaveDuplicates();
    }
}
