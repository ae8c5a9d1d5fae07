package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.testkit.AwsCli;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The EventBridge story as a shell user tells it, with both CLIs (Debian CLI 2.9 and CLI v1, both awsJson1_1):
 * create-queue with a policy letting EventBridge send, put-rule, put-targets with an input transformer,
 * test-event-pattern, put-events, and receive-message reading the transformed event from the queue.
 */
class EventBridgeCliIT extends CliStory.BothClis {
    @Override
    void story(AwsCli cli, String tag, Path dir) throws Exception {
        URI e = vigil.endpoint();
        String url = ok(cli.run(e, "sqs", "create-queue", "--queue-name", "cli-" + tag)).path("QueueUrl").asText();
        String queue = ok(cli.run(e, "sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "QueueArn"))
                .path("Attributes").path("QueueArn").asText();
        String policy = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\":"
                + " {\"Service\": \"events.amazonaws.com\"}, \"Action\": \"sqs:SendMessage\", \"Resource\": \"" + queue + "\"}]}";
        Path attrs = dir.resolve("attrs.json");
        Files.writeString(attrs, JSON.writeValueAsString(java.util.Map.of("Policy", policy)));
        ok(cli.run(e, "sqs", "set-queue-attributes", "--queue-url", url, "--attributes", "file://" + attrs));
        JsonNode rule = ok(cli.run(e, "events", "put-rule", "--name", "cli-" + tag,
                "--event-pattern", "{\"source\": [\"cli." + tag + "\"], \"detail\": {\"level\": [{\"anything-but\": \"debug\"}]}}"));
        assertThat(rule.path("RuleArn").asText()).isEqualTo("arn:aws:events:us-east-1:000000000000:rule/cli-" + tag);

        Path targets = dir.resolve("targets.json");
        Files.writeString(targets, "[{\"Id\": \"q\", \"Arn\": \"" + queue + "\", \"InputTransformer\": {"
                + "\"InputPathsMap\": {\"level\": \"$.detail.level\", \"msg\": \"$.detail.msg\"},"
                + "\"InputTemplate\": \"\\\"<level>: <msg>\\\"\"}}]");
        JsonNode put = ok(cli.run(e, "events", "put-targets", "--rule", "cli-" + tag, "--targets", "file://" + targets));
        assertThat(put.path("FailedEntryCount").asInt()).isZero();

        JsonNode listed = ok(cli.run(e, "events", "list-targets-by-rule", "--rule", "cli-" + tag));
        assertThat(listed.path("Targets").get(0).path("InputTransformer").path("InputTemplate").asText())
                .isEqualTo("\"<level>: <msg>\"");

        String event = "{\"id\": \"1\", \"account\": \"000000000000\", \"source\": \"cli." + tag + "\","
                + " \"time\": \"2026-11-30T12:00:00Z\", \"region\": \"us-east-1\", \"resources\": [],"
                + " \"detail-type\": \"Log\", \"detail\": {\"level\": \"error\"}}";
        assertThat(ok(cli.run(e, "events", "test-event-pattern", "--event", event, "--event-pattern",
                "{\"detail\": {\"level\": [\"error\"]}}")).path("Result").asBoolean()).isTrue();
        assertThat(ok(cli.run(e, "events", "test-event-pattern", "--event", event, "--event-pattern",
                "{\"detail\": {\"level\": [\"debug\"]}}")).path("Result").asBoolean()).isFalse();

        Path entries = dir.resolve("entries.json");
        Files.writeString(entries, "[{\"Source\": \"cli." + tag + "\", \"DetailType\": \"Log\","
                + " \"Detail\": \"{\\\"level\\\": \\\"error\\\", \\\"msg\\\": \\\"disk full\\\"}\"},"
                + " {\"Source\": \"cli." + tag + "\", \"DetailType\": \"Log\","
                + " \"Detail\": \"{\\\"level\\\": \\\"debug\\\", \\\"msg\\\": \\\"noise\\\"}\"}]");
        JsonNode sent = ok(cli.run(e, "events", "put-events", "--entries", "file://" + entries));
        assertThat(sent.path("FailedEntryCount").asInt()).isZero();
        assertThat(sent.path("Entries")).hasSize(2);

        JsonNode received = ok(cli.run(e, "sqs", "receive-message", "--queue-url", url, "--wait-time-seconds", "10",
                "--max-number-of-messages", "10"));
        assertThat(received.path("Messages")).hasSize(1);
        assertThat(received.path("Messages").get(0).path("Body").asText()).isEqualTo("\"error: disk full\"");

        AwsCli.Result bad = cli.run(e, "events", "put-rule", "--name", "cli-bad-" + tag, "--event-pattern", "{\"source\": \"x\"}");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.stderr()).contains("InvalidEventPatternException").contains("Event pattern is not valid.");
    }
}
