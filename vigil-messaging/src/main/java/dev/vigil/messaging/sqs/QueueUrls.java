package dev.vigil.messaging.sqs;

import dev.vigil.core.AwsException;
import dev.vigil.core.RequestContext;

/**
 * Queue URLs, {@code http://<host>/<account>/<name>}: the host is the one the client addressed, so the URL
 * works against the same endpoint (clients that post to the queue URL, the AWS CLI's --queue-url).
 * Stateless.
 */
final class QueueUrls {
    /** Where URLs point when the request named no Host (internal calls). */
    static final String DEFAULT_HOST = "localhost:4566";

    /** A queue's account and name, as a URL names them. */
    record Ref(String accountId, String name) {}

    private QueueUrls() {}

    static String url(RequestContext ctx, String accountId, String name) {
        String host = ctx == null || ctx.host() == null || ctx.host().isBlank() ? DEFAULT_HOST : ctx.host();
        return "http://" + host + "/" + accountId + "/" + name;
    }

    /** Parses a queue URL (or a bare "/account/name" path). */
    static Ref parse(String url) {
        if (url == null || url.isEmpty()) throw SqsErrors.missing("QueueUrl");
        String path = url;
        int scheme = url.indexOf("://");
        if (scheme >= 0) {
            int slash = url.indexOf('/', scheme + 3);
            path = slash < 0 ? "" : url.substring(slash);
        }
        int q = path.indexOf('?');
        if (q >= 0) path = path.substring(0, q);
        String[] parts = path.split("/");
        // "", account, name
        if (parts.length != 3 || !parts[0].isEmpty() || parts[1].length() != 12 || !parts[1].chars().allMatch(Character::isDigit)
                || parts[2].isEmpty()) {
            throw new AwsException(SqsErrors.INVALID_ADDRESS, 404, "The address " + url + " is not valid for this endpoint.");
        }
        return new Ref(parts[1], parts[2]);
    }
}
