package dev.vigil.logs.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hand-written JSON reader against Jackson's, on generated and corrupted documents. */
class JsonFieldsTest {
    private static final JsonFactory JACKSON = JsonFactory.builder().build();

    /** What discovery yields when Jackson does the reading. */
    private static Map<String, String> reference(String message) {
        Map<String, String> out = new LinkedHashMap<>();
        int[] leaves = {0};
        try (JsonParser p = JACKSON.createParser(message)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return Map.of();
            object(p, "", true, out, leaves);
            if (p.nextToken() != null) return Map.of();
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return out;
    }

    private static void object(JsonParser p, String prefix, boolean top, Map<String, String> out, int[] leaves) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            value(p, p.nextToken(), top && key.startsWith("@") ? "@" + key : prefix + key, out, leaves);
        }
    }

    private static void value(JsonParser p, JsonToken t, String name, Map<String, String> out, int[] leaves) throws IOException {
        switch (t) {
            case START_OBJECT -> object(p, name + ".", false, out, leaves);
            case START_ARRAY -> {
                int index = 0;
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) value(p, e, name + "." + index++, out, leaves);
            }
            case VALUE_NULL -> { }
            default -> {
                if (++leaves[0] <= FieldDiscovery.MAX_FIELDS) out.put(name, p.getText());
            }
        }
    }

    private static final String[] STRINGS = {"", "a", "hello world", "é€😀", "q\\\"uote", "back\\\\slash", "\\n\\t\\r\\b\\f\\/",
        "\\u0041\\u00e9\\ud83d\\ude00", "\\ud800", "@at", "dot.ted", "\\u12", "\\x", "tab\there", "\\u004G"};
    private static final String[] NUMBERS = {"0", "-0", "1", "-17", "3.25", "1.50", "1e5", "1E+5", "2.5e-3", "01", "1.", ".5",
        "+1", "-", "1e", "123456789012345678901234567890", "0.0000001"};
    private static final String[] LITERALS = {"true", "false", "null", "tru", "nul", "truex", "TRUE"};

    private static String document(Random r, int depth) {
        StringBuilder b = new StringBuilder("{");
        int n = r.nextInt(5);
        for (int k = 0; k < n; k++) {
            if (k > 0) b.append(r.nextInt(20) == 0 ? " , " : ",");
            b.append('"').append(r.nextInt(8) == 0 ? key(r) : "k" + r.nextInt(4)).append("\":");
            b.append(value(r, depth));
        }
        return b.append('}').toString();
    }

    /** Any string but a lone surrogate, which Jackson refuses in names only (a quirk not worth copying). */
    private static String key(Random r) {
        String k;
        do {
            k = STRINGS[r.nextInt(STRINGS.length)];
        } while (k.equals("\\ud800"));
        return k;
    }

    private static String value(Random r, int depth) {
        int kind = r.nextInt(depth > 3 ? 3 : 5);
        return switch (kind) {
            case 0 -> "\"" + STRINGS[r.nextInt(STRINGS.length)] + "\"";
            case 1 -> NUMBERS[r.nextInt(NUMBERS.length)];
            case 2 -> LITERALS[r.nextInt(LITERALS.length)];
            case 3 -> document(r, depth + 1);
            default -> {
                StringBuilder b = new StringBuilder("[");
                int n = r.nextInt(4);
                for (int k = 0; k < n; k++) b.append(k > 0 ? "," : "").append(value(r, depth + 1));
                yield b.append(r.nextInt(30) == 0 ? ",]" : "]").toString();
            }
        };
    }

    private static String corrupt(Random r, String s) {
        if (s.isEmpty()) return s;
        StringBuilder b = new StringBuilder(s);
        int at = r.nextInt(b.length());
        switch (r.nextInt(4)) {
            case 0 -> b.deleteCharAt(at);
            case 1 -> b.insert(at, pick(r, "{}[]\",:x1 \u0001\\eE.-0"));
            case 2 -> b.setCharAt(at, pick(r, "{}[]\",:x1 \\eE.-0"));
            default -> b.append(r.nextBoolean() ? " " : " x");
        }
        return b.toString();
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) b.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("<%04x>", (int) c));
        return b.toString();
    }

    private static char pick(Random r, String chars) {
        return chars.charAt(r.nextInt(chars.length()));
    }

    @Test
    void readsEveryDocumentAsJacksonDoes() {
        Random r = new Random(42);
        int valid = 0;
        for (int k = 0; k < 30_000; k++) {
            String doc = document(r, 0);
            if (k % 2 == 1) doc = corrupt(r, doc);
            if (k % 7 == 0) doc = "  \n" + doc + "\t ";
            Map<String, String> expected = reference(doc);
            assertThat(FieldDiscovery.fields(doc)).as(printable(doc)).containsExactlyEntriesOf(expected);
            if (!expected.isEmpty()) valid++;
        }
        assertThat(valid).as("documents with fields").isGreaterThan(3_000);
    }

    @Test
    void wantedFieldsAreTheSameValues() {
        Random r = new Random(7);
        FieldDiscovery.Wanted wanted = new FieldDiscovery.Wanted(Set.of("k1", "k2.k0", "k3.1", "k0.k1.k2", "@@at"));
        for (int k = 0; k < 20_000; k++) {
            String doc = document(r, 0);
            if (k % 2 == 1) doc = corrupt(r, doc);
            Map<String, String> all = FieldDiscovery.fields(doc);
            Map<String, String> some = FieldDiscovery.fields(doc, wanted);
            Map<String, String> expected = new LinkedHashMap<>(all);
            expected.keySet().retainAll(wanted.names);
            assertThat(some).as(doc).isEqualTo(expected);
        }
    }

    @Test
    void edgeCases() {
        for (String doc : List.of("{}", "{\"a\":{}}", "{\"a\":[]}", "{\"a\":1}{\"b\":2}", "{\"a\":1} {}", "\u000B{\"a\":1}",
                "{\"a\":\"\u0001\"}", "{\"a\":-}", "{\"a\":0x10}", "{'a':1}", "{a:1}", "{\"a\":1,}", "{\"a\":NaN}",
                "{\"a\":1 /* c */}", "{\"a\":\"\\u00e9\"}", "{\"a\":[1,[2,[3]]]}", "[]", "{\"a\":true,\"a\":false}")) {
            assertThat(FieldDiscovery.fields(doc)).as(doc).containsExactlyEntriesOf(reference(doc));
        }
        String deep = "{\"a\":".repeat(1200) + "1" + "}".repeat(1200);
        assertThat(FieldDiscovery.fields(deep)).isEqualTo(reference(deep));
    }
}
