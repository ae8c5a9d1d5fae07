package dev.vigil.logs.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValuesTest {
    /** The ascending order printed in AWS's documentation of the sort command. */
    private static final List<String> AWS_SORT_EXAMPLE = List.of(
            "!:", "#", "*%04", "0#", "5A", "111A", "2345_", "@", "@_", "A", "A9876fghj", "a12345hfh",
            "0", "01", "1", "2", "3");

    @Test
    void sortOrderIsAwsNaturalOrder() {
        for (long seed = 0; seed < 20; seed++) {
            List<Object> shuffled = new ArrayList<>(AWS_SORT_EXAMPLE);
            Collections.shuffle(shuffled, new Random(seed));
            shuffled.sort(Values::sortCompare);
            assertThat(shuffled).containsExactlyElementsOf(AWS_SORT_EXAMPLE);
        }
    }

    @Test
    void descendingIsTheReverseWithAbsentValuesStillLast() {
        List<Object> values = new ArrayList<>(AWS_SORT_EXAMPLE);
        values.add(null);
        Collections.shuffle(values, new Random(7));
        values.sort(Values::sortCompareDescending);
        List<Object> expected = new ArrayList<>(AWS_SORT_EXAMPLE);
        Collections.reverse(expected);
        expected.add(null);
        assertThat(values).containsExactlyElementsOf(expected);
    }

    @Test
    void numbersAndTimesSortByValue() {
        List<Object> v = new ArrayList<>(List.of("10", 9.5, new Values.Time(3), "-2", "x"));
        v.sort(Values::sortCompare);
        assertThat(v).containsExactly("x", "-2", new Values.Time(3), 9.5, "10");
    }

    @ParameterizedTest
    @CsvSource({"3.0,3", "2.5,2.5", "-0.25,-0.25", "1e-7,0.0000001", "123456789012,123456789012", "0.1,0.1"})
    void numbersPrintWithoutTrailingZeros(double value, String printed) {
        assertThat(Values.format(value)).isEqualTo(printed);
    }

    @Test
    void valuesPrintAsAwsShowsThem() {
        assertThat(Values.format(new Values.Time(1709287205123L))).isEqualTo("2024-03-01 10:00:05.123");
        assertThat(Values.format(true)).isEqualTo("1");
        assertThat(Values.format(false)).isEqualTo("0");
        assertThat(Values.format(null)).isNull();
        assertThat(Values.format(Double.NaN)).isNull();
    }

    @Test
    void comparisonsAreNumericWhenBothSidesAreNumbers() {
        assertThat(Values.compare("9", 10.0)).isNegative();
        assertThat(Values.compare("9", "10")).isNegative();
        assertThat(Values.compare("b", "a")).isPositive();
        assertThat(Values.equal("200", 200.0)).isTrue();
        assertThat(Values.equal("200", "200.0")).isFalse();
        assertThat(Values.equal(new Values.Time(5), 5.0)).isTrue();
    }
}
