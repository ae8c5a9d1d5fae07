package dev.vigil.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.Caller;
import dev.vigil.core.MutableClock;
import dev.vigil.core.RequestContext;
import dev.vigil.core.service.ConditionKeyResolver;
import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.core.spi.DeliveryFailures;
import dev.vigil.core.spi.Interconnect;
import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.TestDatabases;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.TagResourceRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.UntagResourceRequest;

/** The tag condition keys Logs' operations hand the policy engine: aws:RequestTag/k, aws:TagKeys, aws:ResourceTag/k. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogsConditionKeysTest {
    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    static final RequestContext CTX = new RequestContext("r", NOW, "us-east-1", Caller.root("123456789012", "test"),
            "127.0.0.1", null, "logs", "Op");
    static final String ARN = "arn:aws:logs:us-east-1:123456789012:log-group:/tagged";
    JdbcDatabase db;
    ServiceDescriptor descriptor;

    @BeforeAll
    void open() {
        db = TestDatabases.h2Memory("logs");
        MutableClock clock = new MutableClock(NOW);
        LogsProvider logs = new LogsProvider(new JdbcGroupStore(db), new JdbcEventStore(db), new JdbcConfigStore(db),
                new JdbcQueryStore(db), new Interconnect(new DeliveryFailures(clock)), clock, 1);
        logs.createLogGroup(CTX, CreateLogGroupRequest.builder().logGroupName("/tagged").tags(Map.of("team", "obs"))
                .build());
        descriptor = LogsDescriptor.descriptor(logs);
    }

    @AfterAll
    void close() {
        db.close();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    Map<String, List<String>> keys(String operation, SdkPojo request) {
        return ((ConditionKeyResolver) descriptor.operation(operation).conditionKeys()).keys(CTX, request);
    }

    @Test
    void createLogGroupCarriesItsTags() {
        assertThat(keys("CreateLogGroup", CreateLogGroupRequest.builder().logGroupName("/new")
                .tags(Map.of("env", "prod")).build())).containsExactly(Map.entry("aws:RequestTag/env", List.of("prod")),
                Map.entry("aws:TagKeys", List.of("env")));
        assertThat(keys("CreateLogGroup", CreateLogGroupRequest.builder().logGroupName("/new").build())).isEmpty();
    }

    @Test
    void taggingCarriesTheRequestsAndTheGroupsTags() {
        Map<String, List<String>> resource = Map.of("aws:ResourceTag/team", List.of("obs"));
        assertThat(keys("TagResource", TagResourceRequest.builder().resourceArn(ARN).tags(Map.of("env", "prod"))
                .build())).containsAllEntriesOf(resource).containsEntry("aws:RequestTag/env", List.of("prod"))
                .containsEntry("aws:TagKeys", List.of("env"));
        assertThat(keys("TagLogGroup", TagLogGroupRequest.builder().logGroupName("/tagged").tags(Map.of("env", "prod"))
                .build())).containsAllEntriesOf(resource).containsEntry("aws:TagKeys", List.of("env"));
        assertThat(keys("UntagResource", UntagResourceRequest.builder().resourceArn(ARN).tagKeys("team").build()))
                .containsAllEntriesOf(resource).containsEntry("aws:TagKeys", List.of("team"));
        assertThat(keys("UntagLogGroup", UntagLogGroupRequest.builder().logGroupName("/tagged").tags("team").build()))
                .containsAllEntriesOf(resource).containsEntry("aws:TagKeys", List.of("team"));
        assertThat(keys("DeleteLogGroup", DeleteLogGroupRequest.builder().logGroupName("/tagged").build()))
                .isEqualTo(resource);
        assertThat(keys("DeleteLogGroup", DeleteLogGroupRequest.builder().logGroupName("/missing").build())).isEmpty();
    }
}
