package dev.vigil.iam.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.iam.policy.PolicyKind;
import dev.vigil.iam.policy.PolicyParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped AWS managed policies load, carry AWS's metadata and are valid identity policies. */
class AwsManagedPoliciesTest {
    static final List<String> REQUIRED = List.of("AdministratorAccess", "PowerUserAccess", "ReadOnlyAccess",
            "IAMFullAccess", "IAMReadOnlyAccess", "CloudWatchFullAccess", "CloudWatchReadOnlyAccess",
            "CloudWatchLogsFullAccess", "CloudWatchLogsReadOnlyAccess", "AmazonEventBridgeFullAccess",
            "AWSCloudTrail_FullAccess", "AWSCloudTrail_ReadOnlyAccess", "AWS_ConfigRole", "AWSOrganizationsFullAccess");

    final AwsManagedPolicies policies = AwsManagedPolicies.load();

    @Test
    void everyRequiredPolicyIsShipped() {
        assertThat(policies.all()).extracting(e -> e.policy().policyName()).containsExactlyInAnyOrderElementsOf(REQUIRED);
    }

    @Test
    void metadataIsAwsShaped() {
        for (AwsManagedPolicies.Entry e : policies.all()) {
            ManagedPolicy p = e.policy();
            assertThat(p.arn()).isEqualTo("arn:aws:iam::aws:policy" + p.path() + p.policyName());
            assertThat(AwsManagedPolicies.isAwsArn(p.arn())).isTrue();
            assertThat(p.policyId()).startsWith("ANPA").hasSize(21);
            assertThat(p.defaultVersionId()).matches("v[1-9][0-9]*");
            assertThat(p.awsManaged()).isTrue();
            assertThat(p.updateDate()).isAfterOrEqualTo(p.createDate());
            assertThat(e.version().versionId()).isEqualTo(p.defaultVersionId());
        }
        assertThat(policies.find("arn:aws:iam::aws:policy/service-role/AWS_ConfigRole")).isPresent();
        assertThat(policies.find("arn:aws:iam::aws:policy/AdministratorAccess").orElseThrow().policy().policyId())
                .isEqualTo("ANPAIWMBCKSKIEE64ZLYK");
    }

    @Test
    void documentsAreValidIdentityPolicies() {
        for (AwsManagedPolicies.Entry e : policies.all()) {
            assertThat(PolicyParser.parse(e.version().document(), PolicyKind.IDENTITY).statements())
                    .as(e.policy().policyName()).isNotEmpty();
        }
        String admin = policies.find("arn:aws:iam::aws:policy/AdministratorAccess").orElseThrow().version().document();
        assertThat(admin).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
                + "\"Resource\":\"*\"}]}");
    }
}
