package dev.vigil.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ARN forms from AWS's "Amazon Resource Names" documentation. */
class ArnTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "arn:aws:iam::123456789012:user/Development/product_1234/*|iam||123456789012|user|Development/product_1234/*",
        "arn:aws:iam::123456789012:root|iam||123456789012|root|root",
        "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/f:*|logs|us-east-1|123456789012|log-group|/aws/lambda/f:*",
        "arn:aws:cloudwatch:us-east-1:123456789012:alarm:MyAlarm|cloudwatch|us-east-1|123456789012|alarm|MyAlarm",
        "arn:aws:sns:us-east-1:123456789012:my_topic|sns|us-east-1|123456789012|my_topic|my_topic",
        "arn:aws:s3:::my_bucket/key|s3|||my_bucket|key",
        "arn:aws:sts::123456789012:assumed-role/Admin/session|sts||123456789012|assumed-role|Admin/session",
    })
    void parsesAndFormatsRoundTrip(String text, String service, String region, String account, String type, String name) {
        Arn arn = Arn.parse(text);
        assertThat(arn.partition()).isEqualTo("aws");
        assertThat(arn.service()).isEqualTo(service);
        assertThat(arn.region()).isEqualTo(region == null ? "" : region);
        assertThat(arn.accountId()).isEqualTo(account == null ? "" : account);
        assertThat(arn.resourceType()).isEqualTo(type);
        assertThat(arn.resourceName()).isEqualTo(name);
        assertThat(arn.toString()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "arn", "arn:aws", "arn:aws:iam", "arn:aws:iam::123", "urn:aws:iam::1:root", "arn::iam::1:x"})
    void refusesNonArns(String text) {
        assertThat(Arn.isArn(text)).isFalse();
        assertThatThrownBy(() -> Arn.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void rootOfAccount() {
        assertThat(Caller.root("123456789012", "AKID").arn()).isEqualTo("arn:aws:iam::123456789012:root");
        assertThat(Ids.isAccountId("123456789012")).isTrue();
        assertThat(Ids.isAccountId("12345678901a")).isFalse();
        assertThat(Ids.awsId("AKIA")).hasSize(20).startsWith("AKIA");
        assertThat(Ids.secretKey()).hasSize(40);
    }
}
