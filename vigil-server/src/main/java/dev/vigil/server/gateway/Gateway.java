package dev.vigil.server.gateway;

import dev.vigil.core.AwsException;
import dev.vigil.core.Ids;
import dev.vigil.core.spi.Interconnect;
import dev.vigil.protocol.WireRequest;
import dev.vigil.protocol.WireResponse;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.core.SdkPojo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway assembly (DESIGN §1): the one place the handler chain is put together, in order.
 * Thread-safe; one instance serves every request.
 */
public final class Gateway {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    private static final Logger REQUESTS = LoggerFactory.getLogger("vigil.request");

    private final Clock clock;
    private final List<Stage> stages;
    private final ResponseSerializer serializer = new ResponseSerializer();
    private final CloudTrailRecorder recorder;
    private final Codecs codecs = new Codecs();
    private final long maxBodyBytes;
    private final SigV4Authenticator authenticator;

    public Gateway(ServiceRegistry registry, Interconnect interconnect, Authentication authentication,
                   Clock clock, String defaultRegion, long maxBodyBytes) {
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
        this.recorder = new CloudTrailRecorder(interconnect, defaultRegion);
        this.authenticator = new SigV4Authenticator(authentication, clock);
        this.stages = List.of(
                new BodyDecoder(maxBodyBytes),
                new ServiceResolver(registry, codecs, defaultRegion),
                new RequestSizeLimiter(),
                authenticator,
                new RequestParser(),
                new RequestValidator(),
                new IamAuthorizer(interconnect),
                new ProviderInvoker());
    }

    public long maxBodyBytes() { return maxBodyBytes; }

    /**
     * Serves one request, waiting for an asynchronous operation's result. {@code bodyTooLarge} says the HTTP
     * layer stopped reading the body at the limit.
     */
    public WireResponse handle(WireRequest request, boolean bodyTooLarge) {
        return handleAsync(request, bodyTooLarge).toCompletableFuture().join();
    }

    /**
     * Serves one request; the result is already complete unless the operation is asynchronous (a long poll), in
     * which case no thread waits for it. Cancelling the returned future (the client went away) cancels the
     * provider's pending result. Never completes exceptionally: failures become AWS errors.
     */
    public CompletableFuture<WireResponse> handleAsync(WireRequest request, boolean bodyTooLarge) {
        Exchange x = new Exchange(request, Ids.requestId(), clock.instant());
        try {
            if (bodyTooLarge) throw BodyDecoder.tooLarge(maxBodyBytes);
            for (Stage s : stages) s.apply(x);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(finish(x, null, e));
        }
        if (x.pending == null) return CompletableFuture.completedFuture(finish(x, x.output, null));
        CompletableFuture<? extends SdkPojo> pending = x.pending.toCompletableFuture();
        CompletableFuture<WireResponse> out = pending.handle((o, e) -> finish(x, o, e));
        out.whenComplete((r, e) -> {
            if (!out.isCancelled()) return;
            pending.cancel(false);
            finish(x, null, new java.util.concurrent.CancellationException()); // still audited and logged
        });
        return out;
    }

    private WireResponse finish(Exchange x, SdkPojo output, Throwable failure) {
        if (failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        try {
            if (failure != null) throw failure;
            if (output == null) throw new IllegalStateException(x.operationName + " returned no response");
            x.output = output;
            x.response = serializer.success(x);
        } catch (AwsException e) {
            fail(x, e);
        } catch (java.util.concurrent.CancellationException e) {
            // The client went away or the server is stopping: nobody reads this answer.
            fail(x, new AwsException("ServiceUnavailable", 503, "The request was cancelled before it completed."));
        } catch (Throwable e) {
            LOG.error("internal error serving {} {}", x.service == null ? "?" : x.service.signingName(),
                    x.operationName, e);
            fail(x, new AwsException("InternalFailure", 500,
                    "The request processing has failed because of an unknown error, exception or failure."));
        }
        recorder.record(x);
        logRequest(x);
        return x.response;
    }

    private void fail(Exchange x, AwsException e) {
        x.error = e;
        if (x.caller == null && x.context == null) authenticator.identifyForAudit(x);
        if (x.codec == null) x.codec = codecs.get(ProtocolGuess.of(x.request));
        try {
            x.response = serializer.error(x, e);
        } catch (RuntimeException bug) {
            LOG.error("could not serialize error {}", e.code(), bug);
            x.response = new WireResponse(500, "text/plain", new byte[0]).header("x-amzn-RequestId", x.requestId);
        }
    }

    private static void logRequest(Exchange x) {
        if (!REQUESTS.isInfoEnabled()) return;
        long ms = (System.nanoTime() - x.startNanos) / 1_000_000;
        REQUESTS.info("{} {} {} {}ms {}",
                x.service == null ? "-" : x.service.displayName(),
                x.operationName == null ? "-" : x.operationName,
                x.response.status(), ms,
                x.caller == null ? "-" : x.caller.accountId());
    }
}
