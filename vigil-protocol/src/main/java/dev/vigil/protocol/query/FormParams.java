package dev.vigil.protocol.query;

import dev.vigil.core.AwsException;
import dev.vigil.protocol.WireRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parses awsQuery parameters from a form body and the query string. Stateless. */
public final class FormParams {
    private FormParams() {}

    public static Map<String, String> of(WireRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        addAll(params, request.rawQuery());
        if (request.body().length > 0 && request.mediaType().equals("application/x-www-form-urlencoded")) {
            addAll(params, request.bodyText());
        }
        return params;
    }

    static void addAll(Map<String, String> into, String form) {
        if (form == null || form.isEmpty()) return;
        int start = 0;
        int n = form.length();
        while (start <= n) {
            int amp = form.indexOf('&', start);
            if (amp < 0) amp = n;
            if (amp > start) {
                String pair = form.substring(start, amp);
                int eq = pair.indexOf('=');
                String k = eq < 0 ? pair : pair.substring(0, eq);
                String v = eq < 0 ? "" : pair.substring(eq + 1);
                into.put(decode(k), decode(v));
            }
            start = amp + 1;
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new AwsException("MalformedQueryString", 400, "Malformed percent-encoding in: " + s);
        }
    }
}
