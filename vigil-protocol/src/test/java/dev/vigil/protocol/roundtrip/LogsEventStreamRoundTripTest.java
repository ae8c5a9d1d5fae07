package dev.vigil.protocol.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.core.AwsException;
import dev.vigil.core.service.EventSink;
import dev.vigil.core.service.EventStream;
import dev.vigil.core.service.OperationDescriptor;
import dev.vigil.core.service.Protocol;
import dev.vigil.core.service.ServiceDescriptor;
import dev.vigil.protocol.WireRequest;
import dev.vigil.protocol.json.AwsJsonCodec;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LiveTailSessionStart;
import software.amazon.awssdk.services.cloudwatchlogs.model.LiveTailSessionUpdate;
import software.amazon.awssdk.services.cloudwatchlogs.model.SessionTimeoutException;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartLiveTailRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartLiveTailResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartLiveTailResponseHandler;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartLiveTailResponseStream;

/**
 * StartLiveTail, the event-stream operation of CloudWatch Logs, through the SDK's async client (the sync client
 * cannot send it): a fully populated request parses to an equal object, and fully populated events framed by
 * Vigil's awsJson event-stream writer reach the client's handler equal to the originals, as does the modeled
 * exception that ends a session.
 */
class LogsEventStreamRoundTripTest {
    static final String TARGET_PREFIX = LogsJsonRoundTripTest.TARGET_PREFIX;

    final FakeAsyncHttpClient http = new FakeAsyncHttpClient();
    final AwsJsonCodec codec = new AwsJsonCodec(Protocol.AWS_JSON_1_1);
    final ModelGenerator generator = new ModelGenerator();
    final OperationDescriptor<StartLiveTailRequest, StartLiveTailResponse> op =
            OperationDescriptor.builder("StartLiveTail", StartLiveTailRequest.class, StartLiveTailResponse.class)
                    .eventStream((ctx, r) -> null).iamAction("logs:StartLiveTail").build();
    final ServiceDescriptor service = ServiceDescriptor.builder("logs").protocols(Protocol.AWS_JSON_1_1)
            .jsonTargetPrefix(TARGET_PREFIX).apiVersion("2014-03-28").operation(op).build();

    CloudWatchLogsAsyncClient client(boolean hostPrefix) {
        return CloudWatchLogsAsyncClient.builder().region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .endpointOverride(URI.create("http://localhost:4566"))
                .httpClient(http)
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, !hostPrefix))
                .build();
    }

    /** A stream that plays {@code script} into the sink as soon as it is opened. */
    static EventStream scripted(Consumer<EventSink> script) {
        return new EventStream() {
            @Override public void open(EventSink sink) { script.accept(sink); }
            @Override public void close() {}
        };
    }

    List<StartLiveTailResponseStream> run(StartLiveTailRequest request, EventStream stream, boolean hostPrefix) {
        http.respondWith(wire -> codec.writeEventStream(StartLiveTailResponse.builder().build(), stream, service, op,
                RoundTrip.REQUEST_ID));
        List<StartLiveTailResponseStream> got = new CopyOnWriteArrayList<>();
        try (CloudWatchLogsAsyncClient c = client(hostPrefix)) {
            c.startLiveTail(request, StartLiveTailResponseHandler.builder().subscriber(got::add).build()).join();
        }
        return got;
    }

    @Test
    void requestParsesToAnEqualObject() {
        StartLiveTailRequest original = generator.generate(StartLiveTailRequest.class);
        run(original, scripted(EventSink::end), false);
        WireRequest wire = http.last();
        assertThat(RoundTrip.jsonOperation("application/x-amz-json-1.1", TARGET_PREFIX).apply(wire))
                .isEqualTo("StartLiveTail");
        SdkPojo parsed = codec.readRequest(wire, service, op);
        assertThat(SdkFieldsDiff.diff(original, parsed)).isEmpty();
        assertThat(parsed).isEqualTo(original);
        assertThat(wire.headers().get("host")).containsExactly("localhost:4566");
    }

    @Test
    void withoutDisablingTheHostPrefixTheClientAddressesStreamDashHost() {
        run(generator.generate(StartLiveTailRequest.class), scripted(EventSink::end), true);
        assertThat(http.last().headers().get("host")).containsExactly("stream-localhost:4566");
    }

    @Test
    void eventsReachTheHandlerEqualToWhatWasSent() {
        LiveTailSessionStart start = generator.generate(LiveTailSessionStart.class);
        LiveTailSessionUpdate update = generator.generate(LiveTailSessionUpdate.class);
        LiveTailSessionUpdate empty = LiveTailSessionUpdate.builder().sessionResults(List.of()).build();
        List<StartLiveTailResponseStream> got = run(generator.generate(StartLiveTailRequest.class), scripted(sink -> {
            sink.event("sessionStart", start);
            sink.event("sessionUpdate", update);
            sink.event("sessionUpdate", empty);
            sink.end();
        }), false);
        assertThat(got).hasSize(3);
        assertThat(got.get(0).sdkEventType()).isEqualTo(StartLiveTailResponseStream.EventType.SESSION_START);
        assertThat(SdkFieldsDiff.diff(start, asBase(LiveTailSessionStart.builder(), got.get(0)))).isEmpty();
        assertThat(got.get(1).sdkEventType()).isEqualTo(StartLiveTailResponseStream.EventType.SESSION_UPDATE);
        assertThat(SdkFieldsDiff.diff(update, asBase(LiveTailSessionUpdate.builder(), got.get(1)))).isEmpty();
        assertThat(((LiveTailSessionUpdate) got.get(2)).sessionResults()).isEmpty();
    }

    /** The event as its modeled shape (the client hands out a subclass per union member), member by member. */
    static SdkPojo asBase(Object builder, Object event) {
        SdkPojo pojo = (SdkPojo) event;
        for (var f : pojo.sdkFields()) f.set(builder, f.getValueOrDefault(pojo));
        return (SdkPojo) ((software.amazon.awssdk.utils.builder.SdkBuilder<?, ?>) builder).build();
    }

    @Test
    void aModeledExceptionEndsTheStreamAsThatException() {
        LiveTailSessionStart start = generator.generate(LiveTailSessionStart.class);
        List<StartLiveTailResponseStream> got = new CopyOnWriteArrayList<>();
        http.respondWith(wire -> codec.writeEventStream(StartLiveTailResponse.builder().build(), scripted(sink -> {
            sink.event("sessionStart", start);
            sink.fail(new AwsException("SessionTimeoutException", 400, "Session timed out after 3 hours."));
        }), service, op, RoundTrip.REQUEST_ID));
        Throwable error;
        try (CloudWatchLogsAsyncClient c = client(false)) {
            error = c.startLiveTail(generator.generate(StartLiveTailRequest.class),
                    StartLiveTailResponseHandler.builder().subscriber(got::add).build())
                    .handle((v, t) -> t).join();
        }
        assertThat(got).hasSize(1);
        Throwable cause = error instanceof CompletionException ? error.getCause() : error;
        assertThat(cause).isInstanceOf(SessionTimeoutException.class);
        assertThat(((SessionTimeoutException) cause).awsErrorDetails().errorMessage())
                .isEqualTo("Session timed out after 3 hours.");
    }
}
