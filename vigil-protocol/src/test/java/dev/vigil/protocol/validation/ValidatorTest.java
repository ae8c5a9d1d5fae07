package dev.vigil.protocol.validation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.AwsException;
import dev.vigil.core.service.Constraint;
import dev.vigil.core.service.Protocol;
import dev.vigil.core.service.ServiceDescriptor;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;

/** Messages as AWS's validation framework words them (as seen from CloudWatch Logs). */
class ValidatorTest {
    static final ServiceDescriptor LOGS = ServiceDescriptor.builder("logs")
            .protocols(Protocol.AWS_JSON_1_1)
            .constrain("logGroupName", Constraint.required(), Constraint.length(1, 512),
                    Constraint.pattern("[\\.\\-_/#A-Za-z0-9]+"))
            .constrain("logStreamName", Constraint.length(1, 512), Constraint.pattern("[^:*]*"))
            .constrain("limit", Constraint.range(1, 10000))
            .constrain(InputLogEvent.class, "message", Constraint.length(1, null))
            .constrain("logGroupClass", Constraint.oneOf("STANDARD", "INFREQUENT_ACCESS", "DELIVERY"))
            .build();

    private static void fails(Object request, String message) {
        assertThatThrownBy(() -> Validator.validate(LOGS, (software.amazon.awssdk.core.SdkPojo) request))
                .isInstanceOf(AwsException.class)
                .hasMessage(message)
                .satisfies(e -> {
                    AwsException a = (AwsException) e;
                    org.assertj.core.api.Assertions.assertThat(a.code()).isEqualTo("ValidationException");
                    org.assertj.core.api.Assertions.assertThat(a.status()).isEqualTo(400);
                });
    }

    @Test
    void patternViolation() {
        fails(CreateLogGroupRequest.builder().logGroupName("bad name!").build(),
                "1 validation error detected: Value 'bad name!' at 'logGroupName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+");
    }

    @Test
    void missingRequiredMember() {
        fails(CreateLogGroupRequest.builder().build(),
                "1 validation error detected: Value null at 'logGroupName' failed to satisfy constraint: "
                        + "Member must not be null");
    }

    @Test
    void lengthAndRangeTogether() {
        fails(GetLogEventsRequest.builder().logGroupName("g").logStreamName("").limit(0).build(),
                "2 validation errors detected: Value '' at 'logStreamName' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1; Value '0' at 'limit' failed to "
                        + "satisfy constraint: Member must have value greater than or equal to 1");
    }

    @Test
    void tooLong() {
        fails(CreateLogGroupRequest.builder().logGroupName("a".repeat(513)).build(),
                "1 validation error detected: Value '" + "a".repeat(513) + "' at 'logGroupName' failed to satisfy "
                        + "constraint: Member must have length less than or equal to 512");
    }

    @Test
    void enumValue() {
        fails(CreateLogGroupRequest.builder().logGroupName("g").logGroupClass("COLD").build(),
                "1 validation error detected: Value 'COLD' at 'logGroupClass' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [STANDARD, INFREQUENT_ACCESS, DELIVERY]");
    }

    @Test
    void nestedListMembersArePathedLikeAws() {
        fails(PutLogEventsRequest.builder().logGroupName("g").logStreamName("s")
                        .logEvents(InputLogEvent.builder().timestamp(1L).message("ok").build(),
                                InputLogEvent.builder().timestamp(2L).message("").build()).build(),
                "1 validation error detected: Value '' at 'logEvents.2.member.message' failed to satisfy "
                        + "constraint: Member must have length greater than or equal to 1");
    }

    @Test
    void validRequestPasses() {
        assertThatCode(() -> Validator.validate(LOGS,
                GetLogEventsRequest.builder().logGroupName("/aws/lambda/f").logStreamName("2026/11/30").limit(100).build()))
                .doesNotThrowAnyException();
    }
}
