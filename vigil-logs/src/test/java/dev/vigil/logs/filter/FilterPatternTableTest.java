package dev.vigil.logs.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of {@code filter-patterns.json}: AWS's documented examples, observed AWS behaviour, edge cases. */
class FilterPatternTableTest {

    static Stream<Arguments> cases() throws IOException {
        JsonNode root;
        try (InputStream in = FilterPatternTableTest.class.getResourceAsStream("/filter-patterns.json")) {
            root = new ObjectMapper().readTree(in);
        }
        List<Arguments> out = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            out.add(Arguments.of(c.get("id").asText(), c));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void filterPatternCase(String id, JsonNode c) {
        String pattern = c.get("pattern").asText();
        if (c.has("error")) {
            assertThatThrownBy(() -> FilterPattern.compile(pattern))
                    .isInstanceOf(FilterPatternException.class)
                    .hasMessage(c.get("error").asText());
            return;
        }
        FilterPattern compiled = FilterPattern.compile(pattern);
        assertThat(compiled.text()).isEqualTo(pattern);
        if (!c.has("event")) {
            assertThat(c.path("compiles").asBoolean()).as("a case without an event only checks that it compiles").isTrue();
            return;
        }
        String event = c.get("event").asText();
        boolean expected = c.get("matches").asBoolean();
        assertThat(compiled.matches(event)).as("matches(%s)", event).isEqualTo(expected);
        FilterMatch match = compiled.match(event);
        assertThat(match != null).as("match(%s) != null", event).isEqualTo(expected);
        if (c.has("values")) {
            assertThat(match).as("values are only checked on matching events").isNotNull();
            Iterator<Map.Entry<String, JsonNode>> it = c.get("values").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                Optional<String> want = e.getValue().isNull() ? Optional.empty() : Optional.of(e.getValue().asText());
                assertThat(match.value(e.getKey())).as("value(%s)", e.getKey()).isEqualTo(want);
            }
        }
        if (c.has("extracted")) {
            Map<String, String> want = new LinkedHashMap<>();
            c.get("extracted").fields().forEachRemaining(e -> want.put(e.getKey(), e.getValue().asText()));
            assertThat(match.extractedValues()).containsExactlyEntriesOf(want);
        }
    }
}
