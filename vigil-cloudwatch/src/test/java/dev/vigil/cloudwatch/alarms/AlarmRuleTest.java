package dev.vigil.cloudwatch.alarms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The composite alarm rule grammar, with AWS's documented rule examples. */
class AlarmRuleTest {
    static final Map<String, String> STATES = Map.of(
            "CPUUtilizationTooHigh", "ALARM", "DiskReadOpsTooHigh", "OK", "NetworkOutTooHigh", "INSUFFICIENT_DATA",
            "arn:aws:cloudwatch:us-east-1:123456789012:alarm:Deployment In Progress", "ALARM",
            "my alarm (1)", "OK");

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "ALARM(CPUUtilizationTooHigh) AND ALARM(DiskReadOpsTooHigh) | false",
            "ALARM(CPUUtilizationTooHigh) OR ALARM(DiskReadOpsTooHigh) | true",
            "ALARM(CPUUtilizationTooHigh) AND NOT ALARM(DiskReadOpsTooHigh) | true",
            "ALARM(CPUUtilizationTooHigh) AND NOT ALARM(\"arn:aws:cloudwatch:us-east-1:123456789012:alarm:Deployment In Progress\") | false",
            "(ALARM(CPUUtilizationTooHigh) OR ALARM(DiskReadOpsTooHigh)) AND OK(NetworkOutTooHigh) | false",
            "ALARM(CPUUtilizationTooHigh) OR ALARM(DiskReadOpsTooHigh) AND OK(NetworkOutTooHigh) | true",
            "INSUFFICIENT_DATA(NetworkOutTooHigh) AND TRUE | true",
            "NOT NOT OK(DiskReadOpsTooHigh) | true",
            "FALSE OR OK(\"my alarm (1)\") | true",
            "TRUE AND FALSE | false",
    })
    void evaluates(String rule, boolean expected) {
        assertThat(AlarmRule.parse(rule).evaluate(STATES::get)).isEqualTo(expected);
    }

    @Test
    void referencesInOrder() {
        AlarmRule r = AlarmRule.parse("ALARM(a) OR (OK(b) AND NOT ALARM(\"arn:aws:cloudwatch:us-east-1:123456789012:alarm:c\"))");
        assertThat(r.references()).containsExactly("a", "b", "arn:aws:cloudwatch:us-east-1:123456789012:alarm:c");
        assertThat(r.names("123456789012", "us-east-1")).containsExactly("a", "b", "c");
    }

    @Test
    void refusesBadRules() {
        for (String bad : new String[] {"", "ALARM(a) AND", "alarm(a)", "ALARM(a", "ALARM() OR TRUE", "(TRUE", "TRUE)",
                "ALARM(a) XOR ALARM(b)", "ALARM(\"a)"}) {
            assertThatThrownBy(() -> AlarmRule.parse(bad)).as(bad).isInstanceOf(AlarmRule.RuleException.class);
        }
    }
}
