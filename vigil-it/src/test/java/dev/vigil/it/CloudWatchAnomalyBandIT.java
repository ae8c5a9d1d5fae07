package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.testkit.VigilTestServer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AnomalyDetector;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

/**
 * ANOMALY_DETECTION_BAND through SDK v2 GetMetricData (rpcv2Cbor): the band of a known history, the detector AWS
 * creates implicitly for a band on a metric that had none, and excluded ranges of an existing detector.
 */
class CloudWatchAnomalyBandIT {
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

    /** 20 one-minute points alternating 9 and 11 over the 40 minutes before {@code t0}: mean 10, stddev 1. */
    static void history(String ns, Instant t0) {
        for (int i = 1; i <= 20; i++) {
            int n = i;
            cw.putMetricData(r -> r.namespace(ns).metricData(d -> d.metricName("Latency")
                    .dimensions(x -> x.name("Host").value("a")).timestamp(t0.minusSeconds(120L * n))
                    .value(n % 2 == 0 ? 9.0 : 11.0)));
        }
    }

    static GetMetricDataResponse band(String ns, Instant t0, String expression) {
        MetricDataQuery m1 = MetricDataQuery.builder().id("m1").metricStat(s -> s.stat("Average").period(60)
                .metric(m -> m.namespace(ns).metricName("Latency").dimensions(x -> x.name("Host").value("a")))).build();
        MetricDataQuery ad1 = MetricDataQuery.builder().id("ad1").expression(expression).label("Latency band").build();
        return cw.getMetricData(b -> b.startTime(t0).endTime(t0.plusSeconds(180)).scanBy("TimestampAscending")
                .metricDataQueries(m1, ad1));
    }

    @Test
    void bandOfAKnownHistoryAndTheImplicitDetector() {
        String ns = "Vigil/IT-band-" + UUID.randomUUID();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(5));
        history(ns, t0);
        assertThat(cw.describeAnomalyDetectors(r -> r.namespace(ns)).anomalyDetectors()).isEmpty();

        GetMetricDataResponse r = band(ns, t0, "ANOMALY_DETECTION_BAND(m1, 2)");

        assertThat(r.metricDataResults()).extracting(MetricDataResult::id).containsExactly("m1", "ad1", "ad1");
        MetricDataResult lower = r.metricDataResults().get(1);
        MetricDataResult upper = r.metricDataResults().get(2);
        assertThat(lower.label()).isEqualTo("Latency band Lower Bound");
        assertThat(upper.label()).isEqualTo("Latency band Upper Bound");
        // Every period of the range has a band, with or without data.
        assertThat(lower.timestamps()).containsExactly(t0, t0.plusSeconds(60), t0.plusSeconds(120));
        assertThat(lower.values()).containsOnly(8.0);
        assertThat(upper.values()).containsOnly(12.0);
        // k defaults to 2.
        assertThat(band(ns, t0, "ANOMALY_DETECTION_BAND(m1)").metricDataResults().get(2).values()).containsOnly(12.0);
        assertThat(band(ns, t0, "ANOMALY_DETECTION_BAND(m1, 3)").metricDataResults().get(2).values())
                .containsOnly(13.0);
        // As on AWS, showing a band creates the metric's anomaly detector.
        assertThat(cw.describeAnomalyDetectors(d -> d.namespace(ns)).anomalyDetectors())
                .singleElement().satisfies(d -> {
                    assertThat(d.singleMetricAnomalyDetector().metricName()).isEqualTo("Latency");
                    assertThat(d.singleMetricAnomalyDetector().stat()).isEqualTo("Average");
                    assertThat(d.singleMetricAnomalyDetector().dimensions()).singleElement()
                            .satisfies(x -> assertThat(x.value()).isEqualTo("a"));
                });
    }

    @Test
    void theDetectorsExcludedRangesAreLeftOutOfTraining() {
        String ns = "Vigil/IT-band-" + UUID.randomUUID();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(5));
        history(ns, t0);
        cw.putAnomalyDetector(r -> r.singleMetricAnomalyDetector(s -> s.namespace(ns).metricName("Latency")
                .dimensions(x -> x.name("Host").value("a")).stat("Average"))
                .configuration(c -> c.excludedTimeRanges(x -> x.startTime(t0.minus(Duration.ofMinutes(30)))
                        .endTime(t0))));
        // 5 points remain: too few to train, so the band is empty (as while AWS's model is pending training).
        GetMetricDataResponse r = band(ns, t0, "ANOMALY_DETECTION_BAND(m1)");
        assertThat(r.metricDataResults()).hasSize(3);
        assertThat(r.metricDataResults().get(1).values()).isEmpty();
        assertThat(cw.describeAnomalyDetectors(d -> d.namespace(ns)).anomalyDetectors())
                .extracting(AnomalyDetector::stateValueAsString).hasSize(1);
    }

    @Test
    void widgetImagesDrawTheBand() throws Exception {
        String ns = "Vigil/IT-band-" + UUID.randomUUID();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(5));
        history(ns, t0);
        String widget = "{\"metrics\":[[\"" + ns + "\",\"Latency\",\"Host\",\"a\",{\"id\":\"m1\",\"stat\":\"Average\"}],"
                + "[{\"expression\":\"ANOMALY_DETECTION_BAND(m1, 2)\",\"id\":\"ad1\"}]],"
                + "\"period\":60,\"start\":\"-PT1H\",\"end\":\"PT0H\",\"width\":400,\"height\":200}";
        byte[] png = cw.getMetricWidgetImage(r -> r.metricWidget(widget)).metricWidgetImage().asByteArray();
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(400);
    }

    @Test
    void aBandNeedsAMetric() {
        String ns = "Vigil/IT-band-" + UUID.randomUUID();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        assertThatThrownBy(() -> band(ns, t0, "ANOMALY_DETECTION_BAND(m1 * 2)"))
                .isInstanceOfSatisfying(CloudWatchException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage())
                            .contains("Argument 1 of ANOMALY_DETECTION_BAND must be the Id of a metric");
                });
    }
}
