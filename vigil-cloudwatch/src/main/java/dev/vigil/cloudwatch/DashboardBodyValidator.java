package dev.vigil.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.cloudwatch.model.DashboardValidationMessage;

/**
 * Checks a dashboard body against the documented structure (Dashboard Body Structure and Syntax) and words
 * each problem as AWS's JSON-schema validator does ({@code dataPath} "/widgets/3/properties", message
 * "Should have required property 'metrics'"). Covers the structure: root, widgets, their type, position and
 * size, properties, the metric widget's metrics/region/view/stat/period, text markdown, log query, alarm list.
 * Stateless.
 */
final class DashboardBodyValidator {
    private static final Set<String> ROOT_FIELDS = Set.of("widgets", "variables", "start", "end", "periodOverride");
    private static final Set<String> WIDGET_TYPES = Set.of("metric", "text", "log", "alarm", "explorer", "custom");
    private static final Set<String> VIEWS = Set.of("timeSeries", "singleValue", "gauge", "bar", "pie", "table");

    private DashboardBodyValidator() {}

    static List<DashboardValidationMessage> validate(JsonNode body) {
        List<DashboardValidationMessage> out = new ArrayList<>();
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!ROOT_FIELDS.contains(field)) out.add(message("", "Should NOT have additional properties"));
        }
        JsonNode widgets = body.get("widgets");
        if (widgets == null) {
            out.add(message("", "Should have required property 'widgets'"));
        } else if (!widgets.isArray()) {
            out.add(message("/widgets", "Should be array"));
        } else {
            for (int i = 0; i < widgets.size(); i++) widget("/widgets/" + i, widgets.get(i), out);
        }
        string(body, "start", "", out);
        string(body, "end", "", out);
        if (body.has("end") && !body.has("start")) out.add(message("", "Should have required property 'start'"));
        JsonNode override = body.get("periodOverride");
        if (override != null && !(override.isTextual() && Set.of("auto", "inherit").contains(override.asText()))) {
            out.add(message("/periodOverride", "Should be equal to one of the allowed values"));
        }
        return out;
    }

    private static void widget(String path, JsonNode w, List<DashboardValidationMessage> out) {
        if (!w.isObject()) {
            out.add(message(path, "Should be object"));
            return;
        }
        JsonNode type = w.get("type");
        if (type == null) out.add(message(path, "Should have required property 'type'"));
        else if (!type.isTextual() || !WIDGET_TYPES.contains(type.asText())) {
            out.add(message(path + "/type", "Should be equal to one of the allowed values"));
        }
        integer(w, "x", 0, 23, path, out);
        integer(w, "y", 0, null, path, out);
        integer(w, "width", 1, 24, path, out);
        integer(w, "height", 1, 1000, path, out);
        JsonNode props = w.get("properties");
        if (props == null) {
            if (type != null && !"custom".equals(type.asText())) {
                out.add(message(path, "Should have required property 'properties'"));
            }
            return;
        }
        if (!props.isObject()) {
            out.add(message(path + "/properties", "Should be object"));
            return;
        }
        String p = path + "/properties";
        switch (type == null ? "" : type.asText()) {
            case "metric" -> metricWidget(p, props, out);
            case "text" -> {
                if (!props.has("markdown")) out.add(message(p, "Should have required property 'markdown'"));
                string(props, "markdown", p, out);
            }
            case "log" -> {
                if (!props.has("query")) out.add(message(p, "Should have required property 'query'"));
                string(props, "query", p, out);
            }
            case "alarm" -> {
                JsonNode alarms = props.get("alarms");
                if (alarms == null) out.add(message(p, "Should have required property 'alarms'"));
                else if (!alarms.isArray()) out.add(message(p + "/alarms", "Should be array"));
            }
            default -> { }
        }
    }

    private static void metricWidget(String p, JsonNode props, List<DashboardValidationMessage> out) {
        JsonNode metrics = props.get("metrics");
        boolean annotations = props.has("annotations");
        if (metrics == null && !annotations) {
            // The three messages AWS gives a metric widget without data.
            out.add(message(p, "Should have required property 'metrics'"));
            out.add(message(p, "The metric widget should have specified a region and a data source or an alarm"
                    + " annotation"));
            out.add(message(p, "Should have required property 'annotations'"));
        } else if (!props.has("region")) {
            out.add(message(p, "The metric widget should have specified a region and a data source or an alarm"
                    + " annotation"));
        }
        if (metrics != null) {
            if (!metrics.isArray()) {
                out.add(message(p + "/metrics", "Should be array"));
            } else {
                for (int i = 0; i < metrics.size(); i++) metricArray(p + "/metrics/" + i, metrics.get(i), out);
            }
        }
        string(props, "region", p, out);
        string(props, "title", p, out);
        string(props, "stat", p, out);
        JsonNode view = props.get("view");
        if (view != null && !(view.isTextual() && VIEWS.contains(view.asText()))) {
            out.add(message(p + "/view", "Should be equal to one of the allowed values"));
        }
        JsonNode stacked = props.get("stacked");
        if (stacked != null && !stacked.isBoolean()) out.add(message(p + "/stacked", "Should be boolean"));
        integer(props, "period", 1, null, p, out);
        if (props.has("stat") && props.get("stat").isTextual() && Statistic.parse(props.get("stat").asText()) == null) {
            out.add(message(p + "/stat", "The value " + props.get("stat").asText() + " is not a valid statistic"));
        }
    }

    /** [namespace, name, dimName, dimValue, ..., {rendering options}] where "." repeats the line above. */
    private static void metricArray(String path, JsonNode line, List<DashboardValidationMessage> out) {
        if (!line.isArray()) {
            out.add(message(path, "Should be array"));
            return;
        }
        for (int i = 0; i < line.size(); i++) {
            JsonNode item = line.get(i);
            boolean last = i == line.size() - 1;
            if (item.isObject() && last) continue;
            if (!item.isTextual()) out.add(message(path + "/" + i, "Should be string"));
        }
    }

    private static void string(JsonNode parent, String field, String path, List<DashboardValidationMessage> out) {
        JsonNode v = parent.get(field);
        if (v != null && !v.isTextual()) out.add(message(path + "/" + field, "Should be string"));
    }

    private static void integer(JsonNode parent, String field, int min, Integer max, String path,
                                List<DashboardValidationMessage> out) {
        JsonNode v = parent.get(field);
        if (v == null) return;
        if (!v.isIntegralNumber()) {
            out.add(message(path + "/" + field, "Should be integer"));
        } else if (v.asLong() < min) {
            out.add(message(path + "/" + field, "Should be >= " + min));
        } else if (max != null && v.asLong() > max) {
            out.add(message(path + "/" + field, "Should be <= " + max));
        }
    }

    private static DashboardValidationMessage message(String dataPath, String message) {
        return DashboardValidationMessage.builder().dataPath(dataPath).message(message).build();
    }
}
