package dev.vigil.logs.insights;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fields Insights discovers in AWS Lambda logs: {@code @type} and {@code @requestId} of the START, END
 * and REPORT platform lines, the REPORT figures ({@code @duration}, {@code @billedDuration},
 * {@code @initDuration} in milliseconds; {@code @memorySize}, {@code @maxMemoryUsed} in bytes), the X-Ray ids,
 * and the {@code @requestId} of a runtime log line ({@code <time>\t<request id>\t<level>\t<text>} or
 * {@code [<level>]\t<time>\t<request id>\t<text>}). AWS applies these to Lambda log groups; here they are
 * recognised by the line format alone. Stateless.
 */
final class LambdaFields {
    private static final Pattern PLATFORM = Pattern.compile("^(START|END|REPORT) RequestId: (\\S+)");
    private static final Pattern FIGURE = Pattern.compile("(Billed Duration|Init Duration|Duration|Memory Size|Max Memory Used): ([0-9.]+) (ms|MB)");
    private static final Pattern XRAY = Pattern.compile("XRAY TraceId: (\\S+)\\s+SegmentId: (\\S+)");
    private static final Pattern REQUEST_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");

    private LambdaFields() { }

    static boolean platformLine(String m, FieldDiscovery.Walk w) {
        if (!(m.startsWith("START ") || m.startsWith("END ") || m.startsWith("REPORT "))) return false;
        Matcher p = PLATFORM.matcher(m);
        if (!p.find()) return false;
        w.put("@type", p.group(1));
        w.put("@requestId", p.group(2));
        if (p.group(1).equals("REPORT")) {
            Matcher f = FIGURE.matcher(m);
            while (f.find()) {
                String value = f.group(3).equals("MB") ? megabytes(f.group(2)) : f.group(2);
                w.put(switch (f.group(1)) {
                    case "Duration" -> "@duration";
                    case "Billed Duration" -> "@billedDuration";
                    case "Init Duration" -> "@initDuration";
                    case "Memory Size" -> "@memorySize";
                    default -> "@maxMemoryUsed";
                }, value);
            }
            Matcher x = XRAY.matcher(m);
            if (x.find()) {
                w.put("@xrayTraceId", x.group(1));
                w.put("@xraySegmentId", x.group(2));
            }
        }
        return true;
    }

    /** Adds the request id of a runtime line; returns where its first JSON fragment starts, or -1. */
    static int applicationLine(String m, FieldDiscovery.Walk w) {
        int t1 = m.indexOf('\t');
        if (t1 < 0) return -1;
        int t2 = m.indexOf('\t', t1 + 1);
        if (t2 < 0) return -1;
        String a = m.substring(0, t1), b = m.substring(t1 + 1, t2);
        String requestId;
        if (TIME.matcher(a).matches() && REQUEST_ID.matcher(b).matches()) {
            requestId = b; // Node.js, Java, .NET: time, request id, level, text
        } else if (a.startsWith("[") && a.endsWith("]") && TIME.matcher(b).matches()) {
            int t3 = m.indexOf('\t', t2 + 1);
            String c = m.substring(t2 + 1, t3 < 0 ? m.length() : t3);
            if (!REQUEST_ID.matcher(c).matches()) return -1;
            requestId = c; // Python: [level], time, request id, text
        } else {
            return -1;
        }
        w.put("@requestId", requestId);
        return m.indexOf('{', t2);
    }

    private static String megabytes(String mb) {
        try {
            return new java.math.BigDecimal(mb).multiply(java.math.BigDecimal.valueOf(1_000_000))
                    .stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
