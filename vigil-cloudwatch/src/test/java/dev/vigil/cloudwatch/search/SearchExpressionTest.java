package dev.vigil.cloudwatch.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.cloudwatch.FakeCatalog;
import dev.vigil.cloudwatch.math.ExpressionQueries;
import dev.vigil.cloudwatch.math.MathException;
import dev.vigil.cloudwatch.math.MetricMath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;

/**
 * SEARCH, table-driven from "CloudWatch search expression syntax" (tokenization, partial and exact matches,
 * schemas, property designators, Boolean operators, use in math) and "CloudWatch search expression examples".
 */
class SearchExpressionTest {
    static final long T0 = Instant.parse("2026-11-30T10:00:00Z").toEpochMilli();
    static final long END = T0 + 3 * 60_000L;

    static FakeCatalog catalog() {
        FakeCatalog c = new FakeCatalog();
        c.put("AWS/EC2", "CPUUtilization", Map.of("InstanceId", "i-1234567890123456"), T0, 60, 10.0, 20.0, 30.0);
        c.put("AWS/EC2", "CPUUtilization", Map.of("InstanceId", "i-abc"), T0, 60, 1.0, 2.0, 3.0);
        c.put("AWS/EC2", "CPUUtilization", Map.of("InstanceType", "t2.micro"), T0, 60, 5.0, 5.0, 5.0);
        c.put("AWS/EC2", "CPUUtilization", Map.of("InstanceType", "m5.large"), T0, 60, 7.0, 7.0, 7.0);
        c.put("AWS/EC2", "NetworkPacketsIn", Map.of("InstanceId", "i-abc"), T0, 60, 100.0, 100.0, 100.0);
        c.put("AWS/EC2", "EBSReadOps", Map.of("InstanceId", "i-abc"), T0, 60, 3.0, 3.0, 3.0);
        c.put("AWS/EBS", "VolumeReadOps", Map.of("VolumeId", "vol-1"), T0, 60, 4.0, 4.0, 4.0);
        c.put("AWS/Lambda", "Errors", Map.of("FunctionName", "ProjectA-fn"), T0, 60, 1.0, 0.0, 2.0);
        c.put("AWS/Lambda", "Errors", Map.of("FunctionName", "other"), T0, 60, 3.0, null, 1.0);
        c.put("AWS/Lambda", "Invocations", Map.of("FunctionName", "ProjectA-fn"), T0, 60, 10.0, 10.0, 10.0);
        c.put("AWS/Lambda", "Invocations", Map.of("FunctionName", "misc"), T0, 60, 20.0, 20.0, 20.0);
        c.put("MyNamespace", "CustomCount1", Map.of(), T0, 60, 8.0, 8.0, 8.0);
        c.put("My Namespace", "Custom:Name[Special_Characters", Map.of("Dimension@Name", "v"), T0, 60, 9.0, 9.0, 9.0);
        return c;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "CustomCount1|customcount1,custom,count,1",
            "SDBFailure|sdbfailure,sdb,failure",
            "Project2-trial333|project2trial333,project,2,trial,333",
            "Network-Errors_2|network,errors,2",
            "CPUUtilization|cpu,utilization,cpuutilization"})
    void tokensAreGeneratedAsTheTokenizationTableShows(String name, String tokens) {
        assertThat(SearchTokens.singles(name)).containsAll(List.of(tokens.split(",")));
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "count|CustomCount1|true", "Count|CustomCount1|true", "COUNT|CustomCount1|true",
            "couNT|CustomCount1|false", "CustomCount|CustomCount1|true", "Count1|CustomCount1|true",
            "customcount|CustomCount1|false", "count1|CustomCount1|false", "customcount1|CustomCount1|true",
            "network/errors|Network-Errors-2|true", "network+errors|NetworkErrors2|true",
            "network-errors|Network-Errors-2|true", "Network_Errors|NetworkErrors2|true",
            "flow|ActiveFlowCount|true", "micro|t2.micro|true", "EC2|AWS/EC2|true", "EC|AWS/EBS|false"})
    void partialMatchesFollowTheDocs(String term, String name, boolean matches) {
        assertThat(SearchTokens.partialMatch(term, name)).isEqualTo(matches);
    }

    /** Search query → labels of the series found (dimension values then metric name), in listing order. */
    static Stream<Arguments> searches() {
        return Stream.of(
                row("{AWS/EC2,InstanceId} MetricName=\"CPUUtilization\"",
                        "i-1234567890123456 CPUUtilization", "i-abc CPUUtilization"),
                row(" {AWS/EC2,InstanceType} MetricName=\"CPUUtilization\" ",
                        "m5.large CPUUtilization", "t2.micro CPUUtilization"),
                row("{AWS/EC2,InstanceType} InstanceType=micro MetricName=\"CPUUtilization\" ", "t2.micro CPUUtilization"),
                row("{AWS/EC2,InstanceType} InstanceType=\"t2.micro\" MetricName=\"CPUUtilization\" ", "t2.micro CPUUtilization"),
                row(" {AWS/EC2,InstanceId} MetricName=\"CPUUtilization\" NOT i-1234567890123456 ", "i-abc CPUUtilization"),
                row("{AWS/EC2,InstanceId} network AND packets", "i-abc NetworkPacketsIn"),
                row(" {AWS/EC2,InstanceId} network packets ", "i-abc NetworkPacketsIn"),
                row(" (EC2 OR EBS) AND MetricName=ReadOps ", "vol-1 VolumeReadOps", "i-abc EBSReadOps"),
                row(" (EC2 OR EBS) MetricName=ReadOps ", "vol-1 VolumeReadOps", "i-abc EBSReadOps"),
                row(" {AWS/Lambda,FunctionName} MetricName=\"Errors\" OR (MetricName=\"Invocations\" AND (ProjectA OR ProjectB)) ",
                        "ProjectA-fn Errors", "other Errors", "ProjectA-fn Invocations"),
                row("NOT Namespace=AWS ", "v Custom:Name[Special_Characters", "CustomCount1"),
                row(" {MyNamespace}, \"CustomCount1\" ", "CustomCount1"),
                row(" {MyNamespace}, \"customcount1\" "),
                row(" {MyNamespace}, \"Custom\" "),
                row(" {\"My Namespace\", \"Dimension@Name\"}, \"Custom:Name[Special_Characters\" ",
                        "v Custom:Name[Special_Characters"),
                row(" MetricName=\"CustomCount1\" ", "CustomCount1"),
                row(" \"CPUUtilization\" ", "i-1234567890123456 CPUUtilization", "i-abc CPUUtilization",
                        "m5.large CPUUtilization", "t2.micro CPUUtilization"),
                row(" {AWS/EC2} MetricName=\"CPUUtilization\" "),
                row("{AWS/Lambda,FunctionName}", "ProjectA-fn Errors", "other Errors", "ProjectA-fn Invocations",
                        "misc Invocations"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("searches")
    void findsWhatTheDocsSayItFinds(String search, List<String> labels) {
        String expression = "SEARCH('" + search.replace("'", "\\'") + "', 'Average', 60)";
        assertThat(run(catalog(), expression).get("e1")).extracting(ExpressionQueries.Result::label)
                .containsExactlyElementsOf(labels);
    }

    @Test
    void resultsCarryTheStatisticPerPeriodAndAreUsableInMath() {
        // SUM(SEARCH(' {AWS/Lambda, FunctionName} MetricName="Errors" ', 'Sum', 300)): the errors of all functions.
        var results = run(catalog(), "SUM(SEARCH(' {AWS/Lambda, FunctionName} MetricName=\"Errors\" ', 'Sum', 60))");
        assertThat(results.get("e1")).hasSize(1);
        assertThat(results.get("e1").get(0).series().values()).containsExactly(4.0, 0.0, 3.0);
        var perFunction = run(catalog(), "SEARCH(' {AWS/Lambda, FunctionName}, MetricName=\"Errors\" ', 'Maximum', 120)");
        assertThat(perFunction.get("e1").get(0).series().period()).isEqualTo(120);
        assertThat(perFunction.get("e1").get(0).series().values()).containsExactly(1.0, 2.0);
        assertThat(perFunction.get("e1").get(1).series().values()).containsExactly(3.0, 1.0);
    }

    @Test
    void dynamicLabelsApplyToEveryMetricTheSearchReturns() {
        // The docs' example label: "[max: ${MAX} Errors for Function Name ${LABEL}]".
        var results = ExpressionQueries.evaluate(List.of(MetricDataQuery.builder().id("e1")
                        .expression("SEARCH(' {AWS/Lambda, FunctionName} Errors ', 'Sum', 60)")
                        .label("[max: ${MAX} Errors for Function Name ${PROP('Dim.FunctionName')}]").build()),
                new LinkedHashMap<>(), T0, END, extensions(catalog()));
        assertThat(results.get("e1")).extracting(ExpressionQueries.Result::label).containsExactly(
                "[max: 2 Errors for Function Name ProjectA-fn]", "[max: 3 Errors for Function Name other]");
    }

    @Test
    void atMostFiveHundredSeries() {
        FakeCatalog c = new FakeCatalog();
        for (int i = 0; i < 501; i++) c.put("Many", "Hits", Map.of("Id", String.format("%03d", i)), T0, 60, 1.0);
        ExpressionQueries.Result first = run(c, "SEARCH('{Many,Id} Hits', 'Sum', 60)").get("e1").get(0);
        assertThat(run(c, "SEARCH('{Many,Id} Hits', 'Sum', 60)").get("e1")).hasSize(500);
        assertThat(first.notes()).containsKey("MaxSeriesExceeded");
    }

    static Stream<Arguments> errors() {
        String longQuery = "{AWS/EC2} " + "x".repeat(SearchParser.MAX_LENGTH);
        return Stream.of(
                Arguments.of("SEARCH('{AWS/EC2} CPU', 'Median', 60)", "The statistic 'Median' is not valid."),
                Arguments.of("SEARCH('{AWS/EC2} CPU', 'Average', 7)", "Argument 3 of SEARCH must be a period"),
                Arguments.of("SEARCH('{AWS/EC2} CPU')", "The function SEARCH takes 2 to 3 arguments but was given 1."),
                Arguments.of("SEARCH('  ', 'Average', 60)", "must contain a metric schema, a search term, or both"),
                Arguments.of("SEARCH('{AWS/EC2 CPU', 'Average', 60)", "the metric schema has no closing '}'"),
                Arguments.of("SEARCH('(CPU OR', 'Average', 60)", "unexpected end of the search term"),
                Arguments.of("SEARCH('\"CPU', 'Average', 60)", "unterminated quoted term"),
                Arguments.of("SEARCH('" + longQuery + "', 'Average', 60)", "must be at most 1024 characters"),
                Arguments.of("SEARCH(CPU, 'Average', 60)", "Argument 1 of SEARCH must be the search expression query"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errors")
    void badSearchesFailTheRequest(String expression, String problem) {
        assertThatThrownBy(() -> run(catalog(), expression)).isInstanceOf(MathException.class)
                .hasMessageContaining(problem);
    }

    @Test
    void atMostOneHundredSearchesPerRequest() {
        List<MetricDataQuery> queries = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            queries.add(MetricDataQuery.builder().id("s" + i).expression("SEARCH('{AWS/EC2} CPU', 'Average', 60)").build());
        }
        assertThatThrownBy(() -> ExpressionQueries.evaluate(queries, new LinkedHashMap<>(), T0, END, extensions(catalog())))
                .hasMessage("Error in expression s100: A request can hold at most 100 search expressions.");
    }

    // --- helpers ---

    static Map<String, List<ExpressionQueries.Result>> run(FakeCatalog c, String expression) {
        return ExpressionQueries.evaluate(List.of(MetricDataQuery.builder().id("e1").period(60).expression(expression).build()),
                new LinkedHashMap<>(), T0, END, extensions(c));
    }

    static ExpressionQueries.Extensions extensions(FakeCatalog c) {
        return new ExpressionQueries.Extensions(MetricMath.standard().withFunction(SearchFunction.NAME,
                new SearchFunction(c)), List.of(), END);
    }

    static Arguments row(String search, String... labels) {
        return Arguments.of(search, List.of(labels));
    }
}
