package dev.vigil.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.AwsException;
import dev.vigil.core.Caller;
import dev.vigil.core.RequestContext;
import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;
import java.time.Clock;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.eventbridge.model.TestEventPatternRequest;

/**
 * The event-pattern examples of AWS's EventBridge documentation ("Event patterns", "Content filtering", including
 * its negative examples) through TestEventPattern: each pattern against the documentation's events, with the result
 * the documentation gives.
 */
class EventPatternTest {
    private static JdbcDatabase db;
    private static EventsProvider provider;
    private static TargetsProvider targets;
    private static Dispatcher dispatcher;
    /** The documentation's events are from account 111122223333 in us-west-1: rules there see them. */
    private static final RequestContext OWNER = new RequestContext("r", Instant.EPOCH, "us-west-1",
            Caller.root("111122223333", "AKIDEXAMPLE"), "127.0.0.1", null, "events", "PutRule");
    private static final RequestContext CTX = new RequestContext("r", Instant.EPOCH, "us-east-1",
            Caller.root("123456789012", "AKIDEXAMPLE"), "127.0.0.1", null, "events", "TestEventPattern");

    /** The EC2 state-change event the documentation filters, with a detail of its own per example. */
    static String event(String detail) {
        return "{\"version\": \"0\", \"id\": \"6a7e8feb-b491-4cf7-a9f1-bf3703467718\","
                + " \"detail-type\": \"EC2 Instance State-change Notification\", \"source\": \"aws.ec2\","
                + " \"account\": \"111122223333\", \"time\": \"2017-12-22T18:43:48Z\", \"region\": \"us-west-1\","
                + " \"resources\": [\"arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0\"],"
                + " \"detail\": " + detail + "}";
    }

    static final String EC2 = event("{\"instance-id\": \"i-1234567890abcdef0\", \"state\": \"terminated\"}");
    static final String COUNTS = event("{\"c-count\": 5, \"d-count\": 7, \"x-limit\": 301.8}");

    static Stream<Arguments> examples() {
        return Stream.of(
                // Event patterns: matching on envelope fields and detail values
                row("{\"source\": [\"aws.ec2\"]}", EC2, true),
                row("{\"source\": [\"aws.s3\"]}", EC2, false),
                row("{\"source\": [\"aws.ec2\"], \"detail-type\": [\"EC2 Instance State-change Notification\"]}", EC2, true),
                row("{\"detail\": {\"state\": [\"running\", \"terminated\"]}}", EC2, true),
                row("{\"detail\": {\"state\": [\"running\"]}}", EC2, false),
                row("{\"source\": [\"aws.ec2\"], \"detail\": {\"state\": [\"stopped\"]}}", EC2, false),
                // Arrays: a pattern value matches when it matches any element
                row("{\"resources\": [\"arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f\","
                        + " \"arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0\"]}", EC2, true),
                row("{\"resources\": [\"arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f\"]}", EC2, false),
                // Null and empty values
                row("{\"detail\": {\"responseElements\": [null]}}", event("{\"responseElements\": null}"), true),
                row("{\"detail\": {\"eventVersion\": [\"\"]}}", event("{\"eventVersion\": \"\"}"), true),
                row("{\"detail\": {\"eventVersion\": [\"\"]}}", event("{\"eventVersion\": \"1.0\"}"), false),
                // Prefix
                row("{\"time\": [{\"prefix\": \"2017-12-22\"}]}", EC2, true),
                row("{\"time\": [{\"prefix\": \"2017-10-02\"}]}", EC2, false),
                row("{\"detail\": {\"state\": [{\"prefix\": {\"equals-ignore-case\": \"TERM\"}}]}}", EC2, true),
                // Suffix
                row("{\"detail\": {\"FileName\": [{\"suffix\": \".png\"}]}}", event("{\"FileName\": \"photo.png\"}"), true),
                row("{\"detail\": {\"FileName\": [{\"suffix\": \".png\"}]}}", event("{\"FileName\": \"photo.jpg\"}"), false),
                row("{\"detail\": {\"FileName\": [{\"suffix\": {\"equals-ignore-case\": \".png\"}}]}}",
                        event("{\"FileName\": \"photo.PNG\"}"), true),
                // Anything-but
                row("{\"detail\": {\"state\": [{\"anything-but\": \"initializing\"}]}}", EC2, true),
                row("{\"detail\": {\"state\": [{\"anything-but\": \"terminated\"}]}}", EC2, false),
                row("{\"detail\": {\"state\": [{\"anything-but\": [\"stopped\", \"overloaded\"]}]}}", EC2, true),
                row("{\"detail\": {\"state\": [{\"anything-but\": [\"stopped\", \"terminated\"]}]}}", EC2, false),
                row("{\"detail\": {\"x-limit\": [{\"anything-but\": 123}]}}", COUNTS, true),
                row("{\"detail\": {\"x-limit\": [{\"anything-but\": [100, 200, 301.8]}]}}", COUNTS, false),
                row("{\"detail\": {\"state\": [{\"anything-but\": {\"prefix\": \"init\"}}]}}", EC2, true),
                row("{\"detail\": {\"state\": [{\"anything-but\": {\"prefix\": \"term\"}}]}}", EC2, false),
                row("{\"detail\": {\"FileName\": [{\"anything-but\": {\"suffix\": \".txt\"}}]}}",
                        event("{\"FileName\": \"notes.txt\"}"), false),
                row("{\"detail\": {\"state\": [{\"anything-but\": {\"equals-ignore-case\": [\"Stopped\", \"OverLoaded\"]}}]}}",
                        EC2, true),
                row("{\"detail\": {\"state\": [{\"anything-but\": {\"equals-ignore-case\": [\"Stopped\", \"TERMINATED\"]}}]}}",
                        EC2, false),
                // Numeric
                row("{\"detail\": {\"c-count\": [{\"numeric\": [\">\", 0, \"<=\", 5]}], \"d-count\": [{\"numeric\": [\"<\", 10]}],"
                        + " \"x-limit\": [{\"numeric\": [\"=\", 3.018e2]}]}}", COUNTS, true),
                row("{\"detail\": {\"c-count\": [{\"numeric\": [\">\", 5]}]}}", COUNTS, false),
                row("{\"detail\": {\"d-count\": [{\"numeric\": [\">=\", 7, \"<\", 8]}]}}", COUNTS, true),
                // IP address (cidr)
                row("{\"detail\": {\"sourceIPAddress\": [{\"cidr\": \"10.0.0.0/24\"}]}}",
                        event("{\"sourceIPAddress\": \"10.0.0.255\"}"), true),
                row("{\"detail\": {\"sourceIPAddress\": [{\"cidr\": \"10.0.0.0/24\"}]}}",
                        event("{\"sourceIPAddress\": \"10.0.1.1\"}"), false),
                // Exists
                row("{\"detail\": {\"state\": [{\"exists\": true}]}}", EC2, true),
                row("{\"detail\": {\"c-count\": [{\"exists\": false}]}}", EC2, true),
                row("{\"detail\": {\"state\": [{\"exists\": false}]}}", EC2, false),
                row("{\"detail\": {\"c-count\": [{\"exists\": true}]}}", EC2, false),
                // Equals-ignore-case
                row("{\"detail-type\": [{\"equals-ignore-case\": \"ec2 instance state-change notification\"}]}", EC2, true),
                row("{\"detail-type\": [{\"equals-ignore-case\": \"ec2 instance state notification\"}]}", EC2, false),
                // Wildcard
                row("{\"detail\": {\"EventBusArn\": [{\"wildcard\": \"arn:aws:events:us-east-1:*:event-bus/*\"}]}}",
                        event("{\"EventBusArn\": \"arn:aws:events:us-east-1:123456789012:event-bus/orders\"}"), true),
                row("{\"detail\": {\"EventBusArn\": [{\"wildcard\": \"arn:aws:events:us-east-1:*:event-bus/*\"}]}}",
                        event("{\"EventBusArn\": \"arn:aws:events:eu-west-1:123456789012:event-bus/orders\"}"), false),
                // $or
                row("{\"detail\": {\"$or\": [{\"c-count\": [{\"numeric\": [\">\", 0, \"<=\", 5]}]},"
                        + " {\"d-count\": [{\"numeric\": [\"<\", 10]}]}, {\"x-limit\": [{\"numeric\": [\"=\", 3.018e2]}]}]}}",
                        COUNTS, true),
                row("{\"source\": [\"aws.ec2\"], \"$or\": [{\"detail-type\": [\"Foo\"]}, {\"detail\": {\"state\": [\"terminated\"]}}]}",
                        EC2, true),
                row("{\"$or\": [{\"detail-type\": [\"Foo\"]}, {\"detail\": {\"state\": [\"running\"]}}]}", EC2, false));
    }

    private static Arguments row(String pattern, String event, boolean matches) {
        return Arguments.of(pattern, event, matches);
    }

    @BeforeAll
    static void open() {
        db = TestDatabases.h2Memory("events");
        JdbcEventsRepository repo = new JdbcEventsRepository(db);
        RuleMachines machines = new RuleMachines(repo, Clock.systemUTC());
        provider = new EventsProvider(repo, machines, Clock.systemUTC());
        targets = new TargetsProvider(repo, machines);
        dispatcher = new Dispatcher(machines, new dev.vigil.core.spi.DeliveryFailures(Clock.systemUTC()));
    }

    @AfterAll
    static void close() { db.close(); }

    private static boolean test(String pattern, String event) {
        return provider.testEventPattern(CTX, TestEventPatternRequest.builder().eventPattern(pattern).event(event).build())
                .result();
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("examples")
    void documentedExamples(String pattern, String event, boolean matches) {
        assertThat(test(pattern, event)).isEqualTo(matches);
    }

    /** The same examples through a rule on the default bus: the bus's compiled machine decides the deliveries. */
    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("examples")
    void documentedExamplesThroughDelivery(String pattern, String event, boolean matches) throws Exception {
        provider.putRule(OWNER, software.amazon.awssdk.services.eventbridge.model.PutRuleRequest.builder().name("doc")
                .eventPattern(pattern).build());
        targets.putTargets(OWNER, software.amazon.awssdk.services.eventbridge.model.PutTargetsRequest.builder().rule("doc")
                .targets(t -> t.id("q").arn("arn:aws:sqs:us-west-1:111122223333:q")).build());
        var node = EventEnvelope.JSON.readTree(event);
        var out = dispatcher.route("111122223333", "us-west-1", "default", node, event, Instant.now());
        assertThat(out).hasSize(matches ? 1 : 0);
        if (matches) assertThat(out.get(0).body()).isEqualTo(event);
    }

    static Stream<Arguments> invalidPatterns() {
        return Stream.of(
                Arguments.of("{\"detail\": {\"state\": \"running\"}}"),          // a leaf must be an array
                Arguments.of("{\"source\": [\"aws.health\"], \"detail\": {}}"),    // empty objects are not allowed
                Arguments.of("[\"aws.ec2\"]"),                                      // not an object
                Arguments.of("{\"source\": [{\"prefix\": 5}]}"),                   // prefix must be a string
                Arguments.of("{\"detail\": {\"c\": [{\"numeric\": [\">\", \"a\"]}]}}"),
                Arguments.of("{\"detail\": {\"ip\": [{\"cidr\": \"bad\"}]}}"),
                Arguments.of("{\"source\": [\"aws.ec2\""));                         // not JSON
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPatterns")
    void invalidPatternsAreRefusedWithAwsWording(String pattern) {
        assertThatThrownBy(() -> test(pattern, EC2)).isInstanceOf(AwsException.class)
                .hasMessageStartingWith("Event pattern is not valid. Reason: ")
                .extracting(e -> ((AwsException) e).code()).isEqualTo("InvalidEventPatternException");
    }

    @Test
    void reasonsAreEventRulersWithTheirSourceLocation() {
        assertThatThrownBy(() -> test("{\"source\": \"x\"}", EC2)).hasMessage("Event pattern is not valid. Reason: "
                + "\"source\" must be an object or an array\n at [Source: (String)\"{\"source\": \"x\"}\"; line: 1, column: 13]");
        assertThatThrownBy(() -> test("{\"source\": [\"aws.health\"], \"detail\": {}}", EC2)).hasMessage(
                "Event pattern is not valid. Reason: Empty objects are not allowed\n at [Source: (String)\"{\"source\":"
                        + " [\"aws.health\"], \"detail\": {}}\"; line: 1, column: 40]");
    }

    @Test
    void theTestEventNeedsEveryEnvelopeField() {
        for (String field : new String[] {"id", "account", "source", "time", "region", "resources", "detail-type"}) {
            String broken = EC2.replace("\"" + field + "\":", "\"x-" + field + "\":");
            assertThatThrownBy(() -> test("{\"source\": [\"aws.ec2\"]}", broken)).as(field)
                    .isInstanceOf(AwsException.class).hasMessage("Parameter Event is not valid.")
                    .extracting(e -> ((AwsException) e).code()).isEqualTo("ValidationException");
        }
        assertThatThrownBy(() -> test("{\"source\": [\"aws.ec2\"]}", "not json")).hasMessage("Parameter Event is not valid.");
    }
}
