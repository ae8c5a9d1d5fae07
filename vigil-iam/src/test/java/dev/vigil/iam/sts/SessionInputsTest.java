package dev.vigil.iam.sts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.core.AwsException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.model.Tag;

/** Session parameters checked beyond the model: policies, tags, transitive tags, source identity, packed size. */
class SessionInputsTest {
    static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"iam:ListRoles\",\"Resource\":\"*\"}]}";

    @Test
    void sessionPoliciesFollowTheIdentityGrammar() {
        assertThat(SessionInputs.inlinePolicy(POLICY)).isEqualTo(POLICY);
        assertThat(SessionInputs.inlinePolicy(null)).isNull();
        assertThatThrownBy(() -> SessionInputs.inlinePolicy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("MalformedPolicyDocument");
                    assertThat(e.getMessage()).isEqualTo("Policy document should not specify a principal.");
                });
    }

    @Test
    void tagKeysAreUniqueRegardlessOfCase() {
        assertThat(SessionInputs.tags(List.of(tag("a", "1"), tag("B", "2")))).containsExactly(
                Map.entry("a", "1"), Map.entry("B", "2"));
        assertThatThrownBy(() -> SessionInputs.tags(List.of(tag("team", "1"), tag("Team", "2"))))
                .hasMessage("Duplicate tag keys found. Please note that Tag keys are case insensitive.");
    }

    @Test
    void inheritedTransitiveTagsCannotBeOverridden() {
        Map<String, String> inherited = Map.of("Project", "apollo");
        assertThat(SessionInputs.withInherited(inherited, Map.of("team", "blue")))
                .containsEntry("Project", "apollo").containsEntry("team", "blue");
        assertThatThrownBy(() -> SessionInputs.withInherited(inherited, Map.of("project", "x")))
                .isInstanceOfSatisfying(AwsException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThat(SessionInputs.transitiveKeys(Set.of("Project"), List.of("team")))
                .containsExactlyInAnyOrder("Project", "team");
    }

    @Test
    void sourceIdentityIsKeptThroughChaining() {
        StsSession parent = new StsSession("ASIA", "s", "t", null, null, null,
                new SessionAttributes(null, List.of(), Map.of(), Set.of(), "alice", false));
        assertThat(SessionInputs.sourceIdentity(null, "bob")).isEqualTo("bob");
        assertThat(SessionInputs.sourceIdentity(parent, null)).isEqualTo("alice");
        assertThat(SessionInputs.sourceIdentity(parent, "alice")).isEqualTo("alice");
        assertThatThrownBy(() -> SessionInputs.sourceIdentity(parent, "bob")).isInstanceOf(AwsException.class);
    }

    @Test
    void packedSizeIsReportedOnlyWhenSomethingIsPackedAndRefusedAbove100() {
        assertThat(PackedSize.percent(null, List.of(), Map.of())).isNull();
        assertThat(PackedSize.percent(POLICY, List.of(), Map.of())).isBetween(1, 20);
        Map<String, String> huge = new LinkedHashMap<>();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 50; i++) {
            StringBuilder v = new StringBuilder();
            for (int j = 0; j < 256; j++) v.append((char) ('a' + random.nextInt(26)));
            huge.put("key" + i, v.toString());
        }
        assertThatThrownBy(() -> PackedSize.percent(null, List.of(), huge))
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.code()).isEqualTo("PackedPolicyTooLarge");
                    assertThat(e.getMessage()).matches("Packed size of session tags consumes \\d+% of allotted space\\.");
                });
    }

    private static Tag tag(String k, String v) { return Tag.builder().key(k).value(v).build(); }
}
