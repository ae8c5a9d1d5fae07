package dev.vigil.logs.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldDiscoveryTest {
    @Test
    void nestedObjectsUseDotsAndArraysUseIndexes() {
        Map<String, String> f = FieldDiscovery.fields(
                "{\"userIdentity\":{\"type\":\"IAMUser\",\"accountId\":\"123456789012\"},"
                        + "\"requestParameters\":{\"instancesSet\":{\"items\":[{\"instanceId\":\"i-abcde123\"},{\"instanceId\":\"i-2\"}]}},"
                        + "\"tags\":[\"a\",[\"b\",\"c\"]],\"n\":1.50,\"ok\":true,\"none\":null,\"empty\":{},\"list\":[]}");
        assertThat(f).containsExactly(
                Map.entry("userIdentity.type", "IAMUser"),
                Map.entry("userIdentity.accountId", "123456789012"),
                Map.entry("requestParameters.instancesSet.items.0.instanceId", "i-abcde123"),
                Map.entry("requestParameters.instancesSet.items.1.instanceId", "i-2"),
                Map.entry("tags.0", "a"),
                Map.entry("tags.1.0", "b"),
                Map.entry("tags.1.1", "c"),
                Map.entry("n", "1.50"),
                Map.entry("ok", "true"));
    }

    @Test
    void topLevelNamesStartingWithAtGetAnotherAt() {
        assertThat(FieldDiscovery.fields("{\"@example.com\":\"x\",\"a\":{\"@b\":1}}"))
                .containsExactly(Map.entry("@@example.com", "x"), Map.entry("a.@b", "1"));
    }

    @Test
    void atMost200FieldsAreExtracted() {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < 250; i++) b.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        Map<String, String> f = FieldDiscovery.fields(b.append('}').toString());
        assertThat(f).hasSize(200).containsEntry("k199", "199").doesNotContainKey("k200");
    }

    @Test
    void otherMessagesHaveNoFields() {
        assertThat(FieldDiscovery.fields("plain text")).isEmpty();
        assertThat(FieldDiscovery.fields("[1,2]")).isEmpty();
        assertThat(FieldDiscovery.fields("{\"a\":1")).isEmpty();
        assertThat(FieldDiscovery.fields("{\"a\":1} trailing")).isEmpty();
        assertThat(FieldDiscovery.fields("")).isEmpty();
        assertThat(FieldDiscovery.fields(null)).isEmpty();
        assertThat(FieldDiscovery.fields("  {\"a\":\"b\"}  ")).containsExactly(Map.entry("a", "b"));
    }
}
