package dev.vigil.events.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

/** The Python36 code binding imports in a real python3 and reads (and writes back) an event through its Marshaller. */
class PythonBindingsTest {
    @TempDir
    Path dir;

    @Test
    void aDiscoveredEventSchemaUnmarshalsItsEventInPython() throws Exception {
        JsonNode doc = OpenApiDocs.render((Shape.Obj) ShapeInference.infer(SchemaInferenceTest.json(JavaBindingsTest.EVENT)),
                "com.example.orders", "Order Placed");
        Map<String, String> files = PythonBindings.generate("discovered-schemas", "com.example.orders@OrderPlaced",
                SchemaContent.OPEN_API_3, doc);
        String pkg = "schema/com/example/orders/orderplaced/";
        assertThat(files).containsKeys("schema/__init__.py", pkg + "__init__.py", pkg + "AWSEvent.py",
                pkg + "OrderPlaced.py", pkg + "Customer.py", pkg + "marshaller.py");
        for (Map.Entry<String, String> f : JavaCompilation.unzip(CodeBindingsProvider.zip(files)).entrySet()) {
            Path p = dir.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        Files.writeString(dir.resolve("event.json"), JavaBindingsTest.EVENT.replace('\'', '"'));
        String script = String.join("\n",
                "import json",
                "from schema.com.example.orders.orderplaced.marshaller import Marshaller",
                "e = Marshaller.unmarshall(json.load(open('event.json')), 'AWSEvent')",
                "d = e.detail",
                "print(type(d).__name__, d.order_id, d.class_, d.total, d.count, d.paid, d.customer.address.city,"
                        + " d.lines[0].sku, d.placed_at.isoformat(), e.detail_type)",
                "print(json.dumps(Marshaller.marshall(d.customer), sort_keys=True))");
        List<String> out = python(script);
        assertThat(out).containsExactly(
                "OrderPlaced o-1 gold 12.5 2 True Oslo a 2026-11-30T11:59:00+00:00 Order Placed",
                "{\"address\": {\"city\": \"Oslo\"}, \"name\": \"Ann\"}");
    }

    private List<String> python(String script) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c", script).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException missing) {
            if ("true".equals(System.getenv("CI"))) throw missing; // DESIGN §7: a missing client fails CI
            Assumptions.abort("python3 is not installed");
            throw missing;
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(output).isZero();
        return output.lines().toList();
    }
}
