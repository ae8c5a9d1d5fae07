package dev.vigil.logs.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The SOURCE command, with the forms of AWS's SOURCE documentation. */
class SourceCommandTest {

    @Test
    void documentationForms() {
        assertThat(InsightsQuery.parse("SOURCE logGroups()").source()).isEqualTo(new Source(List.of(), List.of(), List.of()));
        assertThat(InsightsQuery.parse("SOURCE logGroups(accountIdentifiers:['111122223333'])").source())
                .isEqualTo(new Source(List.of(), List.of("111122223333"), List.of()));
        assertThat(InsightsQuery.parse("SOURCE logGroups(namePrefix: ['namePrefix1', 'namePrefix2'])").source())
                .isEqualTo(new Source(List.of("namePrefix1", "namePrefix2"), List.of(), List.of()));
        assertThat(InsightsQuery.parse("SOURCE logGroups(class: ['INFREQUENT_ACCESS'])").source())
                .isEqualTo(new Source(List.of(), List.of(), List.of("INFREQUENT_ACCESS")));
        InsightsQuery q = InsightsQuery.parse("SOURCE logGroups(accountIdentifiers:['111122223333'], namePrefix: ['a'])"
                + " | fields @timestamp, @message | filter @message like /x/");
        assertThat(q.source()).isEqualTo(new Source(List.of("a"), List.of("111122223333"), List.of()));
        assertThat(q.columns()).containsExactly("@timestamp", "@message");
    }

    @Test
    void noSourceWithoutTheCommand() {
        assertThat(InsightsQuery.parse("fields @message").source()).isNull();
    }

    @Test
    void selection() {
        Source s = new Source(List.of("/app/"), List.of(), List.of());
        assertThat(s.selects("/app/api", "1", null)).isTrue();
        assertThat(s.selects("/app/api", "1", "INFREQUENT_ACCESS")).isFalse(); // Standard only, unless class says
        assertThat(s.selects("/other", "1", "STANDARD")).isFalse();
        Source ia = new Source(List.of(), List.of("1"), List.of("INFREQUENT_ACCESS"));
        assertThat(ia.selects("/x", "1", "INFREQUENT_ACCESS")).isTrue();
        assertThat(ia.selects("/x", "2", "INFREQUENT_ACCESS")).isFalse();
    }

    @Test
    void malformed() {
        for (String bad : List.of("SOURCE logGroups(", "SOURCE logGroups(namePrefix: 'a')", "SOURCE tables()",
                "SOURCE logGroups(namePrefix: ['a'], namePrefix: ['b'])", "SOURCE logGroups(prefix: ['a'])",
                "SOURCE logGroups(namePrefix: ['1', '2', '3', '4', '5', '6'])", "SOURCE logGroups(class: ['COLD'])",
                "SOURCE logGroups() fields @message", "fields @message | SOURCE logGroups()")) {
            assertThatThrownBy(() -> InsightsQuery.parse(bad)).as(bad).isInstanceOf(InsightsQueryException.class)
                    .hasMessageStartingWith("unexpected symbol found ");
        }
    }
}
