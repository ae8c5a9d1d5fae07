package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testkit.AwsCli;
import dev.vigil.testkit.VigilTestServer;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.DashboardEntry;
import software.amazon.awssdk.services.cloudwatch.model.GetDashboardResponse;

/** Dashboards through the SDK (rpcv2Cbor) and the AWS CLIs: global per account, all-or-nothing deletes. */
class CloudWatchDashboardsIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String BODY = "{\"widgets\":[{\"type\":\"metric\",\"x\":0,\"y\":0,\"width\":12,\"height\":6,"
            + "\"properties\":{\"metrics\":[[\"Vigil/Test\",\"Latency\",\"Service\",\"api\"]],\"region\":\"us-east-1\","
            + "\"view\":\"timeSeries\",\"stacked\":false,\"period\":300,\"stat\":\"p99\"}}]}";
    static VigilTestServer vigil;
    static CloudWatchClient cw;

    @BeforeAll
    static void start() {
        vigil = VigilTestServer.start();
        cw = vigil.client(CloudWatchClient.builder());
    }

    @AfterAll
    static void stop() {
        cw.close();
        vigil.close();
    }

    @Test
    void crudThroughTheSdk() {
        String name = "it-" + UUID.randomUUID();
        assertThat(cw.putDashboard(r -> r.dashboardName(name).dashboardBody(BODY)).dashboardValidationMessages()).isEmpty();
        // Global: a client signing for another region sees the same dashboard.
        try (CloudWatchClient eu = vigil.client(CloudWatchClient.builder().region(Region.EU_WEST_1))) {
            GetDashboardResponse got = eu.getDashboard(r -> r.dashboardName(name));
            assertThat(got.dashboardBody()).isEqualTo(BODY);
            assertThat(got.dashboardArn()).isEqualTo("arn:aws:cloudwatch::000000000000:dashboard/" + name);
        }
        assertThat(cw.listDashboards(r -> r.dashboardNamePrefix(name)).dashboardEntries())
                .extracting(DashboardEntry::dashboardName, DashboardEntry::size)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(name, (long) BODY.length()));

        assertThatThrownBy(() -> cw.deleteDashboards(r -> r.dashboardNames(name, name + "-missing")))
                .isInstanceOfSatisfying(CloudWatchException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound");
                });
        assertThat(cw.getDashboard(r -> r.dashboardName(name)).dashboardName()).isEqualTo(name); // nothing deleted
        cw.deleteDashboards(r -> r.dashboardNames(name));
        assertThatThrownBy(() -> cw.getDashboard(r -> r.dashboardName(name)))
                .isInstanceOfSatisfying(CloudWatchException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Dashboard " + name + " does not exist");
                });
    }

    @Test
    void invalidBodiesAreRefusedWithTheirProblems() {
        assertThatThrownBy(() -> cw.putDashboard(r -> r.dashboardName("it-bad").dashboardBody("{\"widgets\":[{}]}")))
                .isInstanceOfSatisfying(CloudWatchException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterInput");
                    assertThat(e.awsErrorDetails().errorMessage()).startsWith("The dashboard body is invalid, there are 1 validation errors:")
                            .contains("\"dataPath\": \"/widgets/0\"").contains("Should have required property 'type'");
                });
        assertThatThrownBy(() -> cw.putDashboard(r -> r.dashboardName("it:bad").dashboardBody(BODY)))
                .isInstanceOfSatisfying(CloudWatchException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue"));
    }

    @Test
    void crudThroughTheClis() throws Exception {
        AwsCli v1 = Clis.v1();
        for (AwsCli cli : java.util.List.of(v1, Clis.debian())) {
            String name = "cli-" + UUID.randomUUID();
            ok(cli.run(vigil.endpoint(), "cloudwatch", "put-dashboard", "--dashboard-name", name, "--dashboard-body", BODY));
            JsonNode got = JSON.readTree(ok(cli.run(vigil.endpoint(), "cloudwatch", "get-dashboard", "--dashboard-name", name)).stdout());
            assertThat(got.path("DashboardBody").asText()).isEqualTo(BODY);
            assertThat(got.path("DashboardArn").asText()).endsWith(":dashboard/" + name);
            JsonNode list = JSON.readTree(ok(cli.run(vigil.endpoint(), "cloudwatch", "list-dashboards", "--dashboard-name-prefix", name)).stdout());
            assertThat(list.path("DashboardEntries").get(0).path("DashboardName").asText()).isEqualTo(name);
            assertThat(list.path("DashboardEntries").get(0).path("Size").asLong()).isEqualTo(BODY.length());
            AwsCli.Result missing = cli.run(vigil.endpoint(), "cloudwatch", "delete-dashboards", "--dashboard-names", name, "nope-" + name);
            assertThat(missing.exitCode()).isNotZero();
            assertThat(missing.stderr()).contains("(ResourceNotFound)");
            ok(cli.run(vigil.endpoint(), "cloudwatch", "delete-dashboards", "--dashboard-names", name));
            JsonNode after = JSON.readTree(ok(cli.run(vigil.endpoint(), "cloudwatch", "list-dashboards", "--dashboard-name-prefix", name)).stdout());
            assertThat(after.path("DashboardEntries").size()).isZero();
        }
    }

    static AwsCli.Result ok(AwsCli.Result r) {
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        return r;
    }
}
