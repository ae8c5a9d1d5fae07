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

    @Test
    void lambdaPlatformLines() {
        assertThat(FieldDiscovery.fields("START RequestId: 8f5a3c1e-1111-2222-3333-444455556666 Version: $LATEST\n"))
                .containsExactly(Map.entry("@type", "START"), Map.entry("@requestId", "8f5a3c1e-1111-2222-3333-444455556666"));
        assertThat(FieldDiscovery.fields("REPORT RequestId: 8f5a3c1e-1111-2222-3333-444455556666\tDuration: 102.25 ms\t"
                + "Billed Duration: 103 ms\tMemory Size: 128 MB\tMax Memory Used: 74 MB\tInit Duration: 150.07 ms\t\n"
                + "XRAY TraceId: 1-5e1b4151-5ac6c58f5f8c3d1e2a3b4c5d\tSegmentId: 6f1e2d3c4b5a6978\tSampled: true\n"))
                .containsOnly(
                        Map.entry("@type", "REPORT"),
                        Map.entry("@requestId", "8f5a3c1e-1111-2222-3333-444455556666"),
                        Map.entry("@duration", "102.25"),
                        Map.entry("@billedDuration", "103"),
                        Map.entry("@memorySize", "128000000"),
                        Map.entry("@maxMemoryUsed", "74000000"),
                        Map.entry("@initDuration", "150.07"),
                        Map.entry("@xrayTraceId", "1-5e1b4151-5ac6c58f5f8c3d1e2a3b4c5d"),
                        Map.entry("@xraySegmentId", "6f1e2d3c4b5a6978"));
    }

    @Test
    void lambdaRuntimeLinesGiveTheRequestIdAndTheFirstJsonFragment() {
        assertThat(FieldDiscovery.fields("2024-03-01T10:00:00.123Z\tc7c37296-80a4-4e90-bd89-e89139b9b1d1\tINFO\t"
                + "order {\"id\":7,\"total\":9.5} then {\"x\":1}"))
                .containsExactly(Map.entry("@requestId", "c7c37296-80a4-4e90-bd89-e89139b9b1d1"),
                        Map.entry("id", "7"), Map.entry("total", "9.5"));
        assertThat(FieldDiscovery.fields("[DEBUG]\t2022-05-01T12:00:40.919Z\tc7c37296-80a4-4e90-bd89-e89139b9b1d1\tMaking request"))
                .containsExactly(Map.entry("@requestId", "c7c37296-80a4-4e90-bd89-e89139b9b1d1"));
        assertThat(FieldDiscovery.fields("2024-03-01T10:00:00Z\tnot-a-request-id\tINFO\t{\"a\":1}")).isEmpty();
    }

    @Test
    void vpcFlowLogLines() {
        assertThat(FieldDiscovery.fields(
                "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK"))
                .containsExactly(
                        Map.entry("version", "2"), Map.entry("accountId", "123456789010"),
                        Map.entry("interfaceId", "eni-1235b8ca123456789"), Map.entry("srcAddr", "172.31.16.139"),
                        Map.entry("dstAddr", "172.31.16.21"), Map.entry("srcPort", "20641"), Map.entry("dstPort", "22"),
                        Map.entry("protocol", "6"), Map.entry("packets", "20"), Map.entry("bytes", "4249"),
                        Map.entry("startTime", "1418530010"), Map.entry("endTime", "1418530070"),
                        Map.entry("action", "ACCEPT"), Map.entry("logStatus", "OK"));
        assertThat(FieldDiscovery.fields("2 123456789010 eni-1a2b3c4d - - - - - - - 1431280876 1431280934 - NODATA"))
                .containsOnly(Map.entry("version", "2"), Map.entry("accountId", "123456789010"),
                        Map.entry("interfaceId", "eni-1a2b3c4d"), Map.entry("startTime", "1431280876"),
                        Map.entry("endTime", "1431280934"), Map.entry("logStatus", "NODATA"));
    }

    @Test
    void route53QueryLogLines() {
        assertThat(FieldDiscovery.fields("1.0 2017-12-13T08:15:50.235Z Z123412341234 example.com AAAA NOERROR TCP IAD12 192.0.2.129 -"))
                .containsExactly(
                        Map.entry("version", "1.0"), Map.entry("queryTimestamp", "2017-12-13T08:15:50.235Z"),
                        Map.entry("hostZoneId", "Z123412341234"), Map.entry("queryName", "example.com"),
                        Map.entry("queryType", "AAAA"), Map.entry("responseCode", "NOERROR"),
                        Map.entry("protocol", "TCP"), Map.entry("edgeLocation", "IAD12"),
                        Map.entry("resolverIp", "192.0.2.129"));
        assertThat(FieldDiscovery.fields("1 2 3 4 5 6 7 8 9 10")).isEmpty();
    }
}
