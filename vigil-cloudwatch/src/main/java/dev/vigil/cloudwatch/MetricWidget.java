package dev.vigil.cloudwatch;

import static dev.vigil.cloudwatch.CloudWatchErrors.invalidValue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MetricWidget JSON of GetMetricWidgetImage, parsed as AWS documents it ("GetMetricWidgetImage: Metric Widget
 * Structure and Syntax"): {@code metrics} (arrays of namespace, name and dimension name/value pairs with "."
 * repeating the previous row's element, an options object last; or expression objects), {@code view},
 * {@code stacked}, {@code title}, {@code start}/{@code end} (relative ISO 8601 durations such as -PT3H, or
 * absolute), {@code period}, {@code stat}, {@code yAxis}, {@code annotations}, {@code legend}, {@code width},
 * {@code height} and {@code timezone}. Every problem answers InvalidParameterValue. Immutable.
 */
record MetricWidget(List<Line> lines, String view, boolean stacked, String title, Instant start, Instant end,
                    int period, String stat, Axis left, Axis right, List<HLine> horizontal, List<VLine> vertical,
                    String legend, int width, int height, ZoneId zone) {
    static final int DEFAULT_WIDTH = 600;
    static final int DEFAULT_HEIGHT = 400;
    static final int MAX_SIZE = 2000;
    static final int MAX_METRICS = 100;
    static final int DEFAULT_PERIOD = 300;
    static final String DEFAULT_STAT = "Average";
    static final Duration DEFAULT_RANGE = Duration.ofHours(3);
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{2}):?(\\d{2})");
    private static final Pattern COLOR = Pattern.compile("#?([0-9a-fA-F]{6})");
    private static final Set<String> VIEWS = Set.of("timeSeries", "singleValue", "bar", "pie", "gauge");

    /** One row of {@code metrics}: a metric (namespace, name, dimensions) or an expression; id assigned if absent. */
    record Line(String id, String namespace, String name, List<String[]> dimensions, String expression, String stat,
                Integer period, String label, Color color, boolean visible, boolean rightAxis) {
        boolean isExpression() {
            return expression != null;
        }
    }

    record Axis(Double min, Double max, String label) {}

    /** A horizontal annotation: a line at {@code value}, or a band to {@code to} when that is set. */
    record HLine(double value, Double to, String label, Color color, boolean rightAxis) {}

    record VLine(Instant at, String label, Color color) {}

    static MetricWidget parse(String text, Instant now) {
        if (text == null || text.isEmpty()) throw CloudWatchErrors.required("MetricWidget");
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw invalidValue("The parameter MetricWidget must be a valid JSON object: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw invalidValue("The parameter MetricWidget must be a valid JSON object.");
        List<Line> lines = lines(root.get("metrics"));
        String view = text(root, "view", "timeSeries");
        if (!VIEWS.contains(view)) {
            throw invalidValue("The field MetricWidget.view must be one of timeSeries, singleValue, bar, pie, gauge.");
        }
        Instant end = time(root, "end", now, now);
        Instant start = time(root, "start", now, now.minus(DEFAULT_RANGE));
        if (!start.isBefore(end)) throw invalidValue("The field MetricWidget.start must be before MetricWidget.end.");
        int period = integer(root, "period", DEFAULT_PERIOD, 1, Integer.MAX_VALUE);
        if (!PeriodRules.isValidPeriod(period)) {
            throw invalidValue("The field MetricWidget.period must be 1, 5, 10, 20, 30 or a multiple of 60.");
        }
        String stat = text(root, "stat", DEFAULT_STAT);
        if (Statistic.parse(stat) == null) throw invalidValue("The field MetricWidget.stat is not a valid statistic: " + stat);
        JsonNode yAxis = object(root, "yAxis");
        JsonNode annotations = object(root, "annotations");
        JsonNode legend = object(root, "legend");
        String position = legend == null ? "bottom" : text(legend, "position", "bottom");
        if (!Set.of("bottom", "right", "hidden").contains(position)) {
            throw invalidValue("The field MetricWidget.legend.position must be one of bottom, right, hidden.");
        }
        return new MetricWidget(lines, view, bool(root, "stacked", false), text(root, "title", null), start, end,
                period, stat, axis(yAxis, "left"), axis(yAxis, "right"), horizontal(annotations),
                vertical(annotations, now), position, integer(root, "width", DEFAULT_WIDTH, 1, MAX_SIZE),
                integer(root, "height", DEFAULT_HEIGHT, 1, MAX_SIZE), zone(text(root, "timezone", null)));
    }

    private static List<Line> lines(JsonNode metrics) {
        if (metrics == null || !metrics.isArray() || metrics.isEmpty()) {
            throw invalidValue("The field MetricWidget.metrics must be a non-empty array of metric arrays.");
        }
        if (metrics.size() > MAX_METRICS) {
            throw invalidValue("The field MetricWidget.metrics must not have more than " + MAX_METRICS + " entries.");
        }
        List<Line> raw = new ArrayList<>();
        List<String> previous = List.of();
        for (int i = 0; i < metrics.size(); i++) {
            String p = "MetricWidget.metrics[" + i + "]";
            JsonNode row = metrics.get(i);
            if (!row.isArray() || row.isEmpty()) throw invalidValue("The field " + p + " must be a non-empty array.");
            JsonNode options = row.get(row.size() - 1).isObject() ? row.get(row.size() - 1) : null;
            int n = options == null ? row.size() : row.size() - 1;
            if (n == 0) {
                if (options.get("expression") == null) {
                    throw invalidValue("The field " + p + " must name a metric or hold an expression.");
                }
                raw.add(line(null, null, null, List.of(), text(options, "expression", null), options, p));
                continue;
            }
            if (n < 2 || n % 2 != 0) {
                throw invalidValue("The field " + p + " must be [namespace, metricName, dimensionName, dimensionValue,"
                        + " ..., {options}].");
            }
            List<String> parts = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                JsonNode e = row.get(j);
                if (!e.isTextual()) throw invalidValue("The field " + p + "[" + j + "] must be a string.");
                String v = e.asText();
                if (".".equals(v)) {
                    if (j >= previous.size()) {
                        throw invalidValue("The field " + p + "[" + j + "] is \".\" but the previous metric has no"
                                + " element at that position.");
                    }
                    v = previous.get(j);
                }
                if (v.isEmpty()) throw invalidValue("The field " + p + "[" + j + "] must not be empty.");
                parts.add(v);
            }
            previous = parts;
            List<String[]> dims = new ArrayList<>();
            for (int j = 2; j < n; j += 2) dims.add(new String[] {parts.get(j), parts.get(j + 1)});
            raw.add(line(null, parts.get(0), parts.get(1), dims, null, options, p));
        }
        return assignIds(raw);
    }

    private static Line line(String id, String ns, String name, List<String[]> dims, String expression, JsonNode o,
                             String p) {
        if (o == null) return new Line(id, ns, name, dims, expression, null, null, null, null, true, false);
        Integer period = o.has("period") ? integer(o, "period", 0, 1, Integer.MAX_VALUE) : null;
        if (period != null && !PeriodRules.isValidPeriod(period)) {
            throw invalidValue("The field " + p + ".period must be 1, 5, 10, 20, 30 or a multiple of 60.");
        }
        String stat = text(o, "stat", null);
        if (stat != null && Statistic.parse(stat) == null) {
            throw invalidValue("The field " + p + ".stat is not a valid statistic: " + stat);
        }
        String axis = text(o, "yAxis", "left");
        if (!axis.equals("left") && !axis.equals("right")) {
            throw invalidValue("The field " + p + ".yAxis must be left or right.");
        }
        return new Line(text(o, "id", null), ns, name, dims, expression, stat, period, text(o, "label", null),
                color(text(o, "color", null), p + ".color"), bool(o, "visible", true), axis.equals("right"));
    }

    /** Metrics without an id get m1, m2, ...; expressions e1, e2, ... (as the console names them), skipping taken ids. */
    private static List<Line> assignIds(List<Line> raw) {
        Set<String> taken = new HashSet<>();
        for (Line l : raw) {
            if (l.id() != null && !taken.add(l.id())) throw invalidValue("The id " + l.id() + " is used more than once in MetricWidget.metrics.");
        }
        List<Line> out = new ArrayList<>();
        int m = 0;
        int e = 0;
        for (Line l : raw) {
            String id = l.id();
            while (id == null) {
                String candidate = l.isExpression() ? "e" + (++e) : "m" + (++m);
                if (taken.add(candidate)) id = candidate;
            }
            out.add(new Line(id, l.namespace(), l.name(), l.dimensions(), l.expression(), l.stat(), l.period(),
                    l.label(), l.color(), l.visible(), l.rightAxis()));
        }
        return out;
    }

    private static Axis axis(JsonNode yAxis, String side) {
        JsonNode a = yAxis == null ? null : yAxis.get(side);
        if (a == null || a.isNull()) return new Axis(null, null, null);
        if (!a.isObject()) throw invalidValue("The field MetricWidget.yAxis." + side + " must be an object.");
        Double min = number(a, "min", "MetricWidget.yAxis." + side + ".min");
        Double max = number(a, "max", "MetricWidget.yAxis." + side + ".max");
        if (min != null && max != null && min >= max) {
            throw invalidValue("The field MetricWidget.yAxis." + side + ".min must be less than its max.");
        }
        return new Axis(min, max, text(a, "label", null));
    }

    private static List<HLine> horizontal(JsonNode annotations) {
        List<HLine> out = new ArrayList<>();
        JsonNode h = annotations == null ? null : annotations.get("horizontal");
        if (h == null || h.isNull()) return out;
        if (!h.isArray()) throw invalidValue("The field MetricWidget.annotations.horizontal must be an array.");
        for (int i = 0; i < h.size(); i++) {
            String p = "MetricWidget.annotations.horizontal[" + i + "]";
            JsonNode a = h.get(i);
            JsonNode first = a.isArray() && a.size() == 2 ? a.get(0) : a;
            JsonNode second = a.isArray() && a.size() == 2 ? a.get(1) : null;
            if (!first.isObject() || (second != null && !second.isObject())) {
                throw invalidValue("The field " + p + " must be an annotation object or a pair of them (a band).");
            }
            Double value = number(first, "value", p + ".value");
            if (value == null) throw invalidValue("The field " + p + ".value is required.");
            Double to = second == null ? null : number(second, "value", p + "[1].value");
            if (second != null && to == null) throw invalidValue("The field " + p + "[1].value is required.");
            out.add(new HLine(value, to, text(first, "label", null), color(text(first, "color", null), p + ".color"),
                    "right".equals(text(first, "yAxis", "left"))));
        }
        return out;
    }

    private static List<VLine> vertical(JsonNode annotations, Instant now) {
        List<VLine> out = new ArrayList<>();
        JsonNode v = annotations == null ? null : annotations.get("vertical");
        if (v == null || v.isNull()) return out;
        if (!v.isArray()) throw invalidValue("The field MetricWidget.annotations.vertical must be an array.");
        for (int i = 0; i < v.size(); i++) {
            JsonNode a = v.get(i).isArray() && !v.get(i).isEmpty() ? v.get(i).get(0) : v.get(i);
            String p = "MetricWidget.annotations.vertical[" + i + "]";
            if (!a.isObject() || !a.has("value")) throw invalidValue("The field " + p + ".value is required.");
            out.add(new VLine(time(a, "value", now, null), text(a, "label", null),
                    color(text(a, "color", null), p + ".color")));
        }
        return out;
    }

    /** An absolute ISO 8601 instant, or a duration relative to now (-PT3H, -P7D, -P2W). */
    static Instant time(JsonNode o, String field, Instant now, Instant otherwise) {
        String v = text(o, field, null);
        if (v == null) return otherwise;
        String p = "MetricWidget." + field;
        if (v.startsWith("-P") || v.startsWith("P")) {
            try {
                Matcher weeks = Pattern.compile("(-?)P(\\d+)W").matcher(v);
                Duration d = weeks.matches() ? Duration.ofDays(7L * Long.parseLong(weeks.group(2)))
                        .multipliedBy(weeks.group(1).isEmpty() ? 1 : -1) : Duration.parse(v);
                return now.plus(d);
            } catch (DateTimeException | ArithmeticException | NumberFormatException e) {
                throw invalidValue("The field " + p + " must be an ISO 8601 time or a relative duration such as -PT3H.");
            }
        }
        try {
            return java.time.OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeException e) {
            try {
                return java.time.LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException e2) {
                throw invalidValue("The field " + p + " must be an ISO 8601 time or a relative duration such as -PT3H.");
            }
        }
    }

    private static ZoneId zone(String tz) {
        if (tz == null || tz.equalsIgnoreCase("UTC") || tz.equalsIgnoreCase("Z")) return ZoneOffset.UTC;
        Matcher m = OFFSET.matcher(tz);
        if (!m.matches()) throw invalidValue("The field MetricWidget.timezone must be of the form +HHMM or -HHMM.");
        int hours = Integer.parseInt(m.group(2));
        int minutes = Integer.parseInt(m.group(3));
        try {
            int sign = m.group(1).equals("-") ? -1 : 1;
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        } catch (DateTimeException e) {
            throw invalidValue("The field MetricWidget.timezone must be of the form +HHMM or -HHMM.");
        }
    }

    static Color color(String text, String p) {
        if (text == null) return null;
        Matcher m = COLOR.matcher(text);
        if (!m.matches()) throw invalidValue("The field " + p + " must be a hex color such as #1f77b4.");
        return new Color(Integer.parseInt(m.group(1), 16));
    }

    private static String text(JsonNode o, String field, String otherwise) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) return otherwise;
        if (!v.isTextual()) throw invalidValue("The field MetricWidget." + field + " must be a string.");
        return v.asText();
    }

    private static boolean bool(JsonNode o, String field, boolean otherwise) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) return otherwise;
        if (!v.isBoolean()) throw invalidValue("The field MetricWidget." + field + " must be true or false.");
        return v.asBoolean();
    }

    private static int integer(JsonNode o, String field, int otherwise, int min, int max) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) return otherwise;
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < min || v.asInt() > max) {
            throw invalidValue("The field MetricWidget." + field + " must be an integer from " + min + " to " + max + ".");
        }
        return v.asInt();
    }

    private static Double number(JsonNode o, String field, String p) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isNumber()) throw invalidValue("The field " + p + " must be a number.");
        return v.asDouble();
    }

    private static JsonNode object(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isObject()) throw invalidValue("The field MetricWidget." + field + " must be an object.");
        return v;
    }
}
