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

/** The Debian AWS CLI 2.9 (awsQuery) driving IAM end to end, as a user would from a shell. */
class IamCliIT {
    static final ObjectMapper JSON = new ObjectMapper();
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

    @Test
    void userKeyRoleAndManagedPolicyScript(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        AwsCli cli = Clis.debian();
        URI e = vigil.endpoint();

        JsonNode user = ok(cli.run(e, "iam", "create-user", "--user-name", "deployer", "--path", "/ci/",
                "--tags", "Key=owner,Value=platform"));
        assertThat(user.path("User").path("Arn").asText()).isEqualTo("arn:aws:iam::000000000000:user/ci/deployer");

        JsonNode key = ok(cli.run(e, "iam", "create-access-key", "--user-name", "deployer")).path("AccessKey");
        String keyId = key.path("AccessKeyId").asText();
        assertThat(keyId).startsWith("AKIA");
        JsonNode me = ok(cli.runAs(e, keyId, key.path("SecretAccessKey").asText(), "sts", "get-caller-identity"));
        assertThat(me.path("Arn").asText()).isEqualTo("arn:aws:iam::000000000000:user/ci/deployer");

        JsonNode users = ok(cli.run(e, "iam", "list-users"));
        assertThat(users.path("Users").findValuesAsText("UserName")).contains("deployer");

        Path trust = dir.resolve("trust.json");
        Files.writeString(trust, "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\n    \"Effect\": \"Allow\",\n"
                + "    \"Principal\": {\"Service\": \"lambda.amazonaws.com\"},\n    \"Action\": \"sts:AssumeRole\"\n  }]\n}\n");
        JsonNode role = ok(cli.run(e, "iam", "create-role", "--role-name", "app-role",
                "--assume-role-policy-document", "file://" + trust, "--description", "the app"));
        assertThat(role.path("Role").path("RoleId").asText()).startsWith("AROA");

        // The CLI decodes the URL-encoded document into JSON, as it does against AWS.
        JsonNode got = ok(cli.run(e, "iam", "get-role", "--role-name", "app-role")).path("Role");
        JsonNode doc = got.path("AssumeRolePolicyDocument");
        assertThat(doc.isObject()).as(got.toString()).isTrue();
        assertThat(doc.path("Statement").get(0).path("Principal").path("Service").asText()).isEqualTo("lambda.amazonaws.com");
        assertThat(got.path("MaxSessionDuration").asInt()).isEqualTo(3600);

        ok(cli.run(e, "iam", "attach-role-policy", "--role-name", "app-role", "--policy-arn",
                "arn:aws:iam::aws:policy/CloudWatchLogsReadOnlyAccess"));
        JsonNode attached = ok(cli.run(e, "iam", "list-attached-role-policies", "--role-name", "app-role"));
        assertThat(attached.path("AttachedPolicies").get(0).path("PolicyName").asText()).isEqualTo("CloudWatchLogsReadOnlyAccess");
        JsonNode version = ok(cli.run(e, "iam", "get-policy-version", "--policy-arn",
                "arn:aws:iam::aws:policy/CloudWatchLogsReadOnlyAccess", "--version-id", "v6"));
        assertThat(version.path("PolicyVersion").path("Document").path("Statement").get(0).path("Action").get(0).asText())
                .isEqualTo("logs:Describe*");

        AwsCli.Result conflict = cli.run(e, "iam", "delete-role", "--role-name", "app-role");
        assertThat(conflict.exitCode()).isNotZero();
        assertThat(conflict.stderr()).contains("DeleteConflict").contains("must detach all policies first");

        ok(cli.run(e, "iam", "detach-role-policy", "--role-name", "app-role", "--policy-arn",
                "arn:aws:iam::aws:policy/CloudWatchLogsReadOnlyAccess"));
        ok(cli.run(e, "iam", "delete-role", "--role-name", "app-role"));
        ok(cli.run(e, "iam", "delete-access-key", "--user-name", "deployer", "--access-key-id", keyId));
        ok(cli.run(e, "iam", "delete-user", "--user-name", "deployer"));

        AwsCli.Result missing = cli.run(e, "iam", "get-user", "--user-name", "deployer");
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.stderr()).contains("NoSuchEntity").contains("The user with name deployer cannot be found.");
    }
}
