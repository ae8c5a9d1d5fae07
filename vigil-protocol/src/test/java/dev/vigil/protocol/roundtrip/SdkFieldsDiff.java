package dev.vigil.protocol.roundtrip;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Compares two SDK model objects member by member over {@code sdkFields()}, recursively, and names every
 * difference by its path. Only the modelled members count: a client's response also carries
 * {@code responseMetadata} and {@code sdkHttpResponse}, which are not fields. Stateless.
 */
public final class SdkFieldsDiff {
    private SdkFieldsDiff() {}

    /** The differences between {@code expected} and {@code actual}, empty when they are equal. */
    public static List<String> diff(Object expected, Object actual) {
        List<String> out = new ArrayList<>();
        compare("", expected, actual, out);
        return out;
    }

    /** Whether every modelled member of the two objects is equal, recursively. */
    public static boolean equalsBySdkFields(SdkPojo expected, SdkPojo actual) {
        return diff(expected, actual).isEmpty();
    }

    private static void compare(String path, Object e, Object a, List<String> out) {
        // an empty list or map that was set is not the same as one never set (the SDK's hasX() tells them apart)
        if (unset(e) != unset(a)) {
            out.add(at(path) + ": expected " + (unset(e) ? "unset" : show(e) + " (set)") + " but was "
                    + (unset(a) ? "unset" : show(a) + " (set)"));
            return;
        }
        if (e == null || a == null) {
            if (e != a) out.add(at(path) + ": expected " + show(e) + " but was " + show(a));
            return;
        }
        if (e instanceof SdkPojo ep && a instanceof SdkPojo ap) {
            if (ep.getClass() != ap.getClass()) {
                out.add(at(path) + ": expected a " + ep.getClass().getSimpleName() + " but was a "
                        + ap.getClass().getSimpleName());
                return;
            }
            for (SdkField<?> f : ep.sdkFields()) {
                compare(path.isEmpty() ? f.memberName() : path + "." + f.memberName(),
                        f.getValueOrDefault(ep), f.getValueOrDefault(ap), out);
            }
            return;
        }
        if (e instanceof List<?> el && a instanceof List<?> al) {
            if (el.size() != al.size()) {
                out.add(at(path) + ": expected " + el.size() + " elements " + show(el) + " but was " + al.size()
                        + " " + show(al));
                return;
            }
            Iterator<?> ai = al.iterator();
            int i = 0;
            for (Object x : el) compare(path + "[" + i++ + "]", x, ai.next(), out);
            return;
        }
        if (e instanceof Map<?, ?> em && a instanceof Map<?, ?> am) {
            if (!em.keySet().equals(am.keySet())) {
                out.add(at(path) + ": expected keys " + show(em.keySet()) + " but was " + show(am.keySet()));
                return;
            }
            for (Map.Entry<?, ?> x : em.entrySet()) {
                compare(path + "{" + x.getKey() + "}", x.getValue(), am.get(x.getKey()), out);
            }
            return;
        }
        if (!Objects.equals(e, a)) out.add(at(path) + ": expected " + show(e) + " but was " + show(a));
    }

    private static boolean unset(Object v) {
        return v instanceof SdkAutoConstructList || v instanceof SdkAutoConstructMap;
    }

    private static String at(String path) { return path.isEmpty() ? "(root)" : path; }

    private static String show(Object o) {
        if (o == null) return "null";
        if (o instanceof String s) return '"' + s.replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r") + '"';
        if (o instanceof SdkBytes b) return "bytes" + java.util.Arrays.toString(b.asByteArrayUnsafe());
        if (o instanceof Collection<?> c && c.size() > 4) return "[" + c.size() + " items]";
        String s = String.valueOf(o);
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
