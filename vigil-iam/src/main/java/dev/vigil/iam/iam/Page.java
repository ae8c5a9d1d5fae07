package dev.vigil.iam.iam;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * One page of an IAM list: the items and, when more follow, the opaque Marker to pass back (AWS's
 * Marker/MaxItems/IsTruncated). A marker is the sort key of the last item returned, so a page stays correct
 * when items are added or removed between calls. Immutable.
 */
public record Page<T>(List<T> items, String marker) {
    /** MaxItems when the request names none (IAM's documented default). */
    public static final int DEFAULT_MAX_ITEMS = 100;

    public boolean truncated() { return marker != null; }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), marker);
    }

    public static int limit(Integer maxItems) {
        return maxItems == null ? DEFAULT_MAX_ITEMS : maxItems;
    }

    /** The sort key a marker stands for, or null for the first page. */
    public static String after(String marker) {
        if (marker == null) return null;
        try {
            return new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw IamErrors.validation("Invalid Marker.");
        }
    }

    static String markerFor(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Pages a list by {@code key} (unique per item), in the key's natural order. Used for the short lists that are
     * read whole (tags, attachments, members, keys); sorting here, not in SQL, keeps the order independent of the
     * database collation.
     */
    public static <T> Page<T> of(List<T> items, Function<T, String> key, String marker, Integer maxItems) {
        String after = after(marker);
        int limit = limit(maxItems);
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(key));
        List<T> out = new ArrayList<>(Math.min(limit, sorted.size()));
        for (T t : sorted) {
            if (after != null && key.apply(t).compareTo(after) <= 0) continue;
            if (out.size() == limit) return new Page<>(out, markerFor(key.apply(out.get(out.size() - 1))));
            out.add(t);
        }
        return new Page<>(out, null);
    }

    /** A page from a keyset query that fetched up to limit + 1 rows after the marker. */
    public static <T> Page<T> fromFetched(List<T> fetched, int limit, Function<T, String> key) {
        if (fetched.size() <= limit) return new Page<>(fetched, null);
        List<T> items = List.copyOf(fetched.subList(0, limit));
        return new Page<>(items, markerFor(key.apply(items.get(items.size() - 1))));
    }
}
