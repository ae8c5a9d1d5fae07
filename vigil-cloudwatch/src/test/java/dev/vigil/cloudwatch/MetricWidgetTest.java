package dev.vigil.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.AwsException;
import java.awt.Color;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The MetricWidget JSON as AWS documents it. */
class MetricWidgetTest {
    static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void metricsRowsRepeatWithDotsAndGetIds() {
        MetricWidget w = MetricWidget.parse("{\"metrics\":["
                + "[\"AWS/EC2\",\"CPUUtilization\",\"InstanceId\",\"i-1\"],"
                + "[\".\",\".\",\".\",\"i-2\",{\"stat\":\"p99\",\"period\":60,\"label\":\"two\",\"color\":\"#ff0000\","
                + "\"yAxis\":\"right\",\"visible\":false}],"
                + "[\".\",\"NetworkIn\",{\"id\":\"m1\"}],"
                + "[{\"expression\":\"m1*2\",\"label\":\"double\"}]],"
                + "\"view\":\"bar\",\"stacked\":true,\"title\":\"t\",\"start\":\"-P1D\",\"end\":\"2026-11-30T11:00:00Z\","
                + "\"period\":3600,\"stat\":\"Sum\",\"width\":800,\"height\":200,\"timezone\":\"-0500\","
                + "\"yAxis\":{\"left\":{\"min\":0,\"max\":100,\"label\":\"%\"}},\"legend\":{\"position\":\"hidden\"}}", NOW);
        assertThat(w.lines()).extracting(MetricWidget.Line::id).containsExactly("m2", "m3", "m1", "e1");
        MetricWidget.Line second = w.lines().get(1);
        assertThat(second.namespace()).isEqualTo("AWS/EC2");
        assertThat(second.dimensions()).singleElement().satisfies(d -> assertThat(d).containsExactly("InstanceId", "i-2"));
        assertThat(second.stat()).isEqualTo("p99");
        assertThat(second.period()).isEqualTo(60);
        assertThat(second.color()).isEqualTo(new Color(0xff0000));
        assertThat(second.rightAxis()).isTrue();
        assertThat(second.visible()).isFalse();
        assertThat(w.lines().get(2).name()).isEqualTo("NetworkIn");
        assertThat(w.lines().get(2).dimensions()).isEmpty();
        assertThat(w.lines().get(3).expression()).isEqualTo("m1*2");
        assertThat(w.start()).isEqualTo(NOW.minusSeconds(86_400));
        assertThat(w.end()).isEqualTo(Instant.parse("2026-11-30T11:00:00Z"));
        assertThat(w.view()).isEqualTo("bar");
        assertThat(w.stacked()).isTrue();
        assertThat(w.period()).isEqualTo(3600);
        assertThat(w.stat()).isEqualTo("Sum");
        assertThat(w.left()).isEqualTo(new MetricWidget.Axis(0.0, 100.0, "%"));
        assertThat(w.legend()).isEqualTo("hidden");
        assertThat(w.zone()).isEqualTo(ZoneOffset.ofHours(-5));
        assertThat(w.width()).isEqualTo(800);
        assertThat(w.height()).isEqualTo(200);
    }

    @Test
    void defaults() {
        MetricWidget w = MetricWidget.parse("{\"metrics\":[[\"N\",\"M\"]]}", NOW);
        assertThat(w.start()).isEqualTo(NOW.minusSeconds(3 * 3600));
        assertThat(w.end()).isEqualTo(NOW);
        assertThat(w.period()).isEqualTo(300);
        assertThat(w.stat()).isEqualTo("Average");
        assertThat(w.view()).isEqualTo("timeSeries");
        assertThat(w.width()).isEqualTo(600);
        assertThat(w.height()).isEqualTo(400);
        assertThat(w.zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(w.legend()).isEqualTo("bottom");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json|The parameter MetricWidget must be a valid JSON object",
        "[]|The parameter MetricWidget must be a valid JSON object.",
        "{}|The field MetricWidget.metrics must be a non-empty array of metric arrays.",
        "{\"metrics\":[[\"N\"]]}|The field MetricWidget.metrics[0] must be [namespace, metricName, dimensionName, dimensionValue, ..., {options}].",
        "{\"metrics\":[[\".\",\"M\"]]}|The field MetricWidget.metrics[0][0] is \".\" but the previous metric has no element at that position.",
        "{\"metrics\":[[{\"label\":\"x\"}]]}|The field MetricWidget.metrics[0] must name a metric or hold an expression.",
        "{\"metrics\":[[\"N\",\"M\"]],\"width\":2001}|The field MetricWidget.width must be an integer from 1 to 2000.",
        "{\"metrics\":[[\"N\",\"M\"]],\"period\":61}|The field MetricWidget.period must be 1, 5, 10, 20, 30 or a multiple of 60.",
        "{\"metrics\":[[\"N\",\"M\"]],\"stat\":\"Median\"}|The field MetricWidget.stat is not a valid statistic: Median",
        "{\"metrics\":[[\"N\",\"M\"]],\"view\":\"table\"}|The field MetricWidget.view must be one of timeSeries, singleValue, bar, pie, gauge.",
        "{\"metrics\":[[\"N\",\"M\"]],\"start\":\"yesterday\"}|The field MetricWidget.start must be an ISO 8601 time or a relative duration such as -PT3H.",
        "{\"metrics\":[[\"N\",\"M\"]],\"start\":\"-PT1H\",\"end\":\"-PT2H\"}|The field MetricWidget.start must be before MetricWidget.end.",
        "{\"metrics\":[[\"N\",\"M\",{\"color\":\"red\"}]]}|The field MetricWidget.metrics[0].color must be a hex color such as #1f77b4.",
        "{\"metrics\":[[\"N\",\"M\"]],\"timezone\":\"CET\"}|The field MetricWidget.timezone must be of the form +HHMM or -HHMM.",
    })
    void invalidWidgetsAreInvalidParameterValue(String json, String message) {
        assertThatThrownBy(() -> MetricWidget.parse(json, NOW)).isInstanceOfSatisfying(AwsException.class, e -> {
            assertThat(e.code()).isEqualTo("InvalidParameterValueException");
            assertThat(e.getMessage()).startsWith(message);
        });
    }
}
