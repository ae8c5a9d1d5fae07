package dev.vigil.cloudwatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;

/**
 * A metric's identity: namespace, name and dimension set. CloudWatch treats each distinct dimension set as a
 * separate metric and ignores the order dimensions were given in, so they are kept sorted by name. Immutable.
 */
public record MetricKey(String namespace, String metricName, SortedMap<String, String> dimensions) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public MetricKey {
        dimensions = Collections.unmodifiableSortedMap(new TreeMap<>(dimensions));
    }

    public static MetricKey of(String namespace, String metricName, Map<String, String> dimensions) {
        return new MetricKey(namespace, metricName, new TreeMap<>(dimensions));
    }

    /** From the SDK's dimension list; the caller has checked that names are present and unique. */
    public static MetricKey of(String namespace, String metricName, List<Dimension> dimensions) {
        TreeMap<String, String> dims = new TreeMap<>();
        if (dimensions != null) for (Dimension d : dimensions) dims.put(d.name(), d.value());
        return new MetricKey(namespace, metricName, dims);
    }

    public List<Dimension> sdkDimensions() {
        return dimensions.entrySet().stream()
                .map(e -> Dimension.builder().name(e.getKey()).value(e.getValue()).build())
                .toList();
    }

    /** The dimensions as a JSON array of [name, value] pairs in name order: the stored form. */
    public String canonicalDimensions() {
        ArrayNode out = JSON.createArrayNode();
        dimensions.forEach((k, v) -> out.addArray().add(k).add(v));
        return out.toString();
    }

    public static SortedMap<String, String> parseDimensions(String canonical) {
        TreeMap<String, String> dims = new TreeMap<>();
        try {
            for (JsonNode pair : JSON.readTree(canonical)) dims.put(pair.get(0).asText(), pair.get(1).asText());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored dimensions are not JSON: " + canonical, e);
        }
        return dims;
    }

    /** SHA-256 (hex) of namespace, name and canonical dimensions: the unique key of a series. */
    public String seriesKey() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // JSON encoding keeps the three parts unambiguous whatever characters they contain.
            String text = JSON.createArrayNode().add(namespace).add(metricName).toString() + canonicalDimensions();
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
