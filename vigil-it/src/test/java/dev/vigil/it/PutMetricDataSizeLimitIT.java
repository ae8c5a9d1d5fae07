package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.testkit.AwsCli;
import dev.vigil.testkit.VigilTestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;

/**
 * PutMetricData's 1 MB request limit (the per-operation body limit of the descriptor), on all three protocols:
 * 413 RequestEntityTooLarge "Request size N exceeded 1048576 bytes", measured as sent, so a large body that gzip
 * brings under the limit is accepted.
 */
class PutMetricDataSizeLimitIT {
    static VigilTestServer vigil;

    @BeforeAll
    static void start() {
        vigil = VigilTestServer.start();
    }

    @AfterAll
    static void stop() {
        vigil.close();
    }

    /**
     * 1000 metrics of the same 150 values: a valid request of about 1.4 MB in CBOR (each value needs a full
     * 8-byte double), which gzip shrinks to a few kilobytes.
     */
    static PutMetricDataRequest large(String ns) {
        List<MetricDatum> data = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            List<Double> values = new ArrayList<>();
            for (int v = 0; v < 150; v++) values.add(v + 0.1);
            data.add(MetricDatum.builder().metricName("M" + i).values(values).build());
        }
        return PutMetricDataRequest.builder().namespace(ns).metricData(data).build();
    }

    @Test
    void cborOverOneMegabyteIsRefusedUncompressedAndAcceptedCompressed() {
        String ns = "Vigil/IT-size-" + UUID.randomUUID();
        try (CloudWatchClient cw = vigil.client(CloudWatchClient.builder())) {
            PutMetricDataRequest uncompressed = large(ns).toBuilder().overrideConfiguration(o -> o
                    .compressionConfiguration(c -> c.requestCompressionEnabled(false))).build();
            CloudWatchException e = catchThrowableOfType(CloudWatchException.class, () -> cw.putMetricData(uncompressed));
            assertThat(e.statusCode()).isEqualTo(413);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestEntityTooLarge");
            assertThat(e.awsErrorDetails().errorMessage()).matches("Request size \\d{7} exceeded 1048576 bytes");
            assertThat(cw.listMetrics(r -> r.namespace(ns)).metrics()).isEmpty();

            // The same data gzipped (the SDK's default for PutMetricData) is far under 1 MB as sent.
            cw.putMetricData(large(ns));
            assertThat(cw.listMetrics(r -> r.namespace(ns)).metrics()).hasSize(500);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"query", "json"})
    void theClisGetTheLimitInTheirProtocolsErrorShape(String protocol) throws IOException {
        AwsCli cli = protocol.equals("query") ? Clis.debian() : Clis.v1();
        // Random values: even gzipped (CLI v1 compresses PutMetricData) the body stays over 1 MB.
        StringBuilder json = new StringBuilder("[");
        Random rnd = new Random(7);
        for (int i = 0; i < 1000; i++) {
            if (i > 0) json.append(',');
            json.append("{\"MetricName\":\"M").append(i).append("\",\"Values\":[");
            for (int v = 0; v < 150; v++) json.append(v == 0 ? "" : ",").append(rnd.nextDouble());
            json.append("]}");
        }
        Path file = Files.createTempFile("metric-data", ".json");
        try {
            Files.writeString(file, json.append(']'));
            AwsCli.Result r = cli.run(vigil.endpoint(), "cloudwatch", "put-metric-data", "--namespace",
                    "Vigil/IT-size-" + UUID.randomUUID(), "--metric-data", "file://" + file);
            assertThat(r.exitCode()).as(r.stderr()).isNotZero();
            assertThat(r.stderr()).contains("RequestEntityTooLarge").containsPattern("Request size \\d+ exceeded 1048576 bytes");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
