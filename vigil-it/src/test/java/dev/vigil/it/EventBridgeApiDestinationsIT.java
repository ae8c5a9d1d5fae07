package dev.vigil.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.core.MutableClock;
import dev.vigil.testkit.VigilTestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ConnectionAuthorizationType;
import software.amazon.awssdk.services.eventbridge.model.ConnectionState;
import software.amazon.awssdk.services.eventbridge.model.DescribeConnectionResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * API destinations against a local HTTP server: Basic, API-key and OAuth client-credentials connections (a real token
 * request, the token re-fetched after a 401), path, header and query parameters of the target, secrets never
 * answered, and failures: a 500 retried per the RetryPolicy then dead-lettered with AWS's attributes, a 400 not
 * retried. Time moves on a MutableClock between retries.
 */
class EventBridgeApiDestinationsIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ACCOUNT = "000000000000";
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));

    record Seen(String method, String path, String query, Map<String, List<String>> headers, String body) {
        String header(String name) {
            for (var e : headers.entrySet()) if (e.getKey().equalsIgnoreCase(name)) return e.getValue().get(0);
            return null;
        }
    }

    static VigilTestServer vigil;
    static EventBridgeClient events;
    static SqsClient sqs;
    static HttpServer http;
    static String base;
    static final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
    static final AtomicInteger tokensIssued = new AtomicInteger();
    static final List<String> tokenRequests = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        vigil = VigilTestServer.start(c -> c, CLOCK);
        events = vigil.client(EventBridgeClient.builder());
        sqs = vigil.client(SqsClient.builder());
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/ok", ex -> answer(ex, 200));
        http.createContext("/fail500", ex -> answer(ex, 500));
        http.createContext("/fail400", ex -> answer(ex, 400));
        http.createContext("/token-refused", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(400, -1);
            ex.close();
        });
        http.createContext("/token", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (tokenRequests) {
                tokenRequests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getQuery() + " "
                        + ex.getRequestHeaders().getFirst("Authorization") + " " + body);
            }
            byte[] out = ("{\"access_token\": \"tok-" + tokensIssued.incrementAndGet()
                    + "\", \"token_type\": \"Bearer\", \"expires_in\": 3600}").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        // The first bearer token is "expired": the API answers 401 until it sees a fresh one.
        http.createContext("/oauth-api", ex -> answer(ex, "Bearer tok-1".equals(ex.getRequestHeaders()
                .getFirst("Authorization")) ? 401 : 200));
        http.start();
        base = "http://127.0.0.1:" + http.getAddress().getPort();
    }

    static void answer(HttpExchange ex, int status) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen.add(new Seen(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), ex.getRequestURI().getRawQuery(),
                Map.copyOf(ex.getRequestHeaders()), body));
        ex.sendResponseHeaders(status, -1);
        ex.close();
    }

    @AfterAll
    static void stop() {
        if (http != null) http.stop(0);
        if (sqs != null) sqs.close();
        if (events != null) events.close();
        if (vigil != null) vigil.close();
    }

    /** Waits for a condition while moving the clock, so retries with back-off come due. */
    static void await(BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 400 && !done.getAsBoolean(); i++) {
            CLOCK.advance(Duration.ofSeconds(2));
            Thread.sleep(50);
        }
        assertThat(done.getAsBoolean()).as("condition reached").isTrue();
    }

    /** The next request to {@code path}; requests to other paths stay queued for their own tests. */
    static Seen next(String path) throws InterruptedException {
        List<Seen> others = new ArrayList<>();
        try {
            for (int i = 0; i < 400; i++) {
                Seen s = seen.poll(50, TimeUnit.MILLISECONDS);
                if (s != null && s.path().startsWith(path)) return s;
                if (s != null) others.add(s);
                CLOCK.advance(Duration.ofSeconds(2));
            }
        } finally {
            seen.addAll(others);
        }
        throw new AssertionError("no request to " + path);
    }

    static String ruleArn(String name) {
        return "arn:aws:events:us-east-1:" + ACCOUNT + ":rule/" + name;
    }

    static String[] queue(String name, String ruleArn) {
        String url = sqs.createQueue(r -> r.queueName(name)).queueUrl();
        String arn = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String policy = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
                + " \"Principal\": {\"Service\": \"events.amazonaws.com\"}, \"Action\": \"sqs:SendMessage\","
                + " \"Resource\": \"" + arn + "\", \"Condition\": {\"ArnEquals\": {\"aws:SourceArn\": \"" + ruleArn + "\"}}}]}";
        sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(Map.of(QueueAttributeName.POLICY, policy)));
        return new String[] {url, arn};
    }

    @Test
    void aBasicAuthDestinationPostsTheShapedEventWithPathHeaderAndQueryParameters() throws Exception {
        String conn = events.createConnection(r -> r.name("basic-conn").authorizationType(ConnectionAuthorizationType.BASIC)
                .authParameters(a -> a.basicAuthParameters(b -> b.username("alice").password("s3cret"))
                        .invocationHttpParameters(h -> h.headerParameters(p -> p.key("X-Conn").value("c1")
                                .isValueSecret(false))))).connectionArn();
        DescribeConnectionResponse d = events.describeConnection(r -> r.name("basic-conn"));
        assertThat(d.connectionState()).isEqualTo(ConnectionState.AUTHORIZED);
        assertThat(d.authParameters().basicAuthParameters().username()).isEqualTo("alice");
        assertThat(d.secretArn()).startsWith("arn:aws:secretsmanager:us-east-1:" + ACCOUNT + ":secret:events!connection/basic-conn/");
        assertThat(d.toString()).doesNotContain("s3cret");
        assertThatThrownBy(() -> events.createConnection(r -> r.name("basic-conn")
                .authorizationType(ConnectionAuthorizationType.BASIC)
                .authParameters(a -> a.basicAuthParameters(b -> b.username("x").password("y")))))
                .isInstanceOf(ResourceAlreadyExistsException.class);

        String dest = events.createApiDestination(r -> r.name("orders-api").connectionArn(conn)
                .invocationEndpoint(base + "/ok/orders/*/items").httpMethod("POST").invocationRateLimitPerSecond(10))
                .apiDestinationArn();
        assertThat(events.describeApiDestination(r -> r.name("orders-api")).invocationRateLimitPerSecond()).isEqualTo(10);
        assertThat(events.listApiDestinations(r -> r.connectionArn(conn)).apiDestinations()).extracting("name")
                .containsExactly("orders-api");

        events.putRule(r -> r.name("to-api").eventPattern("{\"source\": [\"shop.api\"]}"));
        events.putTargets(r -> r.rule("to-api").targets(t -> t.id("api").arn(dest)
                .httpParameters(h -> h.pathParameterValues("o 42").headerParameters(Map.of("X-Trace", "t-1"))
                        .queryStringParameters(Map.of("mode", "fast")))
                .inputTransformer(x -> x.inputPathsMap(Map.of("id", "$.detail.id"))
                        .inputTemplate("{\"order\": <id>}"))));
        assertThat(events.listTargetsByRule(r -> r.rule("to-api")).targets().get(0).httpParameters()
                .pathParameterValues()).containsExactly("o 42");
        events.putEvents(r -> r.entries(e -> e.source("shop.api").detailType("Order").detail("{\"id\": \"o-42\"}")));

        Seen s = next("/ok/orders/");
        assertThat(s.method()).isEqualTo("POST");
        assertThat(s.path()).isEqualTo("/ok/orders/o%2042/items");
        assertThat(s.query()).isEqualTo("mode=fast");
        assertThat(s.header("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8)));
        assertThat(s.header("X-Trace")).isEqualTo("t-1");
        assertThat(s.header("X-Conn")).isEqualTo("c1");
        assertThat(JSON.readTree(s.body()).get("order").asText()).isEqualTo("o-42");
    }

    @Test
    void anApiKeyConnectionSendsItsKeyHeader() throws Exception {
        String conn = events.createConnection(r -> r.name("key-conn").authorizationType(ConnectionAuthorizationType.API_KEY)
                .authParameters(a -> a.apiKeyAuthParameters(k -> k.apiKeyName("x-api-key").apiKeyValue("k-123"))))
                .connectionArn();
        assertThat(events.describeConnection(r -> r.name("key-conn")).authParameters().apiKeyAuthParameters()
                .apiKeyName()).isEqualTo("x-api-key");
        String dest = events.createApiDestination(r -> r.name("key-api").connectionArn(conn)
                .invocationEndpoint(base + "/ok/keyed").httpMethod("PUT")).apiDestinationArn();
        events.putRule(r -> r.name("to-key-api").eventPattern("{\"source\": [\"shop.key\"]}"));
        events.putTargets(r -> r.rule("to-key-api").targets(t -> t.id("api").arn(dest)));
        String id = events.putEvents(r -> r.entries(e -> e.source("shop.key").detailType("T").detail("{}")))
                .entries().get(0).eventId();
        Seen s = next("/ok/keyed");
        assertThat(s.method()).isEqualTo("PUT");
        assertThat(s.header("x-api-key")).isEqualTo("k-123");
        assertThat(JSON.readTree(s.body()).get("id").asText()).isEqualTo(id);
    }

    @Test
    void anOAuthConnectionFetchesATokenAndFetchesAnotherAfterA401() throws Exception {
        String conn = events.createConnection(r -> r.name("oauth-conn")
                .authorizationType(ConnectionAuthorizationType.OAUTH_CLIENT_CREDENTIALS)
                .authParameters(a -> a.oAuthParameters(o -> o.authorizationEndpoint(base + "/token").httpMethod("POST")
                        .clientParameters(c -> c.clientID("client-1").clientSecret("cs-1"))
                        .oAuthHttpParameters(h -> h.bodyParameters(b -> b.key("scope").value("orders").isValueSecret(false))
                                .queryStringParameters(q -> q.key("audience").value("api").isValueSecret(false))))))
                .connectionArn();
        await(() -> events.describeConnection(r -> r.name("oauth-conn")).connectionState() == ConnectionState.AUTHORIZED);
        synchronized (tokenRequests) {
            assertThat(tokenRequests).hasSize(1);
            assertThat(tokenRequests.get(0)).isEqualTo("POST audience=api Basic "
                    + Base64.getEncoder().encodeToString("client-1:cs-1".getBytes(StandardCharsets.UTF_8))
                    + " scope=orders&grant_type=client_credentials");
        }
        DescribeConnectionResponse d = events.describeConnection(r -> r.name("oauth-conn"));
        assertThat(d.authParameters().oAuthParameters().clientParameters().clientID()).isEqualTo("client-1");
        assertThat(d.toString()).doesNotContain("cs-1");

        String dest = events.createApiDestination(r -> r.name("oauth-api").connectionArn(conn)
                .invocationEndpoint(base + "/oauth-api").httpMethod("POST")).apiDestinationArn();
        events.putRule(r -> r.name("to-oauth-api").eventPattern("{\"source\": [\"shop.oauth\"]}"));
        events.putTargets(r -> r.rule("to-oauth-api").targets(t -> t.id("api").arn(dest)
                .retryPolicy(p -> p.maximumRetryAttempts(3).maximumEventAgeInSeconds(3600))));
        events.putEvents(r -> r.entries(e -> e.source("shop.oauth").detailType("T").detail("{}")));
        assertThat(next("/oauth-api").header("Authorization")).isEqualTo("Bearer tok-1"); // answered 401
        assertThat(next("/oauth-api").header("Authorization")).isEqualTo("Bearer tok-2"); // retried with a new token
        assertThat(tokensIssued.get()).isEqualTo(2);

        events.deauthorizeConnection(r -> r.name("oauth-conn"));
        assertThat(events.describeConnection(r -> r.name("oauth-conn")).connectionState())
                .isEqualTo(ConnectionState.DEAUTHORIZED);
    }

    @Test
    void aTokenEndpointThatRefusesDeauthorizesTheConnection() throws Exception {
        events.createConnection(r -> r.name("refused-conn")
                .authorizationType(ConnectionAuthorizationType.OAUTH_CLIENT_CREDENTIALS)
                .authParameters(a -> a.oAuthParameters(o -> o.authorizationEndpoint(base + "/token-refused")
                        .httpMethod("POST").clientParameters(c -> c.clientID("c").clientSecret("wrong")))));
        await(() -> events.describeConnection(r -> r.name("refused-conn")).connectionState()
                == ConnectionState.DEAUTHORIZED);
        assertThat(events.describeConnection(r -> r.name("refused-conn")).stateReason()).contains("400");
        assertThat(events.listConnections(r -> r.connectionState(ConnectionState.DEAUTHORIZED)).connections())
                .extracting("name").contains("refused-conn");
    }

    @Test
    void aFailingDestinationIsRetriedThenDeadLettered() throws Exception {
        String conn = events.createConnection(r -> r.name("fail-conn").authorizationType(ConnectionAuthorizationType.API_KEY)
                .authParameters(a -> a.apiKeyAuthParameters(k -> k.apiKeyName("x-k").apiKeyValue("v")))).connectionArn();
        String dest = events.createApiDestination(r -> r.name("fail-api").connectionArn(conn)
                .invocationEndpoint(base + "/fail500").httpMethod("POST")).apiDestinationArn();
        String[] dlq = queue("api-dlq", ruleArn("to-failing"));
        events.putRule(r -> r.name("to-failing").eventPattern("{\"source\": [\"shop.fail\"]}"));
        events.putTargets(r -> r.rule("to-failing").targets(t -> t.id("api").arn(dest)
                .retryPolicy(p -> p.maximumRetryAttempts(2).maximumEventAgeInSeconds(86400))
                .deadLetterConfig(c -> c.arn(dlq[1]))));
        events.putEvents(r -> r.entries(e -> e.source("shop.fail").detailType("T").detail("{\"n\": 1}")));
        for (int i = 0; i < 3; i++) next("/fail500"); // the first attempt and two retries
        List<Message> dead = new ArrayList<>();
        await(() -> {
            dead.addAll(sqs.receiveMessage(r -> r.queueUrl(dlq[0]).messageAttributeNames("All")).messages());
            return !dead.isEmpty();
        });
        Map<String, software.amazon.awssdk.services.sqs.model.MessageAttributeValue> attrs = dead.get(0).messageAttributes();
        assertThat(attrs.get("RULE_ARN").stringValue()).isEqualTo(ruleArn("to-failing"));
        assertThat(attrs.get("TARGET_ARN").stringValue()).isEqualTo(dest);
        assertThat(attrs.get("ERROR_MESSAGE").stringValue()).contains("500");
        assertThat(attrs.get("ERROR_CODE").stringValue()).isNotBlank();
        assertThat(attrs.get("EXHAUSTED_RETRY_CONDITION").stringValue()).isEqualTo("MaximumRetryAttemptsExceeded");
        assertThat(attrs.get("RETRY_ATTEMPTS").stringValue()).isEqualTo("2");
        JsonNode body = JSON.readTree(dead.get(0).body());
        assertThat(body.get("source").asText()).isEqualTo("shop.fail");
        assertThat(seen.stream().filter(s -> s.path().equals("/fail500"))).isEmpty();
    }

    @Test
    void aClientErrorIsNotRetried() throws Exception {
        String conn = events.createConnection(r -> r.name("bad-conn").authorizationType(ConnectionAuthorizationType.API_KEY)
                .authParameters(a -> a.apiKeyAuthParameters(k -> k.apiKeyName("x-k").apiKeyValue("v")))).connectionArn();
        String dest = events.createApiDestination(r -> r.name("bad-api").connectionArn(conn)
                .invocationEndpoint(base + "/fail400").httpMethod("POST")).apiDestinationArn();
        String[] dlq = queue("api-dlq-400", ruleArn("to-bad"));
        events.putRule(r -> r.name("to-bad").eventPattern("{\"source\": [\"shop.bad\"]}"));
        events.putTargets(r -> r.rule("to-bad").targets(t -> t.id("api").arn(dest)
                .retryPolicy(p -> p.maximumRetryAttempts(5).maximumEventAgeInSeconds(86400))
                .deadLetterConfig(c -> c.arn(dlq[1]))));
        events.putEvents(r -> r.entries(e -> e.source("shop.bad").detailType("T").detail("{}")));
        next("/fail400");
        List<Message> dead = new ArrayList<>();
        await(() -> {
            dead.addAll(sqs.receiveMessage(r -> r.queueUrl(dlq[0]).messageAttributeNames("All")).messages());
            return !dead.isEmpty();
        });
        assertThat(dead.get(0).messageAttributes().get("RETRY_ATTEMPTS").stringValue()).isEqualTo("0");
        assertThat(dead.get(0).messageAttributes()).doesNotContainKey("EXHAUSTED_RETRY_CONDITION");
        assertThat(seen.stream().filter(s -> s.path().equals("/fail400"))).isEmpty();
    }

    @Test
    void connectionsAndDestinationsAnswerAwsErrors() {
        assertThatThrownBy(() -> events.describeConnection(r -> r.name("nope")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> events.describeApiDestination(r -> r.name("nope")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> events.createApiDestination(r -> r.name("orphan")
                .connectionArn("arn:aws:events:us-east-1:" + ACCOUNT + ":connection/none/0000-1111")
                .invocationEndpoint(base + "/ok").httpMethod("POST")))
                .isInstanceOf(ResourceNotFoundException.class);
        String conn = events.createConnection(r -> r.name("short-lived").authorizationType(ConnectionAuthorizationType.BASIC)
                .authParameters(a -> a.basicAuthParameters(b -> b.username("u").password("p")))).connectionArn();
        assertThat(events.listConnections(r -> r.namePrefix("short")).connections()).extracting("connectionArn")
                .containsExactly(conn);
        assertThat(events.updateConnection(r -> r.name("short-lived").description("changed")
                .authParameters(a -> a.basicAuthParameters(b -> b.password("p2")))).connectionState())
                .isEqualTo(ConnectionState.AUTHORIZED);
        assertThat(events.describeConnection(r -> r.name("short-lived")).description()).isEqualTo("changed");
        assertThat(events.deleteConnection(r -> r.name("short-lived")).connectionState()).isEqualTo(ConnectionState.DELETING);
        assertThatThrownBy(() -> events.describeConnection(r -> r.name("short-lived")))
                .isInstanceOf(ResourceNotFoundException.class);
    }
}
