package dev.vigil.messaging.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.AwsException;
import dev.vigil.messaging.MessageAttribute;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Filter policy matching, table-driven from the examples of AWS's "Amazon SNS message filtering" pages
 * (attribute string/numeric matching, key matching, AND/OR logic, message body filtering).
 */
class FilterPolicyTest {

    /** The example message of the SNS documentation, as message attributes. */
    static final Map<String, MessageAttribute> ATTRIBUTES = attrs(
            "customer_interests", new MessageAttribute("String.Array", "[\"soccer\", \"rugby\", \"hockey\"]", null),
            "store", MessageAttribute.string("example_corp"),
            "event", MessageAttribute.string("order_placed"),
            "price_usd", new MessageAttribute("Number", "210.75", null),
            "encrypted", new MessageAttribute("Binary", null, new byte[] {1}));

    static final String BODY = "{\"store\":\"example_corp\",\"event\":\"order_placed\",\"customer_interests\":"
            + "[\"soccer\",\"rugby\",\"hockey\"],\"price_usd\":210.75,\"source_ip\":\"10.0.0.255\","
            + "\"order\":{\"status\":\"paid\",\"lines\":[{\"sku\":\"A-1\"},{\"sku\":\"B-2\"}]},\"coupon\":null}";

    static Map<String, MessageAttribute> attrs(Object... kv) {
        Map<String, MessageAttribute> m = new TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) m.put((String) kv[i], (MessageAttribute) kv[i + 1]);
        return m;
    }

    static Stream<Arguments> attributeCases() {
        return Stream.of(
                Arguments.of("{\"store\":[\"example_corp\"]}", true),
                Arguments.of("{\"store\":[\"other_corp\"]}", false),
                Arguments.of("{\"customer_interests\":[\"rugby\"]}", true),
                Arguments.of("{\"customer_interests\":[\"baseball\"]}", false),
                Arguments.of("{\"event\":[{\"prefix\":\"order_\"}]}", true),
                Arguments.of("{\"event\":[{\"suffix\":\"_placed\"}]}", true),
                Arguments.of("{\"event\":[{\"equals-ignore-case\":\"ORDER_PLACED\"}]}", true),
                Arguments.of("{\"event\":[{\"anything-but\":[\"order_cancelled\",\"order_failed\"]}]}", true),
                Arguments.of("{\"event\":[{\"anything-but\":\"order_placed\"}]}", false),
                Arguments.of("{\"event\":[{\"anything-but\":{\"prefix\":\"order\"}}]}", false),
                Arguments.of("{\"event\":[{\"anything-but\":{\"suffix\":\"_cancelled\"}}]}", true),
                Arguments.of("{\"missing\":[{\"anything-but\":\"x\"}]}", false),
                Arguments.of("{\"price_usd\":[{\"numeric\":[\">=\",100]}]}", true),
                Arguments.of("{\"price_usd\":[{\"numeric\":[\">\",0,\"<=\",150]}]}", false),
                Arguments.of("{\"price_usd\":[210.75]}", true),
                Arguments.of("{\"price_usd\":[{\"numeric\":[\"=\",210.750]}]}", true),
                Arguments.of("{\"price_usd\":[\"210.75\"]}", false),
                Arguments.of("{\"store\":[{\"numeric\":[\">\",0]}]}", false),
                Arguments.of("{\"store\":[{\"exists\":true}]}", true),
                Arguments.of("{\"encrypted\":[{\"exists\":true}]}", true),
                Arguments.of("{\"coupon\":[{\"exists\":false}]}", true),
                Arguments.of("{\"store\":[{\"exists\":false}]}", false),
                Arguments.of("{\"store\":[\"example_corp\"],\"event\":[\"order_cancelled\"]}", false),
                Arguments.of("{\"store\":[\"other\",\"example_corp\"],\"event\":[\"order_placed\"]}", true),
                Arguments.of("{\"$or\":[{\"store\":[\"other\"]},{\"price_usd\":[{\"numeric\":[\">\",200]}]}]}", true),
                Arguments.of("{\"$or\":[{\"store\":[\"other\"]},{\"event\":[\"x\"]}]}", false),
                Arguments.of("{\"event\":[\"order_placed\"],\"$or\":[{\"store\":[\"other\"]},{\"customer_interests\":[\"hockey\"]}]}", true));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("attributeCases")
    void matchesMessageAttributes(String policy, boolean expected) {
        assertThat(FilterPolicy.parse(policy, false).matchesAttributes(ATTRIBUTES)).isEqualTo(expected);
    }

    static Stream<Arguments> bodyCases() {
        return Stream.of(
                Arguments.of("{\"store\":[\"example_corp\"]}", true),
                Arguments.of("{\"customer_interests\":[\"soccer\"]}", true),
                Arguments.of("{\"price_usd\":[{\"numeric\":[\">\",200]}]}", true),
                Arguments.of("{\"order\":{\"status\":[\"paid\"]}}", true),
                Arguments.of("{\"order\":{\"status\":[\"refunded\"]}}", false),
                Arguments.of("{\"order\":{\"lines\":{\"sku\":[\"B-2\"]}}}", true),
                Arguments.of("{\"order\":{\"lines\":{\"sku\":[\"C-3\"]}}}", false),
                Arguments.of("{\"source_ip\":[{\"cidr\":\"10.0.0.0/24\"}]}", true),
                Arguments.of("{\"source_ip\":[{\"cidr\":\"10.0.1.0/24\"}]}", false),
                Arguments.of("{\"coupon\":[null]}", true),
                Arguments.of("{\"nothing\":{\"here\":[{\"exists\":false}]}}", true),
                Arguments.of("{\"$or\":[{\"order\":{\"status\":[\"x\"]}},{\"store\":[{\"prefix\":\"example\"}]}]}", true));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("bodyCases")
    void matchesMessageBody(String policy, boolean expected) {
        assertThat(FilterPolicy.parse(policy, true).matchesBody(BODY)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCases")
    void rejectsInvalidPolicies(String policy, boolean body, String message) {
        assertThatThrownBy(() -> FilterPolicy.parse(policy, body)).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.code()).isEqualTo("InvalidParameterException");
            assertThat(e.getMessage()).isEqualTo("Invalid parameter: FilterPolicy: " + message);
        });
    }

    static Stream<Arguments> invalidCases() {
        return Stream.of(
                Arguments.of("not json", false, "failed to parse JSON."),
                Arguments.of("{\"a\":[{\"bogus\":1}]}", false, "Unrecognized match type bogus"),
                Arguments.of("{\"a\":{\"b\":[\"c\"]}}", false,
                        "Filter policy scope MessageAttributes does not support nested filter policy"),
                Arguments.of("{\"a\":[1],\"b\":[1],\"c\":[1],\"d\":[1],\"e\":[1],\"f\":[1]}", false,
                        "Filter policy can not have more than 5 keys"),
                Arguments.of("{\"a\":[{\"exists\":\"yes\"}]}", false, "exists match pattern must be either true or false."),
                Arguments.of("{\"a\":[{\"numeric\":[\"~\",1]}]}", false, "Unrecognized numeric range operator: ~"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tooComplex")
    void limitsCombinations(String policy) {
        assertThatThrownBy(() -> FilterPolicy.parse(policy, false)).hasMessageContaining("too complex");
    }

    static Stream<String> tooComplex() {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 16; i++) values.append(i == 0 ? "" : ",").append('"').append(i).append('"');
        return Stream.of("{\"a\":[" + values + "],\"b\":[" + values + "]}");
    }
}
