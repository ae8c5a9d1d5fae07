package dev.vigil.bench.http;

/**
 * What the generator keeps of a response: the status, and for failures the error code read from
 * {@code x-amzn-query-error} or the body. Reused by its connection for every exchange, so nothing
 * is allocated for successful responses. Not thread-safe; owned by one {@link HttpConnection}.
 */
public final class HttpResponse {
    int status;
    long bodyLength;
    String queryErrorHeader;
    byte[] errorBody;
    int errorBodyLength;
    boolean close;

    void reset() {
        status = 0;
        bodyLength = 0;
        queryErrorHeader = null;
        errorBodyLength = 0;
        close = false;
    }

    public int status() { return status; }

    public boolean ok() { return status >= 200 && status < 300; }

    public long bodyLength() { return bodyLength; }

    /** The server asked to close the connection (or gave no length), so the next request needs a new one. */
    public boolean close() { return close; }

    /** "403 SignatureDoesNotMatch" style key for a failed response; null when {@link #ok()}. */
    public String errorKey() {
        if (ok()) return null;
        String code = ErrorCodes.extract(queryErrorHeader, errorBody, errorBodyLength);
        return code == null ? String.valueOf(status) : status + " " + code;
    }
}
