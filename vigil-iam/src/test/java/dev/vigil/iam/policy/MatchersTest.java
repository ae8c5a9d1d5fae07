package dev.vigil.iam.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.Caller;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The compiled building blocks: wildcards, templates, ARN components, addresses, dates, the context. */
class MatchersTest {

    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource({
            "*, '', true", "*, anything, true", "a*, abc, true", "a*c, abbbc, true", "a*c, abcd, false",
            "?, a, true", "?, '', false", "a?c, abc, true", "*b*, aaabaaa, true", "*b, aaa, false",
            "a*b*c, axxbyyc, true", "a*b*c, axxbyy, false", "**, x, true", "abc, abc, true", "abc, abd, false"})
    void wildcards(String pattern, String value, boolean expected) {
        assertThat(Glob.of(pattern, false).matches(value)).isEqualTo(expected);
    }

    @Test
    void case_insensitive_glob_lowers_both_sides() {
        assertThat(Glob.of("IAM:List*", true).matches("iam:listUsers")).isTrue();
        assertThat(Glob.of("IAM:List*", false).matches("iam:listUsers")).isFalse();
    }

    @Test
    void templates_resolve_variables_as_literal_text() {
        ConditionContext ctx = ConditionContext.builder().put("aws:username", "a*b").build();
        Template t = Template.compile("home/${aws:username}/*", true);
        assertThat(t.resolve(ctx)).isEqualTo("home/a*b/*");
        Glob g = t.resolveGlob(ctx, false);
        assertThat(g.matches("home/a*b/file")).isTrue();
        assertThat(g.matches("home/aXXb/file")).isFalse();
        assertThat(Template.compile("x/${aws:username}", true).resolve(ConditionContext.empty())).isNull();
        assertThat(Template.compile("x/${aws:username, 'nobody'}", true).resolve(ConditionContext.empty())).isEqualTo("x/nobody");
        assertThat(Template.compile("x/${aws:username}", false).resolve(ConditionContext.empty())).isEqualTo("x/${aws:username}");
        assertThat(Template.compile("unterminated ${aws:username", true).resolve(ConditionContext.empty()))
                .isEqualTo("unterminated ${aws:username");
    }

    @Test
    void multivalued_keys_cannot_be_variables() {
        ConditionContext ctx = ConditionContext.builder().put("aws:TagKeys", "a", "b").build();
        assertThat(Template.compile("${aws:TagKeys}", true).resolve(ctx)).isNull();
    }

    @Test
    void arn_components_are_matched_separately() {
        ArnPattern p = ArnPattern.compile("arn:aws:s3:::bucket/*", true);
        assertThat(p.matches("arn:aws:s3:::bucket/a/b:c", null)).isTrue();
        assertThat(p.matches("arn:aws:s3:::bucket", null)).isFalse();
        assertThat(ArnPattern.compile("arn:*:*:*:*:*", true).matches("arn:aws:sqs:us-east-1:111122223333:q:with:colons", null)).isTrue();
        assertThat(ArnPattern.compile("arn:aws:*", true).matches("arn:aws:sqs:us-east-1:1:q", null)).isTrue();
        assertThat(ArnPattern.compile("arn:aws:sqs:*:111122223333:q", true).matches("arn:aws:sqs:a:b:111122223333:q", null)).isFalse();
        assertThat(ArnPattern.compile("*", true).matchesEverything()).isTrue();
    }

    @ParameterizedTest(name = "{0} contains {1} -> {2}")
    @CsvSource({
            "10.0.0.0/8, 10.200.3.4, true", "10.0.0.0/8, 11.0.0.1, false", "203.0.113.5, 203.0.113.5, true",
            "203.0.113.0/25, 203.0.113.128, false", "0.0.0.0/0, 198.51.100.1, true", "192.0.2.0/31, 192.0.2.1, true",
            "2001:DB8::/32, 2001:db8:ffff::1, true", "2001:DB8::/32, 2001:db9::1, false", "::1, ::1, true",
            "::ffff:0:0/96, ::ffff:192.0.2.1, true", "10.0.0.0/8, 2001:db8::1, false", "2001:DB8::/32, 10.0.0.1, false",
            "10.0.0.0/8, not-an-ip, false", "10.0.0.0/33, 10.0.0.1, false", "10.0.0.0/8, 10.0.0.256, false"})
    void ip_ranges(String cidr, String address, boolean expected) {
        IpCidr c = IpCidr.parse(cidr);
        assertThat(c != null && c.contains(address)).isEqualTo(expected);
    }

    @Test
    void dates_accept_iso_8601_forms_and_epoch_seconds() {
        long jan1 = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();
        assertThat(DateValues.parse("2020-01-01T00:00:00Z")).isEqualTo(jan1);
        assertThat(DateValues.parse("2020-01-01T00:00:00.000Z")).isEqualTo(jan1);
        assertThat(DateValues.parse("2020-01-01T02:00:00+02:00")).isEqualTo(jan1);
        assertThat(DateValues.parse("2019-12-31T19:00:00-05:00")).isEqualTo(jan1);
        assertThat(DateValues.parse("2020-01-01T00:00Z")).isEqualTo(jan1);
        assertThat(DateValues.parse("2020-01-01T00:00:00")).isEqualTo(jan1);
        assertThat(DateValues.parse("2020-01-01")).isEqualTo(jan1);
        assertThat(DateValues.parse("2020-01")).isEqualTo(jan1);
        assertThat(DateValues.parse("2020")).isEqualTo(jan1);
        assertThat(DateValues.parse("1577836800")).isEqualTo(jan1);
        assertThat(DateValues.parse("1577836800.5")).isEqualTo(jan1 + 500);
        assertThat(DateValues.parse("yesterday")).isEqualTo(DateValues.INVALID);
    }

    @Test
    void context_keys_from_each_principal_kind() {
        RequestPrincipal user = EngineCase.user("111122223333", "alice").withTags(Map.of("team", "blue"));
        ConditionContext u = ConditionContext.builder().principal(user).time(Instant.parse("2024-05-01T10:00:00Z")).build();
        assertThat(u.get("aws:PrincipalArn")).containsExactly("arn:aws:iam::111122223333:user/alice");
        assertThat(u.get("AWS:USERNAME")).containsExactly("alice");
        assertThat(u.get("aws:PrincipalType")).containsExactly("User");
        assertThat(u.get("aws:PrincipalTag/team")).containsExactly("blue");
        assertThat(u.get("aws:CurrentTime")).containsExactly("2024-05-01T10:00:00Z");
        assertThat(u.get("aws:EpochTime")).containsExactly("1714557600");

        ConditionContext r = ConditionContext.builder().principal(EngineCase.roleSession("111122223333", "app", "s1")).build();
        assertThat(r.get("aws:PrincipalArn")).containsExactly("arn:aws:iam::111122223333:role/app");
        assertThat(r.get("aws:userid")).containsExactly("AROAAPPEXAMPLE01:s1");
        assertThat(r.get("aws:username")).isNull();
        assertThat(r.get("aws:PrincipalType")).containsExactly("AssumedRole");

        ConditionContext root = ConditionContext.builder().principal(RequestPrincipal.root("111122223333")).build();
        assertThat(root.get("aws:PrincipalType")).containsExactly("Account");
        assertThat(root.get("aws:userid")).containsExactly("111122223333");

        ConditionContext svc = ConditionContext.builder().principal(RequestPrincipal.service("sns.amazonaws.com")).build();
        assertThat(svc.get("aws:PrincipalServiceName")).containsExactly("sns.amazonaws.com");
        assertThat(svc.get("aws:PrincipalIsAWSService")).containsExactly("true");
        assertThat(svc.get("aws:PrincipalArn")).isNull();
    }

    @Test
    void principal_from_a_core_caller() {
        Caller caller = Caller.root("111122223333", "test");
        RequestPrincipal p = RequestPrincipal.from(caller, Map.of(), false, false);
        assertThat(p.isRoot()).isTrue();
        assertThat(p.arn()).isEqualTo("arn:aws:iam::111122223333:root");
        assertThat(p.userId()).isEqualTo("111122223333");
    }
}
