package dev.vigil.events.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TypeScript3 code binding compiles with {@code tsc --strict} and reads (and writes back) an event in node.
 * Needs a TypeScript compiler: {@code tsc} on PATH or {@code VIGIL_TSC} (e.g. from {@code npm i typescript@5});
 * skipped without one.
 */
class TypeScriptBindingsTest {
    @TempDir
    Path dir;

    static String tsc() {
        String env = System.getenv("VIGIL_TSC");
        if (env != null && new File(env).canExecute()) return env;
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(p, "tsc");
            if (f.canExecute()) return f.getPath();
        }
        return null;
    }

    @Test
    void aDiscoveredEventSchemaCompilesAndUnmarshalsInNode() throws Exception {
        String tsc = tsc();
        Assumptions.assumeTrue(tsc != null, "no TypeScript compiler (tsc on PATH or VIGIL_TSC)");
        JsonNode doc = OpenApiDocs.render((Shape.Obj) ShapeInference.infer(SchemaInferenceTest.json(JavaBindingsTest.EVENT)),
                "com.example.orders", "Order Placed");
        Map<String, String> files = TypeScriptBindings.generate("discovered-schemas", "com.example.orders@OrderPlaced",
                SchemaContent.OPEN_API_3, doc);
        String pkg = "schema/com/example/orders/orderplaced/";
        assertThat(files).containsKeys(pkg + "AWSEvent.ts", pkg + "OrderPlaced.ts", pkg + "Customer.ts",
                pkg + "Marshaller.ts");
        List<String> cmd = new ArrayList<>(List.of(tsc, "--strict", "--target", "es2017", "--module", "commonjs",
                "--outDir", "out"));
        for (Map.Entry<String, String> f : JavaCompilation.unzip(CodeBindingsProvider.zip(files)).entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
            cmd.add(f.getKey());
        }
        run(cmd);
        Files.writeString(dir.resolve("event.json"), JavaBindingsTest.EVENT.replace('\'', '"'));
        String script = String.join("\n",
                "const { Marshaller } = require('./out/Marshaller.js');",
                "const e = Marshaller.unMarshallEvent(require('./event.json'));",
                "const d = e.detail;",
                "console.log([d.constructor.name, d.orderId, d['class'], d.total, d.paid, d.customer.address.city,"
                        + " d.lines[0].sku, d.placedAt.toISOString(), e.detailType].join(' '));",
                "console.log(JSON.stringify(Marshaller.marshall(d.customer, 'Customer')));");
        Files.writeString(dir.resolve("check.js"), script);
        assertThat(run(List.of("node", "check.js"))).containsExactly(
                "OrderPlaced o-1 gold 12.5 true Oslo a 2026-11-30T11:59:00.000Z Order Placed",
                "{\"address\":{\"city\":\"Oslo\"},\"name\":\"Ann\"}");
    }

    private List<String> run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("%s:\n%s", cmd, output).isZero();
        return output.lines().toList();
    }
}
