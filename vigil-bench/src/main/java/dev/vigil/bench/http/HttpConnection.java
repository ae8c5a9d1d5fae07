package dev.vigil.bench.http;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal HTTP/1.1 keep-alive client over one socket: writes a complete pre-built request, reads
 * the status line, the few headers the generator needs (Content-Length, Transfer-Encoding,
 * Connection, x-amzn-query-error) and the body, which is discarded unless the status is an error.
 * Kept this small so a 2-core machine spends its time in the server, not in the client. One
 * request at a time (no pipelining); reconnects transparently when the server closed the connection.
 * Not thread-safe: one per worker thread.
 */
public final class HttpConnection implements Closeable {
    private static final int ERROR_BODY_MAX = 8192;

    private final InetSocketAddress address;
    private final int timeoutMillis;
    private final byte[] buf = new byte[32 * 1024];
    private final HttpResponse response = new HttpResponse();
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private int pos;
    private int lim;

    public HttpConnection(InetSocketAddress address, int timeoutMillis) {
        this.address = address;
        this.timeoutMillis = timeoutMillis;
        response.errorBody = new byte[ERROR_BODY_MAX];
    }

    /**
     * Sends {@code request} (request line, headers and body, ready to write) and reads the response.
     * The returned object is reused by the next call.
     *
     * @throws IOException on any transport or framing failure; the connection is closed and the next call reconnects
     */
    public HttpResponse exchange(byte[] request) throws IOException {
        if (socket == null) connect();
        try {
            out.write(request);
            out.flush();
            readResponse();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        if (response.close) close();
        return response;
    }

    private void connect() throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.setKeepAlive(true);
        s.setSoTimeout(timeoutMillis);
        s.connect(address, timeoutMillis);
        socket = s;
        in = s.getInputStream();
        out = s.getOutputStream();
        pos = 0;
        lim = 0;
    }

    private void readResponse() throws IOException {
        HttpResponse r = response;
        r.reset();
        int end = readLine();
        r.status = parseStatus(pos, end);
        pos = next(end);
        long contentLength = -1;
        boolean chunked = false;
        while (true) {
            end = readLine();
            int lineEnd = end > pos && buf[end - 1] == '\r' ? end - 1 : end;
            if (lineEnd == pos) {            // blank line: end of headers
                pos = next(end);
                break;
            }
            int colon = indexOf(':', pos, lineEnd);
            if (colon > 0) {
                int v = colon + 1;
                while (v < lineEnd && (buf[v] == ' ' || buf[v] == '\t')) v++;
                if (nameIs("content-length", pos, colon)) {
                    contentLength = parseLong(v, lineEnd);
                } else if (nameIs("transfer-encoding", pos, colon)) {
                    chunked = contains("chunked", v, lineEnd);
                } else if (nameIs("connection", pos, colon)) {
                    r.close = contains("close", v, lineEnd);
                } else if (nameIs("x-amzn-query-error", pos, colon)) {
                    r.queryErrorHeader = new String(buf, v, lineEnd - v, StandardCharsets.US_ASCII);
                }
            }
            pos = next(end);
        }
        if (r.status == 100) {                // interim response; the real one follows
            readResponse();
            return;
        }
        if (r.status == 204 || r.status == 304 || (r.status >= 100 && r.status < 200)) return;
        if (chunked) {
            readChunked();
        } else if (contentLength >= 0) {
            readBody(contentLength);
        } else {
            r.close = true;                  // body delimited by close
            readBody(Long.MAX_VALUE);
        }
    }

    private void readChunked() throws IOException {
        while (true) {
            int end = readLine();
            int lineEnd = end > pos && buf[end - 1] == '\r' ? end - 1 : end;
            int semi = indexOf(';', pos, lineEnd);
            long size = parseHex(pos, semi < 0 ? lineEnd : semi);
            pos = next(end);
            if (size == 0) {
                while (true) {               // trailers, then a blank line
                    end = readLine();
                    boolean blank = end == pos || (end == pos + 1 && buf[pos] == '\r');
                    pos = next(end);
                    if (blank) return;
                }
            }
            readBody(size);
            end = readLine();                // CRLF after the chunk
            pos = next(end);
        }
    }

    /** Consumes {@code n} body bytes, keeping the first few for error responses. */
    private void readBody(long n) throws IOException {
        HttpResponse r = response;
        long left = n;
        while (left > 0) {
            if (pos == lim && !fill(n == Long.MAX_VALUE)) return;
            int take = (int) Math.min(left, lim - pos);
            if (!r.ok() && r.errorBodyLength < ERROR_BODY_MAX) {
                int copy = Math.min(take, ERROR_BODY_MAX - r.errorBodyLength);
                System.arraycopy(buf, pos, r.errorBody, r.errorBodyLength, copy);
                r.errorBodyLength += copy;
            }
            pos += take;
            left -= take;
            r.bodyLength += take;
        }
    }

    /** Index of the next '\n' at or after pos, reading more (and compacting the buffer) as needed. */
    private int readLine() throws IOException {
        int scanned = pos;
        while (true) {
            for (int i = scanned; i < lim; i++) {
                if (buf[i] == '\n') return i;
            }
            if (pos == lim) {
                pos = 0;
                lim = 0;
            } else if (lim == buf.length) {
                if (pos == 0) throw new IOException("response header line longer than " + buf.length + " bytes");
                System.arraycopy(buf, pos, buf, 0, lim - pos);
                lim -= pos;
                pos = 0;
            }
            scanned = lim;
            int n = in.read(buf, lim, buf.length - lim);
            if (n < 0) throw new EOFException("connection closed by server");
            lim += n;
        }
    }

    /** Refills the (fully consumed) buffer. False on end of stream when {@code eofOk}. */
    private boolean fill(boolean eofOk) throws IOException {
        pos = 0;
        lim = 0;
        int n = in.read(buf, 0, buf.length);
        if (n < 0) {
            if (eofOk) return false;
            throw new EOFException("connection closed by server");
        }
        lim = n;
        return true;
    }

    private int next(int newline) { return newline + 1; }

    private int parseStatus(int start, int end) throws IOException {
        // "HTTP/1.1 200 OK": the three digits after the first space
        int sp = indexOf(' ', start, end);
        if (sp < 0 || sp + 4 > end || buf[start] != 'H') throw new IOException("not an HTTP response");
        int s = 0;
        for (int i = sp + 1; i < sp + 4; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) throw new IOException("bad status line");
            s = s * 10 + d;
        }
        return s;
    }

    private int indexOf(char c, int from, int to) {
        for (int i = from; i < to; i++) if (buf[i] == c) return i;
        return -1;
    }

    /** Case-insensitive ASCII comparison of buf[from, to) with a lower-case name. */
    private boolean nameIs(String lower, int from, int to) {
        if (to - from != lower.length()) return false;
        for (int i = 0; i < lower.length(); i++) {
            int c = buf[from + i];
            if (c >= 'A' && c <= 'Z') c += 32;
            if (c != lower.charAt(i)) return false;
        }
        return true;
    }

    private boolean contains(String lower, int from, int to) {
        outer:
        for (int i = from; i <= to - lower.length(); i++) {
            for (int j = 0; j < lower.length(); j++) {
                int c = buf[i + j];
                if (c >= 'A' && c <= 'Z') c += 32;
                if (c != lower.charAt(j)) continue outer;
            }
            return true;
        }
        return false;
    }

    private long parseLong(int from, int to) throws IOException {
        long v = 0;
        int i = from;
        for (; i < to && buf[i] >= '0' && buf[i] <= '9'; i++) v = v * 10 + (buf[i] - '0');
        if (i == from) throw new IOException("bad Content-Length");
        return v;
    }

    private long parseHex(int from, int to) throws IOException {
        long v = 0;
        int i = from;
        for (; i < to; i++) {
            int d = Character.digit(buf[i], 16);
            if (d < 0) break;
            v = v * 16 + d;
        }
        if (i == from) throw new IOException("bad chunk size");
        return v;
    }

    @Override
    public void close() {
        Socket s = socket;
        socket = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // nothing to do: the connection is being abandoned anyway
            }
        }
    }
}
