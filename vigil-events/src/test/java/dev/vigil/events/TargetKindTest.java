package dev.vigil.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Target ARN forms from AWS's EventBridge target documentation, asked twice (the second answer is remembered). */
class TargetKindTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "arn:aws:sqs:us-east-1:123456789012:queue1|QUEUE_OR_TOPIC",
        "arn:aws:sns:us-east-1:123456789012:topic1|QUEUE_OR_TOPIC",
        "arn:aws:events:us-east-1:123456789012:event-bus/default|BUS",
        "arn:aws:events:us-east-1:123456789012:api-destination/d/0b8a2f6c|API_DESTINATION",
        "arn:aws:logs:us-east-1:123456789012:log-group:/aws/events/x|LOG_GROUP",
        "arn:aws:lambda:us-east-1:123456789012:function:f|UNDELIVERABLE",
        "arn:aws:events:us-east-1:123456789012:rule/r|UNDELIVERABLE",
        "arn:aws:logs:us-east-1:123456789012:destination:d|UNDELIVERABLE",
        "not-an-arn|UNDELIVERABLE",
    })
    void classifies(String arn, TargetKind kind) {
        assertThat(TargetKind.of(arn)).isEqualTo(kind);
        assertThat(TargetKind.of(arn)).isEqualTo(kind);
        assertThat(Dispatcher.deliverable(arn)).isEqualTo(kind != TargetKind.UNDELIVERABLE);
        assertThat(Dispatcher.isBus(arn)).isEqualTo(kind == TargetKind.BUS);
        assertThat(ApiDestinations.isArn(arn)).isEqualTo(kind == TargetKind.API_DESTINATION);
        assertThat(LogTargets.isLogGroup(arn)).isEqualTo(kind == TargetKind.LOG_GROUP);
    }
}
