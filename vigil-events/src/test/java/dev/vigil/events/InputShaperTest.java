package dev.vigil.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Input, InputPath and InputTransformer, with the examples of AWS's "input transformation" documentation. */
class InputShaperTest {
    static final String EVENT = "{\"version\": \"0\", \"id\": \"7bf73129-1428-4cd3-a780-95db273d1602\","
            + " \"detail-type\": \"EC2 Instance State-change Notification\", \"source\": \"aws.ec2\","
            + " \"account\": \"123456789012\", \"time\": \"2015-11-11T21:29:54Z\", \"region\": \"us-east-1\","
            + " \"resources\": [\"arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111\"],"
            + " \"detail\": {\"instance-id\": \"i-0123456789\", \"state\": \"RUNNING\", \"count\": 3,"
            + " \"tags\": {\"a\": \"b\"}, \"note\": \"say \\\"hi\\\"\"}}";
    static final Map<String, String> PATHS = Map.of("instance", "$.detail.instance-id", "state", "$.detail.state",
            "count", "$.detail.count", "tags", "$.detail.tags", "note", "$.detail.note", "missing", "$.detail.nope",
            "firstResource", "$.resources[0]");
    static final String RULE_ARN = "arn:aws:events:us-east-1:123456789012:rule/r";

    private static String transform(String template) {
        RuleTarget t = new RuleTarget("t", "arn:aws:sqs:us-east-1:123456789012:q", null, null, null, PATHS, template,
                null, null, null);
        return InputShaper.shape(t, read(EVENT), EVENT, RULE_ARN, "r", "2015-11-11T21:29:55Z");
    }

    static Stream<Arguments> templates() {
        return Stream.of(
                // AWS's examples: strings, arrays and objects, placeholders in quotes or not
                Arguments.of("\"instance <instance> is in <state>\"", "\"instance i-0123456789 is in RUNNING\""),
                Arguments.of("[\"instance <instance> is in <state>\"]", "[\"instance i-0123456789 is in RUNNING\"]"),
                Arguments.of("{\"instance\" : <instance>, \"state\": <state>}",
                        "{\"instance\" : \"i-0123456789\", \"state\": \"RUNNING\"}"),
                Arguments.of("{\"instance\" : \"<instance>\", \"state\": \"<state>\"}",
                        "{\"instance\" : \"i-0123456789\", \"state\": \"RUNNING\"}"),
                Arguments.of("<instance> is in state <state>", "i-0123456789 is in state RUNNING"),
                Arguments.of("{\"myInstance\": <instance>,\"myStatus\": \"<instance> is in state \\\"<state>\\\"\"}",
                        "{\"myInstance\": \"i-0123456789\",\"myStatus\": \"i-0123456789 is in state \\\"RUNNING\\\"\"}"),
                // numbers and objects keep their JSON outside quotes, become escaped text inside
                Arguments.of("{\"n\": <count>, \"t\": <tags>}", "{\"n\": 3, \"t\": {\"a\":\"b\"}}"),
                Arguments.of("{\"t\": \"tags <tags>\"}", "{\"t\": \"tags {\\\"a\\\":\\\"b\\\"}\"}"),
                Arguments.of("{\"note\": \"<note>\"}", "{\"note\": \"say \\\"hi\\\"\"}"),
                // a path with no value: null outside quotes, empty inside
                Arguments.of("{\"m\": <missing>, \"s\": \"<missing>\"}", "{\"m\": null, \"s\": \"\"}"),
                Arguments.of("{\"r\": <firstResource>}", "{\"r\": \"arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111\"}"),
                // predefined variables
                Arguments.of("{\"rule\": <aws.events.rule-arn>, \"name\": \"<aws.events.rule-name>\","
                        + " \"at\": <aws.events.event.ingestion-time>}",
                        "{\"rule\": \"" + RULE_ARN + "\", \"name\": \"r\", \"at\": \"2015-11-11T21:29:55Z\"}"),
                // an unknown placeholder is left as written
                Arguments.of("{\"x\": \"<unknown>\"}", "{\"x\": \"<unknown>\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void documentedTemplates(String template, String expected) {
        assertThat(transform(template)).isEqualTo(expected);
    }

    @Test
    void wholeEventVariables() {
        JsonNode json = read(transform("{\"e\": <aws.events.event.json>}")).get("e");
        assertThat(json.get("detail").get("state").asText()).isEqualTo("RUNNING");
        JsonNode noDetail = read(transform("{\"e\": <aws.events.event>}")).get("e");
        assertThat(noDetail.has("detail")).isFalse();
        assertThat(noDetail.get("source").asText()).isEqualTo("aws.ec2");
    }

    @Test
    void inputAndInputPath() {
        RuleTarget constant = new RuleTarget("t", "arn", null, "{\"fixed\": true}", null, null, null, null, null, null);
        assertThat(InputShaper.shape(constant, read(EVENT), EVENT, RULE_ARN, "r", "x")).isEqualTo("{\"fixed\": true}");
        RuleTarget path = new RuleTarget("t", "arn", null, null, "$.detail.tags", null, null, null, null, null);
        assertThat(InputShaper.shape(path, read(EVENT), EVENT, RULE_ARN, "r", "x")).isEqualTo("{\"a\":\"b\"}");
        RuleTarget whole = new RuleTarget("t", "arn", null, null, null, null, null, null, null, null);
        assertThat(InputShaper.shape(whole, read(EVENT), EVENT, RULE_ARN, "r", "x")).isEqualTo(EVENT);
        assertThat(InputShaper.validPath("$.detail.instance-id")).isTrue();
        assertThat(InputShaper.validPath("$.resources[0]")).isTrue();
        assertThat(InputShaper.validPath("detail")).isFalse();
        assertThat(InputShaper.validPath("$..x")).isFalse();
    }

    private static JsonNode read(String json) {
        try {
            return EventEnvelope.JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(json, e);
        }
    }
}
