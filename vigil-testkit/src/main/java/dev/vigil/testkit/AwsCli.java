package dev.vigil.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real AWS CLI against Vigil. Two live on this machine: the Debian AWS CLI 2.9 at /usr/bin/aws
 * (awsQuery for CloudWatch) and the AWS CLI v1 first on PATH (awsJson1_0 for CloudWatch). Thread-safe.
 */
public final class AwsCli {
    /** What a CLI run printed. */
    public record Result(int exitCode, String stdout, String stderr) {}

    private final String executable;

    private AwsCli(String executable) { this.executable = executable; }

    /** The Debian AWS CLI 2.9, if installed. */
    public static Optional<AwsCli> debian() {
        return Files.isExecutable(Path.of("/usr/bin/aws")) ? Optional.of(new AwsCli("/usr/bin/aws")) : Optional.empty();
    }

    /** The AWS CLI v1 first on PATH (not /usr/bin/aws), if any. */
    public static Optional<AwsCli> v1() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(":")) {
            Path p = Path.of(dir, "aws");
            if (!dir.equals("/usr/bin") && Files.isExecutable(p)) {
                AwsCli cli = new AwsCli(p.toString());
                Result r = cli.exec(Map.of(), List.of("--version"));
                if ((r.stdout() + r.stderr()).contains("aws-cli/1.")) return Optional.of(cli);
            }
        }
        return Optional.empty();
    }

    /** {@code aws <args> --endpoint-url <endpoint> --output json} with credentials test/test in us-east-1. */
    public Result run(URI endpoint, String... args) {
        return runAs(endpoint, "test", "test", args);
    }

    public Result runAs(URI endpoint, String accessKeyId, String secret, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--endpoint-url");
        all.add(endpoint.toString());
        all.add("--output");
        all.add("json");
        return exec(Map.of("AWS_ACCESS_KEY_ID", accessKeyId, "AWS_SECRET_ACCESS_KEY", secret,
                "AWS_DEFAULT_REGION", "us-east-1"), all);
    }

    /**
     * Starts a command that runs until stopped ({@code aws logs start-live-tail}), as {@link #run} would with
     * {@code extraEnv} added; the caller reads its output and destroys it.
     */
    public Process start(URI endpoint, Map<String, String> extraEnv, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--endpoint-url");
        all.add(endpoint.toString());
        Map<String, String> env = new java.util.HashMap<>(Map.of("AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test", "AWS_DEFAULT_REGION", "us-east-1"));
        env.putAll(extraEnv);
        return builder(env, all).start();
    }

    private ProcessBuilder builder(Map<String, String> env, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(executable);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
        pb.environment().putAll(env);
        pb.environment().put("AWS_CONFIG_FILE", "/dev/null");
        pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        pb.environment().put("AWS_PAGER", "");
        return pb;
    }

    private Result exec(Map<String, String> env, List<String> args) {
        ProcessBuilder pb = builder(env, args);
        try {
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "", "timed out");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
