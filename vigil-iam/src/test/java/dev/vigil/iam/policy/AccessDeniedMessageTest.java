package dev.vigil.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.iam.policy.Decision.Outcome;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The message variants of "Troubleshoot access denied error messages". */
class AccessDeniedMessageTest {
    private static final String USER = "arn:aws:iam::123456789012:user/JohnDoe";
    private static final String RES = "arn:aws:codedeploy:us-east-1:123456789012:deploymentgroup:*";
    private static final String PREFIX = "User: " + USER + " is not authorized to perform: codedeploy:ListDeployments on resource: " + RES;

    static Stream<Arguments> variants() {
        return Stream.of(
                Arguments.of(Outcome.IMPLICIT_DENY, PolicyType.IDENTITY, PREFIX + " because no identity-based policy allows the codedeploy:ListDeployments action"),
                Arguments.of(Outcome.EXPLICIT_DENY, PolicyType.IDENTITY, PREFIX + " with an explicit deny in an identity-based policy"),
                Arguments.of(Outcome.IMPLICIT_DENY, PolicyType.RESOURCE, PREFIX + " because no resource-based policy allows the codedeploy:ListDeployments action"),
                Arguments.of(Outcome.EXPLICIT_DENY, PolicyType.RESOURCE, PREFIX + " with an explicit deny in a resource-based policy"),
                Arguments.of(Outcome.IMPLICIT_DENY, PolicyType.BOUNDARY, PREFIX + " because no permissions boundary allows the codedeploy:ListDeployments action"),
                Arguments.of(Outcome.EXPLICIT_DENY, PolicyType.BOUNDARY, PREFIX + " with an explicit deny in a permissions boundary"),
                Arguments.of(Outcome.IMPLICIT_DENY, PolicyType.SESSION, PREFIX + " because no session policy allows the codedeploy:ListDeployments action"),
                Arguments.of(Outcome.EXPLICIT_DENY, PolicyType.SESSION, PREFIX + " with an explicit deny in a session policy"),
                Arguments.of(Outcome.EXPLICIT_DENY, PolicyType.SCP, PREFIX + " with an explicit deny in a service control policy"),
                // "When an SCP denies access, the error message always includes ... explicit deny ..., even if the denial is implicit."
                Arguments.of(Outcome.IMPLICIT_DENY, PolicyType.SCP, PREFIX + " with an explicit deny in a service control policy"),
                Arguments.of(Outcome.EXPLICIT_DENY, PolicyType.ROLE_TRUST, PREFIX + " with an explicit deny in the role trust policy"),
                Arguments.of(Outcome.IMPLICIT_DENY, PolicyType.ROLE_TRUST, PREFIX));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("variants")
    void words_denials_as_aws(Outcome outcome, PolicyType type, String expected) {
        assertThat(AccessDeniedMessage.of(USER, "codedeploy:ListDeployments", RES, new Decision(outcome, type, List.of())))
                .isEqualTo(expected);
    }

    @Test
    void leaves_out_the_resource_for_actions_without_one() {
        Decision d = new Decision(Outcome.IMPLICIT_DENY, PolicyType.IDENTITY, List.of());
        assertThat(AccessDeniedMessage.of(USER, "codecommit:ListRepositories", "*", d))
                .isEqualTo("User: " + USER + " is not authorized to perform: codecommit:ListRepositories because no"
                        + " identity-based policy allows the codecommit:ListRepositories action");
    }

    @Test
    void refuses_an_allowed_decision() {
        assertThatThrownBy(() -> AccessDeniedMessage.of(USER, "s3:GetObject", "*", new Decision(Outcome.ALLOWED, null, List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
