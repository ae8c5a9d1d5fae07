package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.testkit.VigilTestServer;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Tag;

/** Dashboard tags through the SDK (rpcv2Cbor): tag, list, untag, limits, and removal with the dashboard. */
class CloudWatchTagsIT {
    static final String BODY = "{\"widgets\":[]}";
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

    static Tag tag(String k, String v) {
        return Tag.builder().key(k).value(v).build();
    }

    @Test
    void dashboardTags() {
        String name = "it-tags-" + UUID.randomUUID();
        String arn = "arn:aws:cloudwatch::000000000000:dashboard/" + name;
        cw.putDashboard(r -> r.dashboardName(name).dashboardBody(BODY).tags(tag("team", "core")));
        assertThat(cw.listTagsForResource(r -> r.resourceARN(arn)).tags()).containsExactly(tag("team", "core"));
        assertThat(cw.getDashboard(r -> r.dashboardName(name)).dashboardArn()).isEqualTo(arn);
        cw.tagResource(r -> r.resourceARN(arn).tags(tag("env", "dev"), tag("team", "platform")));
        assertThat(cw.listTagsForResource(r -> r.resourceARN(arn)).tags())
                .containsExactly(tag("env", "dev"), tag("team", "platform"));
        cw.untagResource(r -> r.resourceARN(arn).tagKeys("env"));
        assertThat(cw.listTagsForResource(r -> r.resourceARN(arn)).tags()).containsExactly(tag("team", "platform"));

        assertThatThrownBy(() -> cw.tagResource(r -> r.resourceARN(arn).tags(tag("aws:x", "y"))))
                .isInstanceOfSatisfying(CloudWatchException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
                });
        String alarm = "arn:aws:cloudwatch:us-east-1:000000000000:alarm:nope";
        assertThatThrownBy(() -> cw.listTagsForResource(r -> r.resourceARN(alarm)))
                .isInstanceOfSatisfying(CloudWatchException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException");
                });

        cw.deleteDashboards(r -> r.dashboardNames(name));
        assertThatThrownBy(() -> cw.listTagsForResource(r -> r.resourceARN(arn)))
                .isInstanceOfSatisfying(CloudWatchException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException"));
    }
}
