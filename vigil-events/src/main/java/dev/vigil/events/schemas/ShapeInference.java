package dev.vigil.events.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Infers the {@link Shape} of a JSON value and merges shapes the way the Schema Registry's discovery does: the union
 * of the members seen, required only when every observed value had the member, integer widened to number, a
 * timestamp string that later carries plain text becomes a plain string; any other conflict keeps the first type
 * seen. Stateless; thread-safe.
 */
final class ShapeInference {
    /** RFC 3339 date-time, as EventBridge's {@code time} and most AWS timestamps are written. */
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([Zz]|[+-]\\d{2}:\\d{2})");

    private ShapeInference() {}

    static Shape infer(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) return Shape.ANY;
        if (v.isObject()) {
            Map<String, Shape> members = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                members.put(e.getKey(), infer(e.getValue()));
            }
            return new Shape.Obj(members, members.keySet());
        }
        if (v.isArray()) {
            Shape items = null;
            for (JsonNode item : v) items = merge(items, infer(item));
            return new Shape.Arr(items);
        }
        if (v.isTextual()) return DATE_TIME.matcher(v.textValue()).matches() ? Shape.Scalar.DATE_TIME : Shape.Scalar.STRING;
        if (v.isIntegralNumber()) return Shape.Scalar.INTEGER;
        if (v.isNumber()) return Shape.Scalar.NUMBER;
        if (v.isBoolean()) return Shape.Scalar.BOOLEAN;
        return Shape.ANY;
    }

    /** The union of two shapes; either may be null (nothing seen). */
    static Shape merge(Shape a, Shape b) {
        if (a == null) return b;
        if (b == null || a.equals(b)) return a;
        if (a == Shape.ANY) return b;
        if (b == Shape.ANY) return a;
        if (a instanceof Shape.Obj x && b instanceof Shape.Obj y) {
            Map<String, Shape> members = new LinkedHashMap<>(x.members());
            y.members().forEach((k, s) -> members.merge(k, s, ShapeInference::merge));
            Set<String> required = new HashSet<>(x.required());
            required.retainAll(y.required());
            return new Shape.Obj(members, required);
        }
        if (a instanceof Shape.Arr x && b instanceof Shape.Arr y) return new Shape.Arr(merge(x.items(), y.items()));
        if (a instanceof Shape.Scalar x && b instanceof Shape.Scalar y && x.type().equals(y.type())) {
            return Shape.Scalar.STRING; // same type, different format: only strings have one
        }
        if (a instanceof Shape.Scalar x && b instanceof Shape.Scalar y && isNumeric(x) && isNumeric(y)) {
            return Shape.Scalar.NUMBER;
        }
        return a;
    }

    private static boolean isNumeric(Shape.Scalar s) {
        return s.type().equals("integer") || s.type().equals("number");
    }
}
