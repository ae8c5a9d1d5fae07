package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testkit.AwsCli;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command as a user runs it: {@code bin/vigil serve} prints its endpoint and
 * credentials, serves the AWS CLI, and stops cleanly on SIGTERM keeping what it recorded.
 */
class ServeCommandIT {
    static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

    @Test
    void serveStartsAnswersTheCliAndStopsOnSigterm(@TempDir Path data) throws Exception {
        AwsCli cli = Clis.debian();
        Process p = start(data);
        List<String> out = new ArrayList<>();
        try {
            URI endpoint = awaitEndpoint(p, out);
            assertThat(String.join("\n", out)).contains("account:    000000000000").contains("access key: test")
                    .contains("region:     us-east-1");
            AwsCli.Result id = cli.run(endpoint, "sts", "get-caller-identity");
            assertThat(id.exitCode()).as(id.stderr()).isZero();
            assertThat(new ObjectMapper().readTree(id.stdout()).path("Arn").asText())
                    .isEqualTo("arn:aws:iam::000000000000:root");
        } finally {
            p.destroy(); // SIGTERM
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
        }
        assertThat(p.exitValue()).isIn(0, 143);

        Process again = start(data);
        try {
            URI endpoint = awaitEndpoint(again, new ArrayList<>());
            AwsCli.Result events = cli.run(endpoint, "cloudtrail", "lookup-events", "--lookup-attributes",
                    "AttributeKey=EventName,AttributeValue=GetCallerIdentity");
            assertThat(events.exitCode()).as(events.stderr()).isZero();
            assertThat(new ObjectMapper().readTree(events.stdout()).path("Events").size()).isPositive();
        } finally {
            again.destroy();
            again.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static Process start(Path data) throws Exception {
        Path script = ROOT.resolve("bin/vigil");
        assertThat(Files.isExecutable(script)).isTrue();
        ProcessBuilder pb = new ProcessBuilder(script.toString(), "serve", "--port", "0", "--data-dir", data.toString())
                .redirectErrorStream(true);
        pb.environment().put("VIGIL_REQUEST_LOG", "OFF");
        // The reactor built vigil-server's jar before this module; a nested Maven build would be slow.
        pb.environment().put("VIGIL_NO_BUILD", "1");
        return pb.start();
    }

    private static URI awaitEndpoint(Process p, List<String> out) throws Exception {
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        URI endpoint = null;
        String line;
        while (System.nanoTime() < deadline && (line = r.readLine()) != null) {
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
