package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.testkit.VigilTestServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/** GetMetricWidgetImage through the SDK (rpcv2Cbor): a PNG of the requested size with the metric drawn. */
class CloudWatchWidgetIT {
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
    void rendersPutMetricDataAsPng() throws Exception {
        String ns = "Vigil/Widget/" + UUID.randomUUID();
        Instant now = Instant.now();
        for (int i = 0; i < 30; i++) {
            double v = 10 + (i % 6) * 4;
            Instant at = now.minusSeconds(60L * (30 - i));
            cw.putMetricData(r -> r.namespace(ns).metricData(MetricDatum.builder().metricName("Requests")
                    .dimensions(d -> d.name("Service").value("api")).timestamp(at).value(v).build()));
        }
        String widget = "{\"metrics\":[[\"" + ns + "\",\"Requests\",\"Service\",\"api\",{\"stat\":\"Sum\"}],"
                + "[{\"expression\":\"m1*2\",\"label\":\"doubled\"}]],"
                + "\"view\":\"timeSeries\",\"stacked\":false,\"period\":60,\"start\":\"-PT1H\",\"end\":\"PT0H\","
                + "\"title\":\"Requests\",\"width\":500,\"height\":300,"
                + "\"annotations\":{\"horizontal\":[{\"value\":20,\"label\":\"limit\"}]}}";
        byte[] png = cw.getMetricWidgetImage(r -> r.metricWidget(widget)).metricWidgetImage().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(500);
        assertThat(image.getHeight()).isEqualTo(300);
        Set<Integer> colors = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) colors.add(image.getRGB(x, y));
        }
        assertThat(colors.size()).isGreaterThan(3);
        // The series' default colour (#1f77b4) was drawn: the data reached the picture.
        assertThat(colors).contains(0xff1f77b4);

        assertThatThrownBy(() -> cw.getMetricWidgetImage(r -> r.metricWidget("{\"metrics\":\"nope\"}")))
                .isInstanceOfSatisfying(CloudWatchException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("The field MetricWidget.metrics must be a non-empty array of metric arrays.");
                });
    }
}
