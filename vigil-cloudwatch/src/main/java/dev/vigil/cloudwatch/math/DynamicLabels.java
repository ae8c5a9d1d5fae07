package dev.vigil.cloudwatch.math;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dynamic labels ("Use dynamic labels", CloudWatch User Guide): a Label holding {@code ${...}} placeholders is
 * rendered per result series from that series' values in the requested range and its properties. Statistical
 * values of a series without datapoints render empty; an unknown placeholder is left as written; an unknown
 * {@code PROP} renders empty. Numbers are written in their shortest exact decimal form, timestamps as ISO-8601
 * instants and time ranges as ISO-8601 durations. Stateless.
 */
public final class DynamicLabels {
    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\$\\{(?:PROP\\(\\s*['\"]([^'\"]*)['\"]\\s*\\)|([A-Z_]+))}");

    private DynamicLabels() {}

    public static boolean isDynamic(String label) {
        return label != null && PLACEHOLDER.matcher(label).find();
    }

    /**
     * @param template     the query's Label
     * @param s            the result series (its props answer PROP)
     * @param defaultLabel what {@code ${LABEL}} stands for: the label the series would have had without Label
     * @param nowMillis    the time *_RELATIVE values are measured from
     */
    public static String render(String template, Series s, String defaultLabel, long nowMillis) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value;
            if (m.group(1) != null) {
                value = s.props().getOrDefault(m.group(1), "");
            } else {
                value = live(m.group(2), s, defaultLabel, nowMillis);
                if (value == null) value = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The value of one live placeholder, or null when the name is not one of AWS's. */
    private static String live(String name, Series s, String defaultLabel, long now) {
        if (name.equals("LABEL")) return defaultLabel == null ? "" : defaultLabel;
        if (name.equals("DATAPOINT_COUNT")) return Integer.toString(s.size());
        if (!isKnown(name)) return null;
        if (s.isEmpty()) return "";
        double[] v = s.values();
        long[] t = s.timestamps();
        int n = v.length;
        int minAt = 0;
        int maxAt = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += v[i];
            if (v[i] < v[minAt]) minAt = i;
            if (v[i] > v[maxAt]) maxAt = i;
        }
        return switch (name) {
            case "AVG" -> number(sum / n);
            case "SUM" -> number(sum);
            case "MIN" -> number(v[minAt]);
            case "MAX" -> number(v[maxAt]);
            case "FIRST" -> number(v[0]);
            case "LAST" -> number(v[n - 1]);
            case "FIRST_LAST_RANGE" -> number(v[n - 1] - v[0]);
            case "MIN_MAX_RANGE" -> number(v[maxAt] - v[minAt]);
            case "FIRST_TIME" -> time(t[0]);
            case "LAST_TIME" -> time(t[n - 1]);
            case "MIN_TIME" -> time(t[minAt]);
            case "MAX_TIME" -> time(t[maxAt]);
            case "FIRST_LAST_TIME_RANGE" -> duration(t[n - 1] - t[0]);
            case "MIN_MAX_TIME_RANGE" -> duration(t[maxAt] - t[minAt]);
            case "FIRST_TIME_RELATIVE" -> duration(now - t[0]);
            case "LAST_TIME_RELATIVE" -> duration(now - t[n - 1]);
            case "MIN_TIME_RELATIVE" -> duration(now - t[minAt]);
            case "MAX_TIME_RELATIVE" -> duration(now - t[maxAt]);
            default -> null;
        };
    }

    private static boolean isKnown(String name) {
        return switch (name) {
            case "AVG", "SUM", "MIN", "MAX", "FIRST", "LAST", "FIRST_LAST_RANGE", "MIN_MAX_RANGE", "FIRST_TIME",
                 "LAST_TIME", "MIN_TIME", "MAX_TIME", "FIRST_LAST_TIME_RANGE", "MIN_MAX_TIME_RANGE",
                 "FIRST_TIME_RELATIVE", "LAST_TIME_RELATIVE", "MIN_TIME_RELATIVE", "MAX_TIME_RELATIVE" -> true;
            default -> false;
        };
    }

    static String number(double v) {
        if (!Double.isFinite(v)) return Double.toString(v);
        BigDecimal d = BigDecimal.valueOf(v).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    private static String time(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    private static String duration(long millis) {
        return Duration.ofMillis(Math.abs(millis)).toString();
    }
}
