package dev.vigil.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded H2 file store (the default), plus durability. */
class H2FileStoreTest extends StoreContract {

    @TempDir
    Path dataDir;

    @Override
    protected JdbcDatabase openFresh() {
        return JdbcDatabase.open(StoreSpec.h2File(dataDir));
    }

    @Test
    void describesTheFile() {
        assertThat(db.describe()).isEqualTo("h2:file:" + dataDir.toAbsolutePath().normalize().resolve("vigil"));
        assertThat(dataDir.resolve("vigil.mv.db")).exists();
    }

    @Test
    void committedDataSurvivesCloseAndReopen() {
        db.migrate("contract_a");
        insertKv("a", "1");
        jdbc.batch("INSERT INTO contract_kv (account, key, value, updated_at) VALUES ('111111111111', ?, ?, 0)",
                List.of(new Object[] {"b", "2"}, new Object[] {"c", "3"}));
        db.close();

        db = openFresh();
        jdbc = db.jdbc();
        db.migrate("contract_a");
        assertThat(jdbc.query("SELECT key, value FROM contract_kv ORDER BY key", rs -> rs.getString(1) + rs.getString(2)))
                .containsExactly("a1", "b2", "c3");
    }

    /**
     * The DESIGN §4 promise: a write that was acknowledged survives a crash. A child JVM commits rows
     * one by one, printing each key once its commit returned; we SIGKILL it mid-stream and every
     * printed key must be in the file.
     */
    @Test
    void acknowledgedWritesSurviveAKill() throws Exception {
        db.close();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", classpath, CrashWriter.class.getName(), dataDir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        // If the child hangs, killing it through the Process closes our pipe and readLine fails.
        CompletableFuture.delayedExecutor(120, TimeUnit.SECONDS).execute(child::destroyForcibly);
        Set<String> acknowledged = new HashSet<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                acknowledged.add(line);
                if (acknowledged.size() == 300) child.toHandle().destroyForcibly(); // SIGKILL, no hooks; the handle leaves our pipe open to drain
            }
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);
        assertThat(Files.exists(dataDir.resolve("vigil.mv.db"))).isTrue();

        db = openFresh();
        jdbc = db.jdbc();
        Set<String> stored = new HashSet<>(jdbc.query("SELECT key FROM contract_kv", rs -> rs.getString(1)));
        assertThat(stored).containsAll(acknowledged);
    }
}
