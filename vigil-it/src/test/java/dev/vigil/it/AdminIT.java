package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testkit.RawHttp;
import dev.vigil.testkit.VigilTestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.sts.StsClient;

/** Vigil's own endpoints: health and the two reset spellings. */
class AdminIT {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void healthListsServicesVersionAndStore() throws Exception {
        try (VigilTestServer vigil = VigilTestServer.start()) {
            RawHttp http = new RawHttp(vigil.endpoint());
            RawHttp.Response r = http.send(http.request("GET", "/_vigil/health", null, Map.of(), new byte[0]), null);
            assertThat(r.status()).isEqualTo(200);
            JsonNode n = JSON.readTree(r.body());
            assertThat(n.path("status").asText()).isEqualTo("running");
            assertThat(n.path("version").asText()).isNotBlank();
            assertThat(n.path("store").asText()).isEqualTo("h2:mem");
            assertThat(n.path("services").path("sts").asText()).isEqualTo("running");
            assertThat(n.path("services").path("cloudtrail").asText()).isEqualTo("running");
        }
    }

    @Test
    void resetIsRefusedInStrictModeAndFromBrowserPages() {
        try (VigilTestServer strict = VigilTestServer.start(c -> c.withStrictAuth("AKIAADMINTESTROOT001", "secret"));
             VigilTestServer dev = VigilTestServer.start()) {
            RawHttp s = new RawHttp(strict.endpoint());
            assertThat(s.send(s.request("POST", "/_vigil/reset", null, Map.of(), new byte[0]), null).status()).isEqualTo(403);
            RawHttp d = new RawHttp(dev.endpoint());
            assertThat(d.send(d.request("POST", "/_vigil/reset", null, Map.of("Origin", "https://evil.example"),
                    new byte[0]), null).status()).isEqualTo(403);
        }
    }

    @Test
    void bothResetEndpointsWipeState() {
        try (VigilTestServer vigil = VigilTestServer.start();
             StsClient sts = vigil.client(StsClient.builder());
             CloudTrailClient ct = vigil.client(CloudTrailClient.builder())) {
            RawHttp http = new RawHttp(vigil.endpoint());
            for (String path : new String[] {"/_vigil/reset", "/moto-api/reset"}) {
                sts.getCallerIdentity();
                assertThat(Trail.records(ct, "GetCallerIdentity")).isNotEmpty();
                RawHttp.Response r = http.send(http.request("POST", path, null, Map.of(), new byte[0]), null);
                assertThat(r.status()).isEqualTo(200);
                assertThat(Trail.records(ct, "GetCallerIdentity")).as(path).isEmpty();
            }
        }
    }
}
