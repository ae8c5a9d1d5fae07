package dev.vigil.protocol.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled Smithy {@code @http} URI template: literal segments, {@code {Label}} and one greedy
 * {@code {Label+}} segment, plus literal query parameters ({@code /path?type=x&flag}) the request must carry.
 * Labels span whole segments (Smithy forbids partial ones). Immutable; thread-safe.
 */
final class UriTemplate {

    enum Kind { LITERAL, LABEL, GREEDY }

    /** @param text the decoded literal, or the label name */
    record Segment(Kind kind, String text) {}

    /**
     * Most specific first: at the first segment where two templates differ, a literal beats a label and a
     * label beats a greedy label; then the template with more required query literals wins.
     */
    static final Comparator<UriTemplate> MOST_SPECIFIC_FIRST = (a, b) -> {
        int n = Math.max(a.segments.size(), b.segments.size());
        for (int i = 0; i < n; i++) {
            int d = a.rank(i) - b.rank(i);
            if (d != 0) return d;
        }
        return b.queryLiterals.size() - a.queryLiterals.size();
    };

    private final String source;
    private final List<Segment> segments;
    /** Required query parameters; a null value means "present, any value". */
    private final Map<String, String> queryLiterals;
    private final int greedy;

    private UriTemplate(String source, List<Segment> segments, Map<String, String> queryLiterals) {
        this.source = source;
        this.segments = List.copyOf(segments);
        this.queryLiterals = queryLiterals;
        int g = -1;
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).kind() == Kind.GREEDY) {
                if (g >= 0) throw new IllegalArgumentException("two greedy labels in " + source);
                g = i;
            }
        }
        this.greedy = g;
    }

    static UriTemplate parse(String template) {
        int q = template.indexOf('?');
        List<String> raw = new ArrayList<>(UriCodec.rawSegments(q < 0 ? template : template.substring(0, q)));
        if (!raw.isEmpty() && raw.get(raw.size() - 1).isEmpty()) raw.remove(raw.size() - 1);
        List<Segment> segments = new ArrayList<>(raw.size());
        for (String s : raw) {
            if (s.length() > 2 && s.startsWith("{") && s.endsWith("}")) {
                String name = s.substring(1, s.length() - 1);
                segments.add(name.endsWith("+")
                        ? new Segment(Kind.GREEDY, name.substring(0, name.length() - 1))
                        : new Segment(Kind.LABEL, name));
            } else {
                segments.add(new Segment(Kind.LITERAL, UriCodec.decode(s, false)));
            }
        }
        Map<String, String> literals = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : template.substring(q + 1).split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                literals.put(UriCodec.decode(eq < 0 ? pair : pair.substring(0, eq), true),
                        eq < 0 ? null : UriCodec.decode(pair.substring(eq + 1), true));
            }
        }
        return new UriTemplate(template, segments, literals);
    }

    String source() { return source; }

    List<Segment> segments() { return segments; }

    Map<String, String> queryLiterals() { return queryLiterals; }

    /**
     * The decoded label values when the path and query fit this template, else null. A trailing slash is
     * tolerated; labels never match an empty segment; a greedy label keeps its inner '/'.
     */
    Map<String, String> match(List<String> rawSegments, Map<String, List<String>> query) {
        for (Map.Entry<String, String> lit : queryLiterals.entrySet()) {
            List<String> values = query.get(lit.getKey());
            if (values == null || (lit.getValue() != null && !values.contains(lit.getValue()))) return null;
        }
        return greedy < 0 ? matchFixed(rawSegments) : matchGreedy(rawSegments);
    }

    private Map<String, String> matchFixed(List<String> req) {
        int n = segments.size();
        if (req.size() == n + 1 && req.get(n).isEmpty()) req = req.subList(0, n);
        if (req.size() != n) return null;
        Map<String, String> labels = new HashMap<>(4);
        for (int i = 0; i < n; i++) {
            if (!segment(segments.get(i), req.get(i), labels)) return null;
        }
        return labels;
    }

    private Map<String, String> matchGreedy(List<String> req) {
        int after = segments.size() - greedy - 1;
        if (req.size() < segments.size()) return null;
        Map<String, String> labels = new HashMap<>(4);
        for (int i = 0; i < greedy; i++) {
            if (!segment(segments.get(i), req.get(i), labels)) return null;
        }
        int tail = req.size() - after;
        for (int j = 0; j < after; j++) {
            if (!segment(segments.get(greedy + 1 + j), req.get(tail + j), labels)) return null;
        }
        StringBuilder value = new StringBuilder();
        for (int i = greedy; i < tail; i++) {
            if (i > greedy) value.append('/');
            value.append(UriCodec.decode(req.get(i), false));
        }
        if (value.length() == 0) return null;
        labels.put(segments.get(greedy).text(), value.toString());
        return labels;
    }

    private static boolean segment(Segment s, String raw, Map<String, String> labels) {
        if (raw.isEmpty()) return false;
        String decoded = UriCodec.decode(raw, false);
        if (s.kind() == Kind.LITERAL) return s.text().equals(decoded);
        labels.put(s.text(), decoded);
        return true;
    }

    /** Literal 0, label 1, greedy 2, no segment 3. */
    private int rank(int i) {
        if (i >= segments.size()) return 3;
        return segments.get(i).kind().ordinal();
    }

    @Override
    public String toString() { return source; }
}
