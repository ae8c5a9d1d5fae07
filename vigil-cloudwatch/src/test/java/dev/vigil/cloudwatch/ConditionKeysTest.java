package dev.vigil.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cloudwatch.alarms.AlarmsProvider;
import dev.vigil.cloudwatch.alarms.AlarmTransitions;
import dev.vigil.cloudwatch.alarms.JdbcAlarmRepository;
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
import software.amazon.awssdk.services.cloudwatch.model.PutCompositeAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutDashboardRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.Tag;
import software.amazon.awssdk.services.cloudwatch.model.TagResourceRequest;
import software.amazon.awssdk.services.cloudwatch.model.UntagResourceRequest;

/**
 * The condition keys CloudWatch's operations hand the policy engine (Service Authorization Reference for
 * CloudWatch): cloudwatch:namespace, aws:RequestTag/k, aws:TagKeys, cloudwatch:AlarmActions, aws:ResourceTag/k.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConditionKeysTest {
    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    static final RequestContext CTX = new RequestContext("r", NOW, "us-east-1", Caller.root("123456789012", "test"),
            "127.0.0.1", null, "monitoring", "Op");
    JdbcDatabase db;
    ServiceDescriptor descriptor;
    CloudWatchProvider cw;

    @BeforeAll
    void open() {
        db = TestDatabases.h2Memory("cloudwatch");
        MutableClock clock = new MutableClock(NOW);
        JdbcMetricRepository metrics = new JdbcMetricRepository(db);
        JdbcAlarmRepository alarms = new JdbcAlarmRepository(db);
        cw = new CloudWatchProvider(metrics, new JdbcDashboardRepository(db), alarms, clock);
        AlarmMetricSource source = new AlarmMetricSource(metrics, clock);
        AlarmTransitions transitions = new AlarmTransitions(alarms, new Interconnect(new DeliveryFailures(clock)), clock);
        descriptor = CloudWatchDescriptor.descriptor(cw, new AlarmsProvider(alarms, source, transitions, clock));
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
    void putMetricDataNamesItsNamespace() {
        assertThat(keys("PutMetricData", PutMetricDataRequest.builder().namespace("App").build()))
                .containsExactly(Map.entry("cloudwatch:namespace", List.of("App")));
    }

    @Test
    void alarmsCarryTheirTagsAndActions() {
        Tag team = Tag.builder().key("team").value("obs").build();
        assertThat(keys("PutMetricAlarm", PutMetricAlarmRequest.builder().alarmName("a").tags(team)
                .alarmActions("arn:aws:sns:us-east-1:123456789012:ops").okActions("arn:aws:sns:us-east-1:123456789012:ok")
                .build())).containsExactly(Map.entry("aws:RequestTag/team", List.of("obs")),
                Map.entry("aws:TagKeys", List.of("team")), Map.entry("cloudwatch:AlarmActions",
                        List.of("arn:aws:sns:us-east-1:123456789012:ops", "arn:aws:sns:us-east-1:123456789012:ok")));
        assertThat(keys("PutCompositeAlarm", PutCompositeAlarmRequest.builder().alarmName("c").build())).isEmpty();
    }

    @Test
    void dashboardsCarryRequestAndResourceTags() {
        Tag env = Tag.builder().key("env").value("prod").build();
        assertThat(keys("PutDashboard", PutDashboardRequest.builder().dashboardName("ops").dashboardBody("{}")
                .tags(env).build())).containsExactly(Map.entry("aws:RequestTag/env", List.of("prod")),
                Map.entry("aws:TagKeys", List.of("env")));
        cw.putDashboard(CTX, PutDashboardRequest.builder().dashboardName("ops").dashboardBody("{\"widgets\":[]}")
                .tags(env).build());
        String arn = Dashboards.arn(CTX.accountId(), "ops");
        assertThat(keys("TagResource", TagResourceRequest.builder().resourceARN(arn)
                .tags(Tag.builder().key("team").value("obs").build()).build()))
                .containsExactly(Map.entry("aws:RequestTag/team", List.of("obs")), Map.entry("aws:TagKeys", List.of("team")),
                        Map.entry("aws:ResourceTag/env", List.of("prod")));
        assertThat(keys("UntagResource", UntagResourceRequest.builder().resourceARN(arn).tagKeys("env").build()))
                .containsExactly(Map.entry("aws:TagKeys", List.of("env")), Map.entry("aws:ResourceTag/env", List.of("prod")));
        // A resource that does not exist has no tags (and the operation answers its own not-found error).
        assertThat(keys("ListTagsForResource", software.amazon.awssdk.services.cloudwatch.model.ListTagsForResourceRequest
                .builder().resourceARN(Dashboards.arn(CTX.accountId(), "missing")).build())).isEmpty();
    }
}
