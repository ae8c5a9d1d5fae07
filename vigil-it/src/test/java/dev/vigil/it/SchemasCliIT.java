package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.testkit.AwsCli;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Schema Registry story of the README with both CLIs (botocore's restJson1, a second client besides the SDK):
 * create-event-bus, create-discoverer, put-events, describe-schema of the discovered schema, put-code-binding and
 * get-code-binding-source writing the zip to a file, a custom registry and schema, search, and an error answer.
 */
class SchemasCliIT extends CliStory.BothClis {
    @Override
    void story(AwsCli cli, String tag, Path dir) throws Exception {
        URI e = vigil.endpoint();
        String bus = ok(cli.run(e, "events", "create-event-bus", "--name", "cli-schemas-" + tag)).path("EventBusArn").asText();
        JsonNode d = ok(cli.run(e, "schemas", "create-discoverer", "--source-arn", bus));
        assertThat(d.path("State").asText()).isEqualTo("STARTED");
        ok(cli.run(e, "events", "put-events", "--entries", "[{\"EventBusName\": \"" + bus + "\", \"Source\": \"cli." + tag
                + "\", \"DetailType\": \"Order Placed\", \"Detail\": \"{\\\"id\\\": \\\"o-1\\\", \\\"total\\\": 250}\"}]"));
        String name = "cli." + tag + "@OrderPlaced";
        JsonNode schema = ok(cli.run(e, "schemas", "describe-schema", "--registry-name", "discovered-schemas",
                "--schema-name", name));
        assertThat(schema.path("SchemaVersion").asText()).isEqualTo("1");
        assertThat(JSON.readTree(schema.path("Content").asText())
                .at("/components/schemas/OrderPlaced/properties/total/type").asText()).isEqualTo("integer");

        assertThat(ok(cli.run(e, "schemas", "put-code-binding", "--registry-name", "discovered-schemas", "--schema-name",
                name, "--language", "Java8")).path("Status").asText()).isEqualTo("CREATE_IN_PROGRESS");
        Path zip = dir.resolve("binding.zip");
        ok(cli.run(e, "schemas", "get-code-binding-source", "--registry-name", "discovered-schemas", "--schema-name",
                name, "--language", "Java8", zip.toString()));
        List<String> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(Files.readAllBytes(zip)))) {
            for (ZipEntry z; (z = in.getNextEntry()) != null; ) entries.add(z.getName());
        }
        assertThat(entries).contains("schema/cli/" + tag + "/orderplaced/OrderPlaced.java",
                "schema/cli/" + tag + "/orderplaced/marshaller/Marshaller.java");

        ok(cli.run(e, "schemas", "create-registry", "--registry-name", "cli-" + tag));
        ok(cli.run(e, "schemas", "create-schema", "--registry-name", "cli-" + tag, "--schema-name", "UserSignedUp",
                "--type", "JSONSchemaDraft4", "--content", "{\"$schema\": \"http://json-schema.org/draft-04/schema#\","
                        + " \"type\": \"object\", \"properties\": {\"id\": {\"type\": \"string\"}}}"));
        assertThat(ok(cli.run(e, "schemas", "search-schemas", "--registry-name", "cli-" + tag, "--keywords", "user"))
                .path("Schemas").get(0).path("SchemaName").asText()).isEqualTo("UserSignedUp");
        AwsCli.Result missing = cli.run(e, "schemas", "describe-registry", "--registry-name", "cli-missing-" + tag);
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.stderr()).contains("NotFoundException").contains("cli-missing-" + tag);
    }
}
