package dev.vigil.server.gateway;

import dev.vigil.core.AwsException;

/**
 * Refuses a body larger than its operation's own limit ({@code OperationDescriptor.maxRequestBytes}, e.g.
 * PutMetricData's 1 MB) before anything parses it, measured as sent (a gzip body by its compressed size), with
 * AWS's 413 RequestEntityTooLarge "Request size N exceeded M bytes". Stateless; thread-safe.
 */
final class RequestSizeLimiter implements Stage {
    @Override
    public void apply(Exchange x) {
        long max = x.operation == null ? 0 : x.operation.maxRequestBytes();
        if (max <= 0) return;
        int size = (x.signedBody != null ? x.signedBody : x.request.body()).length;
        if (size > max) {
            throw new AwsException("RequestEntityTooLarge", 413, "Request size " + size + " exceeded " + max + " bytes");
        }
    }
}
