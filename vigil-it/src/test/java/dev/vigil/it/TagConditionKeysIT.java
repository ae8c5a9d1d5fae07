package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.testkit.VigilTestServer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * Service condition keys under strict auth: cloudwatch:namespace on PutMetricData (the CloudWatch user guide's
 * "limit access to CloudWatch namespaces" policy), aws:RequestTag/aws:TagKeys on PutMetricAlarm and Logs'
 * CreateLogGroup, aws:ResourceTag on a log group.
 */
class TagConditionKeysIT {
    static final String ACCOUNT = "000000000000";
    static final String ROOT_KEY = "AKIACONDKEYSROOT0001";
    static final String ROOT_SECRET = "root-secret";
    static VigilTestServer vigil;
    static IamClient root;

    @BeforeAll
    static void start() {
        vigil = VigilTestServer.start(c -> c.withStrictAuth(ROOT_KEY, ROOT_SECRET));
        root = vigil.client(IamClient.builder(), ROOT_KEY, ROOT_SECRET);
    }

    @AfterAll
    static void stop() {
        root.close();
        vigil.close();
    }

    static AccessKey user(String policy) {
        String name = "u-" + UUID.randomUUID().toString().substring(0, 8);
        root.createUser(r -> r.userName(name));
        root.putUserPolicy(r -> r.userName(name).policyName("p").policyDocument(policy));
        return root.createAccessKey(r -> r.userName(name)).accessKey();
    }

    static String statement(String action, String condition) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"" + action
                + "\",\"Resource\":\"*\",\"Condition\":" + condition + "}]}";
    }

    @Test
    void putMetricDataLimitedToOneNamespace() {
        AccessKey key = user(statement("cloudwatch:PutMetricData", "{\"StringEquals\":{\"cloudwatch:namespace\":\"App\"}}"));
        try (CloudWatchClient cw = vigil.client(CloudWatchClient.builder(), key.accessKeyId(), key.secretAccessKey())) {
            cw.putMetricData(r -> r.namespace("App").metricData(d -> d.metricName("Requests").value(1.0)));
            AwsServiceException e = catchThrowableOfType(AwsServiceException.class, () -> cw.putMetricData(r -> r
                    .namespace("Other").metricData(d -> d.metricName("Requests").value(1.0))));
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.awsErrorDetails().errorMessage()).contains("cloudwatch:PutMetricData");
        }
    }

    @Test
    void putMetricAlarmNeedsTheRequiredTag() {
        AccessKey key = user(statement("cloudwatch:PutMetricAlarm",
                "{\"StringEquals\":{\"aws:RequestTag/team\":\"obs\"},\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"team\"]}}"));
        try (CloudWatchClient cw = vigil.client(CloudWatchClient.builder(), key.accessKeyId(), key.secretAccessKey())) {
            cw.putMetricAlarm(r -> alarm(r, "tagged").tags(t -> t.key("team").value("obs")));
            AwsServiceException untagged = catchThrowableOfType(AwsServiceException.class,
                    () -> cw.putMetricAlarm(r -> alarm(r, "untagged")));
            assertThat(untagged.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            AwsServiceException extra = catchThrowableOfType(AwsServiceException.class, () -> cw.putMetricAlarm(r ->
                    alarm(r, "extra").tags(t -> t.key("team").value("obs"), t -> t.key("cost").value("1"))));
            assertThat(extra.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        }
    }

    static software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest.Builder alarm(
            software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest.Builder r, String name) {
        return r.alarmName(name + "-" + UUID.randomUUID()).namespace("App").metricName("Errors").statistic("Sum")
                .period(60).evaluationPeriods(1).threshold(1.0).comparisonOperator("GreaterThanThreshold");
    }

    @Test
    void logGroupsByRequestAndResourceTags() {
        AccessKey key = user("{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":\"logs:CreateLogGroup\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:RequestTag/team\":\"obs\"}}},"
                + "{\"Effect\":\"Allow\",\"Action\":\"logs:PutRetentionPolicy\",\"Resource\":\"*\","
                + "\"Condition\":{\"StringEquals\":{\"aws:ResourceTag/team\":\"obs\"}}}]}");
        String mine = "/obs/" + UUID.randomUUID();
        String theirs = "/other/" + UUID.randomUUID();
        try (CloudWatchLogsClient admin = vigil.client(CloudWatchLogsClient.builder(), ROOT_KEY, ROOT_SECRET)) {
            admin.createLogGroup(r -> r.logGroupName(theirs).tags(Map.of("team", "payments")));
        }
        try (CloudWatchLogsClient logs = vigil.client(CloudWatchLogsClient.builder(), key.accessKeyId(),
                key.secretAccessKey())) {
            logs.createLogGroup(r -> r.logGroupName(mine).tags(Map.of("team", "obs")));
            AwsServiceException untagged = catchThrowableOfType(AwsServiceException.class,
                    () -> logs.createLogGroup(r -> r.logGroupName("/x/" + UUID.randomUUID())));
            assertThat(untagged.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");

            logs.putRetentionPolicy(r -> r.logGroupName(mine).retentionInDays(7));
            AwsServiceException other = catchThrowableOfType(AwsServiceException.class,
                    () -> logs.putRetentionPolicy(r -> r.logGroupName(theirs).retentionInDays(7)));
            assertThat(other.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(other.awsErrorDetails().errorMessage()).contains("logs:PutRetentionPolicy");
        }
    }
}
