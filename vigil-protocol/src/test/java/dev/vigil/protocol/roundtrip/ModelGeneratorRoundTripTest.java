package dev.vigil.protocol.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.ram.RamClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The round-trip tests are only as strong as their inputs: every request and response the generator builds
 * for the models under test has every member set (lists of 2, maps of 2), except members it reports cut
 * to stop a recursive shape (none in these models).
 */
class ModelGeneratorRoundTripTest {

    @TestFactory
    Stream<DynamicTest> everyMemberIsSet() {
        return Stream.of(CloudWatchClient.class, SqsClient.class, CloudWatchLogsClient.class, IamClient.class,
                        RamClient.class, StsClient.class)
                .flatMap(c -> RoundTrip.operations(c).stream())
                .flatMap(op -> Stream.of(op.request(), op.response()))
                .map(type -> DynamicTest.dynamicTest(type.getName(), () -> {
                    ModelGenerator g = new ModelGenerator();
                    SdkPojo pojo = g.generate(type);
                    List<String> unset = new ArrayList<>();
                    walk(type.getSimpleName(), pojo, unset);
                    assertThat(unset).as("unset members (cut for recursion: %s)", g.recursionCuts())
                            .hasSameSizeAs(g.recursionCuts());
                }));
    }

    private static void walk(String path, Object v, List<String> unset) {
        if (v instanceof SdkPojo p) {
            for (SdkField<?> f : p.sdkFields()) {
                Object x = f.getValueOrDefault(p);
                String at = path + "." + f.memberName();
                if (x == null || x instanceof SdkAutoConstructList || x instanceof SdkAutoConstructMap) unset.add(at);
                else walk(at, x, unset);
            }
        } else if (v instanceof Collection<?> c) {
            if (c.size() != 2) unset.add(path + " has " + c.size() + " elements");
            int i = 0;
            for (Object e : c) walk(path + "[" + i++ + "]", e, unset);
        } else if (v instanceof Map<?, ?> m) {
            // 2 entries, or 1 where the keys are an enum with a single value (SQS MessageSystemAttributes)
            if (m.isEmpty() || m.size() > 2) unset.add(path + " has " + m.size() + " entries");
            m.forEach((k, e) -> walk(path + "{" + k + "}", e, unset));
        }
    }
}
