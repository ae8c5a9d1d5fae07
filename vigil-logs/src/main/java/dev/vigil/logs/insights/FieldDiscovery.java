package dev.vigil.logs.insights;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The fields Insights discovers in one event: a JSON object message is flattened, nested keys joined by
 * {@code .} and array elements by their index ({@code a.b}, {@code list.0.id}), up to the 200 fields AWS
 * extracts from one JSON event. Values keep their JSON text (numbers as written, {@code true}/{@code false});
 * JSON {@code null} and empty containers yield no field; a top-level key starting with {@code @} is shown with
 * a second {@code @} ({@code @example.com} becomes {@code @@example.com}). Lambda lines yield AWS's Lambda
 * fields ({@link LambdaFields}), VPC flow log and Route 53 query log lines theirs ({@link ServiceLogFields}).
 * Other messages yield no fields. Thread-safe.
 */
public final class FieldDiscovery {
    /** AWS extracts at most this many fields from one JSON log event. */
    static final int MAX_FIELDS = 200;

    private FieldDiscovery() { }

    public static Map<String, String> fields(String message) {
        Map<String, String> out = new LinkedHashMap<>();
        return walk(message, new Walk(out, null)) ? Collections.unmodifiableMap(out) : Map.of();
    }

    /**
     * The discovered fields of {@code message} that are among {@code wanted}: the same values as
     * {@link #fields(String)}, without building the names and values of fields nobody asked for.
     */
    static Map<String, String> fields(String message, Wanted wanted) {
        Map<String, String> out = new HashMap<>();
        return walk(message, new Walk(out, wanted)) ? out : Map.of();
    }

    /** The field names a query reads, and the object paths that lead to them. Immutable. */
    static final class Wanted {
        final Set<String> names;
        final Set<String> prefixes = new HashSet<>();
        private final String[] nameList;
        private final int[] nameHashes;
        private final String[] prefixList;
        private final int[] prefixHashes;

        Wanted(Set<String> names) {
            this.names = Set.copyOf(names);
            for (String n : names) {
                for (int i = n.indexOf('.'); i > 0; i = n.indexOf('.', i + 1)) prefixes.add(n.substring(0, i + 1));
            }
            nameList = this.names.toArray(new String[0]);
            nameHashes = java.util.Arrays.stream(nameList).mapToInt(String::hashCode).toArray();
            prefixList = prefixes.toArray(new String[0]);
            prefixHashes = java.util.Arrays.stream(prefixList).mapToInt(String::hashCode).toArray();
        }

        /**
         * The wanted name spelled {@code (at ? "@" : "") + prefix + src[from, to)}, whose String hash is
         * {@code hash}, or null: lets a reader test a key without building a String for it.
         */
        String name(int hash, String prefix, boolean at, String src, int from, int to) {
            return find(nameList, nameHashes, hash, prefix, at, src, from, to, false);
        }

        /** Like {@link #name}, for the wanted prefix spelled the same plus a final dot. */
        String prefix(int hash, String prefix, boolean at, String src, int from, int to) {
            return find(prefixList, prefixHashes, hash, prefix, at, src, from, to, true);
        }

        private static String find(String[] list, int[] hashes, int hash, String prefix, boolean at,
                                   String src, int from, int to, boolean dot) {
            int length = (at ? 1 : 0) + prefix.length() + (to - from) + (dot ? 1 : 0);
            for (int k = 0; k < list.length; k++) {
                String c = list[k];
                if (hashes[k] != hash || c.length() != length) continue;
                int o = 0;
                if (at) {
                    if (c.charAt(0) != '@') continue;
                    o = 1;
                }
                if (!c.startsWith(prefix, o) || !c.regionMatches(o + prefix.length(), src, from, to - from)) continue;
                if (dot && c.charAt(length - 1) != '.') continue;
                return c;
            }
            return null;
        }
    }

    private static boolean walk(String message, Walk w) {
        if (message == null) return false;
        if (LambdaFields.platformLine(message, w) || ServiceLogFields.discover(message, w)) return true;
        int i = 0, n = message.length();
        while (i < n && Character.isWhitespace(message.charAt(i))) i++;
        if (i < n && message.charAt(i) == '{') return json(message, i, true, w);
        // a Lambda runtime line: its request id, and the first JSON fragment of its text
        int json = LambdaFields.applicationLine(message, w);
        if (json < 0) return w.found();
        Walk fragment = new Walk(new LinkedHashMap<>(), w.wanted);
        if (json(message, json, false, fragment)) w.out.putAll(fragment.out);
        return true;
    }

    /** Reads the JSON object at {@code start}; {@code whole}: the message is that object alone. */
    private static boolean json(String message, int start, boolean whole, Walk w) {
        return JsonFields.read(message, whole ? 0 : start, whole, w);
    }

    /** One pass over one event: which names to build and keep, and how many fields were seen. Not thread-safe. */
    static final class Walk {
        final Map<String, String> out;
        final Wanted wanted;
        int leaves;

        Walk(Map<String, String> out, Wanted wanted) {
            this.out = out;
            this.wanted = wanted;
        }

        /** Adds a field found outside JSON (a Lambda platform field). */
        void put(String name, String value) {
            if (value != null && (wanted == null || wanted.names.contains(name))) out.put(name, value);
        }

        boolean found() {
            return !out.isEmpty();
        }

        /** Counts one scalar JSON value; true when its value must be kept under {@code name}. */
        boolean keep(String name) {
            return ++leaves <= MAX_FIELDS && name != null && (wanted == null || wanted.names.contains(name));
        }

        /** The name prefix inside a nested value, or null when nothing inside it is wanted. */
        String child(String name) {
            if (name == null) return null;
            String prefix = name + ".";
            return wanted == null || wanted.prefixes.contains(prefix) ? prefix : null;
        }
    }
}
