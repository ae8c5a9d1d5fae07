package dev.vigil.testkit;

import dev.vigil.server.VigilConfig;
import dev.vigil.server.VigilServer;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * A Vigil on a random loopback port with an in-memory store, and SDK v2 clients pointed at it
 * (credentials test/test, us-east-1, no retries). Thread-safe.
 */
public final class VigilTestServer implements AutoCloseable {
    private final VigilServer server;

    private VigilTestServer(VigilServer server) { this.server = server; }

    public static VigilTestServer start() { return start(c -> c); }

    public static VigilTestServer start(UnaryOperator<VigilConfig> customize) {
        return start(customize, Clock.systemUTC());
    }

    public static VigilTestServer start(UnaryOperator<VigilConfig> customize, Clock clock) {
        VigilConfig base = VigilConfig.parse(new String[] {"--port", "0", "--ephemeral"}, Map.of());
        return new VigilTestServer(VigilServer.start(customize.apply(base), clock));
    }

    public URI endpoint() { return URI.create("http://127.0.0.1:" + server.port()); }

    public int port() { return server.port(); }

    public VigilServer server() { return server; }

    /** Configures any SDK v2 client builder for this server with the default root credentials. */
    public <B extends AwsClientBuilder<B, C>, C> C client(B builder) {
        return client(builder, server.rootCredentials().accessKeyId(), server.rootCredentials().secretAccessKey());
    }

    public <B extends AwsClientBuilder<B, C>, C> C client(B builder, String accessKeyId, String secret) {
        return client(builder, StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)));
    }

    public <B extends AwsClientBuilder<B, C>, C> C client(B builder, AwsCredentialsProvider credentials) {
        builder.endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(b -> b.maxAttempts(1))
                        .build());
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClientBuilder(UrlConnectionHttpClient.builder());
        }
        return builder.build();
    }

    @Override
    public void close() { server.close(); }
}
