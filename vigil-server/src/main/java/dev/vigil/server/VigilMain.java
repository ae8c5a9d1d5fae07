package dev.vigil.server;

import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/** The command line: {@code vigil serve [options]}. */
public final class VigilMain {
    private VigilMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
            System.out.print(VigilConfig.usage());
            return;
        }
        if (!args[0].equals("serve")) {
            System.err.println("unknown command: " + args[0]);
            System.err.print(VigilConfig.usage());
            System.exit(2);
        }
        VigilConfig config;
        try {
            config = VigilConfig.parse(Arrays.copyOfRange(args, 1, args.length), System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("vigil: " + e.getMessage());
            System.err.print(VigilConfig.usage());
            System.exit(2);
            return;
        }
        long t0 = System.nanoTime();
        VigilServer server;
        try {
            server = VigilServer.start(config, Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            System.err.println("vigil: " + e.getMessage());
            System.exit(2);
            return;
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "vigil-shutdown"));
        RootCredentials root = server.rootCredentials();
        System.out.println("Vigil " + VigilServer.VERSION + " ready in " + ms + " ms");
        System.out.println("  endpoint:   " + server.endpoint());
        System.out.println("  region:     " + config.defaultRegion());
        System.out.println("  account:    " + config.defaultAccount());
        System.out.println("  auth:       " + config.auth().name().toLowerCase());
        if (config.auth() == dev.vigil.server.gateway.AuthMode.DEV || root.generated()) {
            System.out.println("  access key: " + root.accessKeyId());
            System.out.println("  secret key: " + root.secretAccessKey());
        } else {
            System.out.println("  access key: " + root.accessKeyId() + " (secret as configured)");
        }
        System.out.println("  store:      " + server.database().describe());
        System.out.flush();
        stopped.await();
    }
}
