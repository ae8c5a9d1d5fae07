package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

/**
 * The resource ARNs Logs operations declare, as the policy engine sees them: an IAM user allowed to write to one
 * log group's streams and read one group is refused everywhere else with AWS's message.
 */
class LogsAuthorizationIT extends IamServerFixture {

    @Test
    void policiesScopedToLogGroupsAndStreams() {
        String app = unique("/app/");
        String other = unique("/other/");
        try (CloudWatchLogsClient admin = vigil.client(CloudWatchLogsClient.builder())) {
            for (String g : new String[] {app, other}) {
                admin.createLogGroup(r -> r.logGroupName(g));
                admin.createLogStream(r -> r.logGroupName(g).logStreamName("s"));
            }
        }
        String name = unique("shipper");
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Effect\":\"Allow\",\"Action\":[\"logs:PutLogEvents\",\"logs:GetLogEvents\"],"
                + "\"Resource\":\"arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:" + app + ":log-stream:*\"},"
                + "{\"Effect\":\"Allow\",\"Action\":[\"logs:FilterLogEvents\",\"logs:DescribeLogStreams\"],"
                + "\"Resource\":\"arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:" + app + "\"}]}";
        root.createUser(r -> r.userName(name));
        root.putUserPolicy(r -> r.userName(name).policyName("logs").policyDocument(policy));
        AccessKey key = root.createAccessKey(r -> r.userName(name)).accessKey();
        long now = Instant.now().toEpochMilli();
        try (CloudWatchLogsClient logs = vigil.client(CloudWatchLogsClient.builder(), key.accessKeyId(),
                key.secretAccessKey())) {
            logs.putLogEvents(r -> r.logGroupName(app).logStreamName("s").logEvents(e -> e.timestamp(now).message("ok")));
            assertThat(logs.getLogEvents(r -> r.logGroupName(app).logStreamName("s")).events()).hasSize(1);
            assertThat(logs.filterLogEvents(r -> r.logGroupName(app)).events()).hasSize(1);
            assertThat(logs.describeLogStreams(r -> r.logGroupName(app)).logStreams()).hasSize(1);

            AwsServiceException put = catchThrowableOfType(AwsServiceException.class, () -> logs.putLogEvents(r -> r
                    .logGroupName(other).logStreamName("s").logEvents(e -> e.timestamp(now).message("no"))));
            assertThat(put.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(put.awsErrorDetails().errorMessage()).startsWith("User: arn:aws:iam::" + ACCOUNT + ":user/" + name
                    + " is not authorized to perform: logs:PutLogEvents on resource: arn:aws:logs:us-east-1:" + ACCOUNT
                    + ":log-group:" + other + ":log-stream:s");
            AwsServiceException filter = catchThrowableOfType(AwsServiceException.class,
                    () -> logs.filterLogEvents(r -> r.logGroupIdentifier("arn:aws:logs:us-east-1:" + ACCOUNT
                            + ":log-group:" + other)));
            assertThat(filter.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            AwsServiceException create = catchThrowableOfType(AwsServiceException.class,
                    () -> logs.createLogGroup(r -> r.logGroupName(unique("/new/"))));
            assertThat(create.awsErrorDetails().errorMessage()).contains("logs:CreateLogGroup");
        }
    }

    /** Issue 3's story: a user allowed only logs:Describe* describes log groups but cannot create one. */
    @Test
    void describeOnlyUserCannotCreate() {
        String name = unique("viewer");
        root.createUser(r -> r.userName(name));
        root.putUserPolicy(r -> r.userName(name).policyName("describe").policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"logs:Describe*\",\"Resource\":\"*\"}]}"));
        AccessKey key = root.createAccessKey(r -> r.userName(name)).accessKey();
        String group = unique("/viewer/");
        try (CloudWatchLogsClient logs = vigil.client(CloudWatchLogsClient.builder(), key.accessKeyId(),
                key.secretAccessKey())) {
            assertThat(logs.describeLogGroups().logGroups()).isNotNull();
            AwsServiceException create = catchThrowableOfType(AwsServiceException.class,
                    () -> logs.createLogGroup(r -> r.logGroupName(group)));
            assertThat(create.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
            assertThat(create.awsErrorDetails().errorMessage()).isEqualTo("User: arn:aws:iam::" + ACCOUNT + ":user/"
                    + name + " is not authorized to perform: logs:CreateLogGroup on resource: arn:aws:logs:us-east-1:"
                    + ACCOUNT + ":log-group:" + group + " because no identity-based policy allows the"
                    + " logs:CreateLogGroup action");
        }
        try (CloudWatchLogsClient admin = vigil.client(CloudWatchLogsClient.builder())) {
            assertThat(admin.describeLogGroups(r -> r.logGroupNamePrefix(group)).logGroups()).isEmpty();
        }
    }
}
