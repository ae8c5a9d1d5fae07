package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.MutableClock;
import dev.vigil.store.JdbcDatabase;
import dev.vigil.store.StoreSpec;
import dev.vigil.store.TestDatabases;
import dev.vigil.testkit.VigilTestServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.HistoryItemType;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * Two Vigil nodes on one PostgreSQL and one clock: each transition happens once (one StateUpdate, one action),
 * and when the node running the evaluator stops, the other carries on once the job's lease expires (on the clock).
 */
class CloudWatchAlarmsTwoNodesIT {

    @Test
    void eachTransitionOnceAndTheSurvivorCarriesOn() throws Exception {
        StoreSpec spec = TestDatabases.postgresSpecOrSkip();
        JdbcDatabase.open(spec).close(); // creates the fresh schema
        String url = spec.url() + (spec.url().contains("?") ? "&" : "?") + "currentSchema=" + spec.schema()
                + (spec.url().contains("user=") ? "" : "&user=" + (spec.user() == null ? "postgres" : spec.user()));
        MutableClock clock = new MutableClock(Instant.now());
        VigilTestServer a = VigilTestServer.start(c -> c.withStore(url), clock);
        try (VigilTestServer b = VigilTestServer.start(c -> c.withStore(url), clock);
             CloudWatchClient cwA = a.client(CloudWatchClient.builder());
             CloudWatchClient cwB = b.client(CloudWatchClient.builder())) {
            String topic = "arn:aws:sns:us-east-1:000000000000:two-nodes";
            cwA.putMetricAlarm(r -> r.alarmName("shared").namespace("IT/TwoNodes").metricName("Load").statistic("Maximum")
                    .period(60).evaluationPeriods(1).threshold(1.0).treatMissingData("ignore")
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD).alarmActions(topic).okActions(topic));
            Instant boundary = Instant.ofEpochMilli(Math.floorDiv(clock.millis(), 60_000L) * 60_000L + 60_000L);
            cwA.putMetricData(r -> r.namespace("IT/TwoNodes").metricData(d -> d.metricName("Load")
                    .timestamp(boundary.minusSeconds(60)).value(5.0)));
            clock.set(boundary.plusSeconds(1));
            CloudWatchAlarmsIT.await(() -> state(cwB), StateValue.ALARM);
            // Both nodes keep polling the job; a second evaluation would add a second StateUpdate and action.
            Thread.sleep(2500);
            assertThat(history(cwB, HistoryItemType.STATE_UPDATE)).hasSize(1);
            assertThat(history(cwB, HistoryItemType.ACTION)).hasSize(1);

            a.close();
            cwB.putMetricData(r -> r.namespace("IT/TwoNodes").metricData(d -> d.metricName("Load")
                    .timestamp(boundary.plusSeconds(60)).value(0.0)));
            // Past the next boundary and past the stopped node's job lease (2 polls + 30 s, on the same clock).
            clock.set(boundary.plus(Duration.ofSeconds(121)));
            CloudWatchAlarmsIT.await(() -> state(cwB), StateValue.OK);
            assertThat(history(cwB, HistoryItemType.STATE_UPDATE)).extracting(AlarmHistoryItem::historySummary)
                    .containsExactly("Alarm updated from ALARM to OK", "Alarm updated from INSUFFICIENT_DATA to ALARM");
            assertThat(history(cwB, HistoryItemType.ACTION)).hasSize(2);
        } finally {
            a.close();
        }
    }

    static StateValue state(CloudWatchClient cw) {
        return cw.describeAlarms(r -> r.alarmNames("shared")).metricAlarms().get(0).stateValue();
    }

    static List<AlarmHistoryItem> history(CloudWatchClient cw, HistoryItemType type) {
        return cw.describeAlarmHistory(r -> r.alarmName("shared").historyItemType(type)).alarmHistoryItems();
    }
}
