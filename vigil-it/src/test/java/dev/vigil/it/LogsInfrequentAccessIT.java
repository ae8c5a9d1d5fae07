package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vigil.testkit.VigilTestServer;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidOperationException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroupClass;

/** An Infrequent Access log group through SDK v2: FilterLogEvents and metric filters are refused as on AWS. */
class LogsInfrequentAccessIT {
    static VigilTestServer vigil;
    static CloudWatchLogsClient logs;

    @BeforeAll
    static void start() {
        vigil = VigilTestServer.start();
        logs = vigil.client(CloudWatchLogsClient.builder());
    }

    @AfterAll
    static void stop() {
        logs.close();
        vigil.close();
    }

    @Test
    void infrequentAccessGroupRefusesFilterLogEventsAndMetricFilters() {
        String group = "/ia/" + UUID.randomUUID();
        logs.createLogGroup(r -> r.logGroupName(group).logGroupClass(LogGroupClass.INFREQUENT_ACCESS));
        InvalidOperationException filter = catchThrowableOfType(InvalidOperationException.class,
                () -> logs.filterLogEvents(r -> r.logGroupName(group)));
        assertThat(filter.statusCode()).isEqualTo(400);
        assertThat(filter.awsErrorDetails().errorMessage()).isEqualTo("The log group " + group
                + " is of log-group-class INFREQUENT_ACCESS. FilterLogEvents is not supported for this log class.");
        InvalidOperationException metricFilter = catchThrowableOfType(InvalidOperationException.class,
                () -> logs.putMetricFilter(r -> r.logGroupName(group).filterName("errors").filterPattern("ERROR")
                        .metricTransformations(t -> t.metricNamespace("App").metricName("Errors").metricValue("1"))));
        assertThat(metricFilter.awsErrorDetails().errorMessage()).contains("PutMetricFilter is not supported");
        assertThat(logs.describeMetricFilters(r -> r.logGroupName(group)).metricFilters()).isEmpty();
    }
}
