package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.testkit.AwsCli;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's archive, replay and partner-source commands through AWS CLI v1 (awsJson1_1): create-archive,
 * put-events, describe-archive counting them, start-replay over the window, describe-replay until COMPLETED,
 * and a partner's create-partner-event-source turned into a bus by the customer's create-event-bus.
 */
class EventBridgeArchiveCliIT extends CliStory {
    @Test
    void archiveReplayAndPartnerBusWithTheCli() throws Exception {
        AwsCli cli = Clis.v1();
        URI e = vigil.endpoint();
        String bus = "arn:aws:events:us-east-1:000000000000:event-bus/default";
        JsonNode archive = ok(cli.run(e, "events", "create-archive", "--archive-name", "cli-shop",
                "--event-source-arn", bus, "--event-pattern", "{\"source\":[\"cli.shop\"]}", "--retention-days", "30"));
        assertThat(archive.path("State").asText()).isEqualTo("ENABLED");
        String from = Instant.now().minus(1, ChronoUnit.MINUTES).toString();
        ok(cli.run(e, "events", "put-events", "--entries",
                "[{\"Source\":\"cli.shop\",\"DetailType\":\"Order\",\"Detail\":\"{\\\"id\\\":\\\"o-1\\\"}\"}]"));
        assertThat(ok(cli.run(e, "events", "describe-archive", "--archive-name", "cli-shop")).path("EventCount").asLong())
                .isEqualTo(1);

        String to = Instant.now().plus(1, ChronoUnit.MINUTES).toString();
        JsonNode started = ok(cli.run(e, "events", "start-replay", "--replay-name", "cli-again",
                "--event-source-arn", archive.path("ArchiveArn").asText(), "--event-start-time", from,
                "--event-end-time", to, "--destination", "{\"Arn\":\"" + bus + "\"}"));
        assertThat(started.path("State").asText()).isEqualTo("STARTING");
        String state = null;
        for (int i = 0; i < 50 && !"COMPLETED".equals(state); i++) {
            state = ok(cli.run(e, "events", "describe-replay", "--replay-name", "cli-again")).path("State").asText();
            if (!"COMPLETED".equals(state)) Thread.sleep(200); // the replay job runs every second
        }
        assertThat(state).isEqualTo("COMPLETED");

        String source = "aws.partner/example.com/000000000000/cli";
        ok(cli.runAs(e, "111122223333", "secret", "events", "create-partner-event-source", "--name", source,
                "--account", "000000000000"));
        assertThat(ok(cli.run(e, "events", "describe-event-source", "--name", source)).path("State").asText())
                .isEqualTo("PENDING");
        ok(cli.run(e, "events", "create-event-bus", "--name", source, "--event-source-name", source));
        assertThat(ok(cli.run(e, "events", "describe-event-source", "--name", source)).path("State").asText())
                .isEqualTo("ACTIVE");
    }
}
