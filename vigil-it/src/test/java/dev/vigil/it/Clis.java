package dev.vigil.it;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.testkit.AwsCli;
import java.util.Optional;

/** The real CLIs, required in CI (CI=true) and skipped elsewhere when missing. */
final class Clis {
    private Clis() {}

    static AwsCli debian() { return require(AwsCli.debian(), "/usr/bin/aws (apt-get install awscli)"); }

    static AwsCli v1() { return require(AwsCli.v1(), "AWS CLI v1 on PATH"); }

    private static AwsCli require(Optional<AwsCli> cli, String what) {
        if (cli.isEmpty()) {
            if ("true".equals(System.getenv("CI"))) fail(what + " is required in CI");
            assumeTrue(false, what + " is not installed");
        }
        return cli.get();
    }
}
