package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ConnectionAuthorizationType;

/**
 * DESIGN §4/§5 under a real crash: Vigil runs as its own process ({@code bin/vigil serve} on a data directory), accepts
 * an event whose delivery to an API destination cannot happen yet (nothing listens on the endpoint's port), and is
 * killed with SIGKILL. Restarted on the same directory, with the endpoint now up, it delivers the event.
 */
class EventBridgeKillIT {
    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aDeliveryPendingAtKillNineArrivesAfterRestart(@TempDir Path data) throws Exception {
        int port = freePortOutsideEphemeralRange();

        Process first = start(data);
        String eventId;
        try {
            URI endpoint = awaitEndpoint(first);
            try (EventBridgeClient events = client(endpoint)) {
                String conn = events.createConnection(r -> r.name("kill-conn")
                        .authorizationType(ConnectionAuthorizationType.API_KEY)
                        .authParameters(a -> a.apiKeyAuthParameters(k -> k.apiKeyName("x-key").apiKeyValue("v-1"))))
                        .connectionArn();
                String dest = events.createApiDestination(r -> r.name("kill-api").connectionArn(conn)
                        .invocationEndpoint("http://127.0.0.1:" + port + "/hook").httpMethod("POST")).apiDestinationArn();
                events.putRule(r -> r.name("kill-rule").eventPattern("{\"source\": [\"it.kill\"]}"));
                events.putTargets(r -> r.rule("kill-rule").targets(t -> t.id("hook").arn(dest)));
                var put = events.putEvents(r -> r.entries(e -> e.source("it.kill").detailType("T").detail("{\"n\": 9}")));
                assertThat(put.failedEntryCount()).isZero();
                eventId = put.entries().get(0).eventId();
            }
        } finally {
            first.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            first.waitFor(60, TimeUnit.SECONDS);
        }
        assertThat(first.exitValue()).isEqualTo(137);

        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        hook.createContext("/hook", ex -> {
            received.add(ex.getRequestHeaders().getFirst("x-key") + " "
                    + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        hook.start();
        Process second = start(data);
        try {
            awaitEndpoint(second);
            // The retry back-off is a few seconds; a delivery whose claim was live at the kill waits for it to lapse.
            String got = received.poll(3, TimeUnit.MINUTES);
            assertThat(got).as("delivered after restart").isNotNull();
            assertThat(got).startsWith("v-1 ");
            assertThat(JSON.readTree(got.substring(4)).get("id").asText()).isEqualTo(eventId);
        } finally {
            second.destroy();
            second.waitFor(60, TimeUnit.SECONDS);
            hook.stop(0);
        }
    }

    /**
     * A port with nothing behind it (yet), below the kernel's ephemeral range: a port from that range could be taken
     * as the source port of some outgoing connection before the test binds it again.
     */
    private static int freePortOutsideEphemeralRange() throws Exception {
        java.util.Random random = new java.util.Random();
        for (int i = 0; i < 100; i++) {
            int candidate = 20_000 + random.nextInt(10_000);
            try (java.net.ServerSocket s = new java.net.ServerSocket()) {
                s.bind(new InetSocketAddress("127.0.0.1", candidate));
                return candidate;
            } catch (java.io.IOException taken) {
                // try another
            }
        }
        throw new AssertionError("no free port between 20000 and 30000");
    }

    private static EventBridgeClient client(URI endpoint) {
        return EventBridgeClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(b -> b.maxAttempts(1)).build())
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    }

    private static Process start(Path data) throws Exception {
        Path script = ROOT.resolve("bin/vigil");
        assertThat(Files.isExecutable(script)).isTrue();
        ProcessBuilder pb = new ProcessBuilder(script.toString(), "serve", "--port", "0", "--data-dir", data.toString())
                .redirectErrorStream(true);
        pb.environment().put("VIGIL_REQUEST_LOG", "OFF");
        pb.environment().put("VIGIL_NO_BUILD", "1"); // the reactor built vigil-server's jar before this module
        return pb.start();
    }

    private static URI awaitEndpoint(Process p) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        List<String> out = new ArrayList<>();
        URI endpoint = null;
        String line;
        while ((line = r.readLine()) != null) {
            out.add(line);
            if (line.trim().startsWith("endpoint:")) endpoint = URI.create(line.trim().substring("endpoint:".length()).trim());
            if (line.trim().startsWith("store:") && endpoint != null) {
                Thread drain = new Thread(() -> r.lines().forEach(l -> { }), "serve-output");
                drain.setDaemon(true);
                drain.start();
                return endpoint;
            }
        }
        throw new AssertionError("bin/vigil serve did not print its endpoint: " + out);
    }
}
