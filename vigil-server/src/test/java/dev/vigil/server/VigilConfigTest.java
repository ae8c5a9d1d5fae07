package dev.vigil.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.server.gateway.AuthMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VigilConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        VigilConfig c = VigilConfig.defaults();
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(4566);
        assertThat(c.ephemeral()).isFalse();
        assertThat(c.dataDir()).isEqualTo(Path.of("./vigil-data"));
        assertThat(c.auth()).isEqualTo(AuthMode.DEV);
        assertThat(c.defaultAccount()).isEqualTo("000000000000");
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheConfigFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("vigil.properties");
        Files.writeString(file, "port=1111\nregion=eu-west-1\nauth=strict\ndefault-account=111111111111\n");
        VigilConfig c = VigilConfig.parse(new String[] {"--port", "3333", "--config", file.toString(), "--ephemeral"},
                Map.of("VIGIL_PORT", "2222", "VIGIL_REGION", "eu-central-1"));
        assertThat(c.port()).isEqualTo(3333);
        assertThat(c.defaultRegion()).isEqualTo("eu-central-1");
        assertThat(c.auth()).isEqualTo(AuthMode.STRICT);
        assertThat(c.defaultAccount()).isEqualTo("111111111111");
        assertThat(c.ephemeral()).isTrue();
    }

    @Test
    void equalsFormAndEnvironmentAccount() {
        VigilConfig c = VigilConfig.parse(new String[] {"--store=jdbc:postgresql://h/db"},
                Map.of("VIGIL_DEFAULT_ACCOUNT", "123456789012"));
        assertThat(c.store()).isEqualTo("jdbc:postgresql://h/db");
        assertThat(c.defaultAccount()).isEqualTo("123456789012");
    }

    @Test
    void badValuesAreExplained() {
        assertThatThrownBy(() -> VigilConfig.parse(new String[] {"--auth", "none"}, Map.of()))
                .hasMessageContaining("--auth must be dev or strict");
        assertThatThrownBy(() -> VigilConfig.parse(new String[] {"--port", "x"}, Map.of()))
                .hasMessageContaining("--port must be a number");
        assertThatThrownBy(() -> VigilConfig.parse(new String[] {"--nope"}, Map.of()))
                .hasMessageContaining("unknown option --nope");
        assertThatThrownBy(() -> VigilConfig.parse(new String[0], Map.of("VIGIL_DEFAULT_ACCOUNT", "12")))
                .hasMessageContaining("12 digits");
    }
}
