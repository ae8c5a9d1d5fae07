package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testkit.AwsCli;
import dev.vigil.testkit.VigilTestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** What the AWS CLI story tests share: one server per test class and the JSON answer of a call that must succeed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CliStory {
    static final ObjectMapper JSON = new ObjectMapper();
    VigilTestServer vigil;

    @BeforeAll
    void startVigil() {
        vigil = VigilTestServer.start();
    }

    @AfterAll
    void stopVigil() {
        if (vigil != null) vigil.close();
    }

    static JsonNode ok(AwsCli.Result r) throws Exception {
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        return r.stdout().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.stdout());
    }

    /** A story told by both CLIs: Debian's CLI 2.9 and CLI v1, each with its own names ({@code tag}). */
    abstract static class BothClis extends CliStory {
        @Test
        void debianCli(@TempDir Path dir) throws Exception {
            story(Clis.debian(), "deb", dir);
        }

        @Test
        void cliV1(@TempDir Path dir) throws Exception {
            story(Clis.v1(), "v1", dir);
        }

        abstract void story(AwsCli cli, String tag, Path dir) throws Exception;
    }
}
