package dev.vigil.events.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Go1 code binding builds with the Go toolchain and reads (and writes back) an event; skipped without {@code go}. */
class GoBindingsTest {
    @TempDir
    Path dir;

    static String go() {
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(p, "go");
            if (f.canExecute()) return f.getPath();
        }
        return null;
    }

    @Test
    void aDiscoveredEventSchemaBuildsAndUnmarshalsInGo() throws Exception {
        String go = go();
        Assumptions.assumeTrue(go != null, "no Go toolchain on PATH");
        JsonNode doc = OpenApiDocs.render((Shape.Obj) ShapeInference.infer(SchemaInferenceTest.json(JavaBindingsTest.EVENT)),
                "com.example.orders", "Order Placed");
        Map<String, String> files = GoBindings.generate("discovered-schemas", "com.example.orders@OrderPlaced",
                SchemaContent.OPEN_API_3, doc);
        String pkg = "schema/com/example/orders/orderplaced/";
        assertThat(files).containsKeys(pkg + "AWSEvent.go", pkg + "OrderPlaced.go", pkg + "Customer.go",
                pkg + "marshaller.go");
        for (Map.Entry<String, String> f : JavaCompilation.unzip(CodeBindingsProvider.zip(files)).entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        Files.writeString(dir.resolve("go.mod"), "module bindingtest\n\ngo 1.16\n");
        Files.writeString(dir.resolve("event.json"), JavaBindingsTest.EVENT.replace('\'', '"'));
        Files.writeString(dir.resolve("main.go"), String.join("\n",
                "package main",
                "",
                "import (",
                "\t\"fmt\"",
                "\t\"io/ioutil\"",
                "\t\"time\"",
                "",
                "\top \"bindingtest/schema/com/example/orders/orderplaced\"",
                ")",
                "",
                "func main() {",
                "\tdata, err := ioutil.ReadFile(\"event.json\")",
                "\tif err != nil {",
                "\t\tpanic(err)",
                "\t}",
                "\te, err := op.UnmarshalEvent(data)",
                "\tif err != nil {",
                "\t\tpanic(err)",
                "\t}",
                "\td := e.Detail",
                "\tfmt.Println(d.OrderId, d.Class, d.Total, d.Count, d.Paid, d.Customer.Address.City, d.Lines[0].Sku,",
                "\t\td.PlacedAt.UTC().Format(time.RFC3339), e.DetailType)",
                "\tout, _ := op.Marshal(d.Customer)",
                "\tfmt.Println(string(out))",
                "}",
                ""));
        assertThat(run(List.of(go, "run", "."))).containsExactly(
                "o-1 gold 12.5 2 true Oslo a 2026-11-30T11:59:00Z Order Placed",
                "{\"address\":{\"city\":\"Oslo\"},\"name\":\"Ann\"}");
    }

    private List<String> run(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("GOCACHE", dir.resolve(".gocache").toString());
        pb.environment().put("GOPATH", dir.resolve(".gopath").toString());
        pb.environment().put("GOFLAGS", "-mod=mod");
        pb.environment().put("GOPROXY", "off");
        Process p = pb.start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("%s:\n%s", cmd, output).isZero();
        return output.lines().toList();
    }
}
