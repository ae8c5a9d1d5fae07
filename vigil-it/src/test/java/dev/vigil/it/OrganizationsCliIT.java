package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.testkit.AwsCli;
import dev.vigil.testkit.VigilTestServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The story of the README's Organizations section with the Debian AWS CLI 2.9: a management account builds an
 * organization, invites a second account, fences an OU with an SCP (no log groups, no metrics), and the member's root
 * user meets it — then the member is moved out and is free again at once. The wrong order of the move flow fails as on AWS.
 */
class OrganizationsCliIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String MGMT = "111111111111";
    static final String MEMBER = "222222222222";
    static final String NEXT_MGMT = "333333333333";
    static VigilTestServer vigil;

    @BeforeAll
    static void start() { vigil = VigilTestServer.start(); }

    @AfterAll
    static void stop() {
        if (vigil != null) vigil.close();
    }

    static JsonNode ok(AwsCli.Result r) throws Exception {
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        return r.stdout().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.stdout());
    }

    static AwsCli.Result as(AwsCli cli, String account, String... args) {
        return cli.runAs(vigil.endpoint(), account, "any-secret", args);
    }

    @Test
    void anScpOnAnOuFencesTheMemberUntilItMovesOut(@TempDir Path dir) throws Exception {
        AwsCli cli = Clis.debian();
        URI e = vigil.endpoint();
        assertThat(e).isNotNull();

        JsonNode org = ok(as(cli, MGMT, "organizations", "create-organization", "--feature-set", "ALL"))
                .path("Organization");
        assertThat(org.path("MasterAccountId").asText()).isEqualTo(MGMT);
        String root = ok(as(cli, MGMT, "organizations", "list-roots")).path("Roots").get(0).path("Id").asText();
        ok(as(cli, MGMT, "organizations", "enable-policy-type", "--root-id", root, "--policy-type",
                "SERVICE_CONTROL_POLICY"));
        String ou = ok(as(cli, MGMT, "organizations", "create-organizational-unit", "--parent-id", root, "--name",
                "sandbox")).path("OrganizationalUnit").path("Id").asText();

        String handshake = ok(as(cli, MGMT, "organizations", "invite-account-to-organization", "--target",
                "Id=" + MEMBER + ",Type=ACCOUNT", "--notes", "join us")).path("Handshake").path("Id").asText();
        JsonNode mine = ok(as(cli, MEMBER, "organizations", "list-handshakes-for-account"));
        assertThat(mine.path("Handshakes").get(0).path("State").asText()).isEqualTo("OPEN");
        ok(as(cli, MEMBER, "organizations", "accept-handshake", "--handshake-id", handshake));
        ok(as(cli, MGMT, "organizations", "move-account", "--account-id", MEMBER, "--source-parent-id", root,
                "--destination-parent-id", ou));

        Path scp = dir.resolve("scp.json");
        Files.writeString(scp, "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\n    \"Effect\": \"Deny\",\n"
                + "    \"Action\": [\"logs:CreateLogGroup\", \"cloudwatch:PutMetricData\"],\n    \"Resource\": \"*\"\n  }]\n}\n");
        String policy = ok(as(cli, MGMT, "organizations", "create-policy", "--name", "sandbox-fence", "--description",
                "sandbox accounts create no log groups and publish no metrics", "--type", "SERVICE_CONTROL_POLICY", "--content", "file://" + scp))
                .path("Policy").path("PolicySummary").path("Id").asText();
        ok(as(cli, MGMT, "organizations", "attach-policy", "--policy-id", policy, "--target-id", ou));
        JsonNode targets = ok(as(cli, MGMT, "organizations", "list-targets-for-policy", "--policy-id", policy));
        assertThat(targets.path("Targets").get(0).path("TargetId").asText()).isEqualTo(ou);

        String[] create = {"logs", "create-log-group", "--log-group-name", "/sandbox/app"};
        AwsCli.Result fenced = as(cli, MEMBER, create);
        assertThat(fenced.exitCode()).isNotZero();
        assertThat(fenced.stderr()).contains("(AccessDeniedException)").contains("User: arn:aws:iam::" + MEMBER
                + ":root is not authorized to perform: logs:CreateLogGroup on resource: arn:aws:logs:us-east-1:" + MEMBER
                + ":log-group:/sandbox/app with an explicit deny in a service control policy");
        ok(as(cli, MGMT, create)); // the management account is not limited by SCPs

        String[] put = {"cloudwatch", "put-metric-data", "--namespace", "App", "--metric-name", "Hits", "--value", "1"};
        AwsCli.Result denied = as(cli, MEMBER, put);
        assertThat(denied.exitCode()).isNotZero();
        assertThat(denied.stderr()).contains("AccessDenied").contains("service control policy");
        ok(as(cli, MGMT, put)); // the management account is not limited by SCPs

        ok(as(cli, MGMT, "organizations", "move-account", "--account-id", MEMBER, "--source-parent-id", ou,
                "--destination-parent-id", root));
        ok(as(cli, MEMBER, put));
        ok(as(cli, MEMBER, create));
        JsonNode groups = ok(as(cli, MEMBER, "logs", "describe-log-groups", "--log-group-name-prefix", "/sandbox/"));
        assertThat(groups.path("logGroups").get(0).path("logGroupName").asText()).isEqualTo("/sandbox/app");

        // Moving the member to another organization: accepting first fails, removing first works.
        ok(as(cli, NEXT_MGMT, "organizations", "create-organization"));
        String next = ok(as(cli, NEXT_MGMT, "organizations", "invite-account-to-organization", "--target",
                "Id=" + MEMBER + ",Type=ACCOUNT")).path("Handshake").path("Id").asText();
        AwsCli.Result early = as(cli, MEMBER, "organizations", "accept-handshake", "--handshake-id", next);
        assertThat(early.exitCode()).isNotZero();
        assertThat(early.stderr()).contains("HandshakeConstraintViolationException");
        ok(as(cli, MGMT, "organizations", "remove-account-from-organization", "--account-id", MEMBER));
        ok(as(cli, MEMBER, "organizations", "accept-handshake", "--handshake-id", next));
        JsonNode now = ok(as(cli, MEMBER, "organizations", "describe-organization")).path("Organization");
        assertThat(now.path("MasterAccountId").asText()).isEqualTo(NEXT_MGMT);

        // The old organization, now without members, can be deleted.
        ok(as(cli, MGMT, "organizations", "detach-policy", "--policy-id", policy, "--target-id", ou));
        ok(as(cli, MGMT, "organizations", "delete-policy", "--policy-id", policy));
        ok(as(cli, MGMT, "organizations", "delete-organizational-unit", "--organizational-unit-id", ou));
        ok(as(cli, MGMT, "organizations", "delete-organization"));
        AwsCli.Result gone = as(cli, MGMT, "organizations", "describe-organization");
        assertThat(gone.stderr()).contains("AWSOrganizationsNotInUseException");
    }
}
