package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testkit.AwsCli;
import dev.vigil.testkit.VigilTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** Every call is audited and LookupEvents shows it, through the SDK and both CLIs. */
class CloudTrailIT {
    static VigilTestServer vigil;
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() { vigil = VigilTestServer.start(); }

    @AfterAll
    static void stop() { vigil.close(); }

    @Test
    void sdkCallIsRecordedWithAwsFields() {
        try (StsClient sts = vigil.client(StsClient.builder());
             CloudTrailClient ct = vigil.client(CloudTrailClient.builder())) {
            GetCallerIdentityResponse r = sts.getCallerIdentity();
            String requestId = r.responseMetadata().requestId();
            JsonNode e = Trail.byRequestId(ct, "GetCallerIdentity", requestId);
            assertThat(e).as("event for request " + requestId).isNotNull();
            assertThat(e.path("eventVersion").asText()).isEqualTo("1.11");
            assertThat(e.path("eventSource").asText()).isEqualTo("sts.amazonaws.com");
            assertThat(e.path("eventName").asText()).isEqualTo("GetCallerIdentity");
            assertThat(e.path("awsRegion").asText()).isEqualTo("us-east-1");
            assertThat(e.path("sourceIPAddress").asText()).isEqualTo("127.0.0.1");
            assertThat(e.path("userAgent").asText()).contains("aws-sdk-java");
            assertThat(e.path("userIdentity").path("type").asText()).isEqualTo("Root");
            assertThat(e.path("userIdentity").path("arn").asText()).isEqualTo("arn:aws:iam::000000000000:root");
            assertThat(e.path("userIdentity").path("accountId").asText()).isEqualTo("000000000000");
            assertThat(e.path("userIdentity").path("accessKeyId").asText()).isEqualTo("test");
            assertThat(e.path("readOnly").asBoolean()).isTrue();
            assertThat(e.path("eventType").asText()).isEqualTo("AwsApiCall");
            assertThat(e.path("managementEvent").asBoolean()).isTrue();
            assertThat(e.path("eventCategory").asText()).isEqualTo("Management");
            assertThat(e.path("recipientAccountId").asText()).isEqualTo("000000000000");
            assertThat(e.path("eventID").asText()).hasSize(36);
            assertThat(e.has("errorCode")).isFalse();
        }
    }

    @Test
    void eachAccountSeesOnlyItsOwnEvents() {
        try (StsClient sts = vigil.client(StsClient.builder(), "111122223333", "x");
             CloudTrailClient mine = vigil.client(CloudTrailClient.builder(), "111122223333", "x");
             CloudTrailClient other = vigil.client(CloudTrailClient.builder(), "444455556666", "x")) {
            String requestId = sts.getCallerIdentity().responseMetadata().requestId();
            assertThat(Trail.byRequestId(mine, "GetCallerIdentity", requestId)).isNotNull();
            assertThat(Trail.byRequestId(other, "GetCallerIdentity", requestId)).isNull();
        }
    }

    @Test
    void debianCliCallsStsAndSeesItInLookupEvents() throws Exception {
        AwsCli cli = Clis.debian();
        AwsCli.Result id = cli.run(vigil.endpoint(), "sts", "get-caller-identity");
        assertThat(id.exitCode()).as(id.stderr()).isZero();
        assertThat(JSON.readTree(id.stdout()).path("Arn").asText()).isEqualTo("arn:aws:iam::000000000000:root");

        AwsCli.Result events = cli.run(vigil.endpoint(), "cloudtrail", "lookup-events", "--lookup-attributes",
                "AttributeKey=EventName,AttributeValue=GetCallerIdentity", "--max-results", "50");
        assertThat(events.exitCode()).as(events.stderr()).isZero();
        JsonNode list = JSON.readTree(events.stdout()).path("Events");
        boolean found = false;
        for (JsonNode ev : list) {
            JsonNode record = JSON.readTree(ev.path("CloudTrailEvent").asText());
            if (record.path("userAgent").asText().startsWith("aws-cli/2.9")) {
                found = true;
                assertThat(ev.path("EventSource").asText()).isEqualTo("sts.amazonaws.com");
                assertThat(ev.path("Username").asText()).isEqualTo("root");
                assertThat(record.path("userIdentity").path("type").asText()).isEqualTo("Root");
            }
        }
        assertThat(found).as("an event recorded from AWS CLI 2.9 in " + events.stdout()).isTrue();
    }

    @Test
    void cliV1CallsStsAndLookupEvents() throws Exception {
        AwsCli cli = Clis.v1();
        AwsCli.Result id = cli.run(vigil.endpoint(), "sts", "get-caller-identity");
        assertThat(id.exitCode()).as(id.stderr()).isZero();
        assertThat(JSON.readTree(id.stdout()).path("Account").asText()).isEqualTo("000000000000");
        AwsCli.Result events = cli.run(vigil.endpoint(), "cloudtrail", "lookup-events", "--max-results", "5");
        assertThat(events.exitCode()).as(events.stderr()).isZero();
        assertThat(JSON.readTree(events.stdout()).path("Events").size()).isPositive();
    }

    @Test
    void recordedEventsSurviveARestartOnH2() throws Exception {
        Path dir = Files.createTempDirectory("vigil-durable");
        try {
            String requestId;
            try (VigilTestServer first = VigilTestServer.start(c -> c.withDataDir(dir));
                 StsClient sts = first.client(StsClient.builder())) {
                requestId = sts.getCallerIdentity().responseMetadata().requestId();
            }
            try (VigilTestServer second = VigilTestServer.start(c -> c.withDataDir(dir));
                 CloudTrailClient ct = second.client(CloudTrailClient.builder())) {
                assertThat(Trail.byRequestId(ct, "GetCallerIdentity", requestId)).isNotNull();
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
