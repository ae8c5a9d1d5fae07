package dev.vigil.protocol.roundtrip;

import dev.vigil.protocol.Shapes;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * Builds fully populated SDK model objects (every member set) by walking {@link Shapes#plan} and the
 * {@link SdkField}s of nested shapes. Values are deterministic (seeded by the class name) but varied:
 * strings carry spaces, unicode, '&amp;', '&lt;', '=', '+', '/' and line breaks ({@link Mode#RICH}) or only
 * plain ASCII ({@link Mode#ASCII}); numbers are negative and positive, doubles fractional; timestamps
 * have millisecond precision (what the AWS protocols carry); lists have 2 elements and maps 2 entries.
 * A structure that already appears on the path from the root (a recursive shape) is left unset, so
 * every member of every non-recursive shape is set. Enum-typed members get a valid enum value when the
 * SDK exposes the enum class. Members bound to HTTP headers, labels and query strings get values legal
 * there (non-empty; headers printable ASCII and whole-second timestamps). Not thread-safe.
 */
public final class ModelGenerator {

    /** Which characters generated strings may contain. */
    public enum Mode {
        /** Spaces, unicode (incl. a surrogate pair), XML/form/URL-significant characters, tab, CR and LF. */
        RICH,
        /** Letters, digits, '-' and '_' only. */
        ASCII
    }

    private static final String[] RICH_SUFFIXES = {
        " a&b=c+d/e",
        " <x attr=\"1\">'y'</x>",
        " ünïcødé 日本語 😀",
        " 100% ~*?#[]@!$(),;:",
        " tab\there\r\nnewline\rcr",
        " +plus +/slash/ == ",
    };

    /** Which values members get. */
    public enum Profile {
        /** Typical values: non-empty strings, lists of 2, maps of 2, fractional numbers. */
        FULL,
        /**
         * The boundaries a codec can get wrong, every member still set: empty strings and blobs; lists and
         * maps alternately empty and of one element (a map's key then the empty string unless an enum);
         * integer extremes and zero; NaN, the infinities, -0.0 and the extreme doubles; timestamps at and
         * before the epoch and on whole seconds; false.
         */
        EDGE
    }

    private static final int MAX_DEPTH = 12;
    private static final Object UNSET = new Object();
    private static final double[] EDGE_DOUBLES = {
        Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 0.0,
    };
    private static final Instant[] EDGE_INSTANTS = {
        Instant.EPOCH, Instant.ofEpochMilli(-1_500), Instant.parse("2024-02-29T23:59:59Z"),
        Instant.parse("2099-12-31T23:59:59.999Z"), Instant.ofEpochMilli(1),
    };

    private final Mode mode;
    private final Profile profile;
    private final Deque<Class<?>> path = new ArrayDeque<>();
    private final List<String> cuts = new ArrayList<>();
    private int n;
    private boolean emptyMaps = true;
    private boolean negativeZero = true;
    private java.util.Set<String> skipped = java.util.Set.of();

    public ModelGenerator(Mode mode, Profile profile) {
        this.mode = mode;
        this.profile = profile;
    }

    public ModelGenerator(Mode mode) { this(mode, Profile.FULL); }

    public ModelGenerator() { this(Mode.RICH); }

    public Profile profile() { return profile; }

    public Mode mode() { return mode; }

    /**
     * The members the last {@link #generate} left unset because their structure already appears on the
     * path from the root (recursive shapes), as "Type in Owner.Member"; empty for non-recursive shapes.
     */
    public List<String> recursionCuts() { return List.copyOf(cuts); }

    /**
     * A copy that leaves maps unset where the EDGE profile would set them empty: awsQuery clients send
     * nothing at all for an empty map (unlike an empty list, sent as {@code Name=}), so the server cannot
     * tell the two apart.
     */
    public ModelGenerator withoutEmptyMaps() {
        ModelGenerator g = new ModelGenerator(mode, profile);
        g.emptyMaps = false;
        g.negativeZero = negativeZero;
        g.skipped = skipped;
        return g;
    }

    /**
     * A copy that leaves the named members unset wherever they occur: members a client cannot send without
     * what this machine lacks (EventBridge's {@code EndpointId} makes SDK v2 sign with SigV4a, which needs CRT).
     */
    public ModelGenerator withoutMembers(String... memberNames) {
        ModelGenerator g = new ModelGenerator(mode, profile);
        g.emptyMaps = emptyMaps;
        g.negativeZero = negativeZero;
        g.skipped = java.util.Set.of(memberNames);
        return g;
    }

    /**
     * A copy that writes 0.0 where the EDGE profile would write -0.0: SDK v2's rpcv2Cbor marshaller encodes
     * a double that has an integral value as a CBOR integer, and -0.0 becomes 0.
     */
    public ModelGenerator withoutNegativeZero() {
        ModelGenerator g = new ModelGenerator(mode, profile);
        g.emptyMaps = emptyMaps;
        g.negativeZero = false;
        g.skipped = skipped;
        return g;
    }

    /** A fully populated instance of {@code type} (a request, response or structure class of a model). */
    @SuppressWarnings("unchecked")
    public <T extends SdkPojo> T generate(Class<T> type) {
        n = Math.floorMod(type.getName().hashCode(), 97);
        path.clear();
        cuts.clear();
        return (T) struct(type, Shapes.plan(type).builder().get());
    }

    private SdkPojo struct(Class<?> type, SdkPojo builder) {
        path.push(type);
        try {
            for (SdkField<?> f : builder.sdkFields()) {
                if (skipped.contains(f.memberName())) continue;
                Object v = value(f, hint(type, f), f.location(), f.memberName());
                if (v != null) f.set(builder, v);
            }
            return Shapes.build(builder);
        } finally {
            path.pop();
        }
    }

    private Object value(SdkField<?> f, Type hint, MarshallLocation loc, String name) {
        MarshallingType<?> t = f.marshallingType();
        int i = ++n;
        if (profile == Profile.EDGE) {
            Object edge = edge(t, hint, loc, i);
            if (edge == UNSET) return null;
            if (edge != null) return edge;
        }
        if (t == MarshallingType.STRING) return string(hint, loc, name, i);
        if (t == MarshallingType.INTEGER) return i % 3 == 0 ? -(i * 13) : i * 1013;
        if (t == MarshallingType.LONG) return i % 2 == 0 ? 4_000_000_000L + i : -(i * 100_003L);
        if (t == MarshallingType.SHORT) return (short) (i % 2 == 0 ? i : -i);
        if (t == MarshallingType.BYTE) return (byte) (i % 100);
        if (t == MarshallingType.DOUBLE) return dbl(i);
        if (t == MarshallingType.FLOAT) return (float) (i + 0.5);
        if (t == MarshallingType.BIG_DECIMAL) return new BigDecimal(i + ".125");
        if (t == MarshallingType.BOOLEAN) return i % 2 == 0;
        if (t == MarshallingType.INSTANT) {
            long millis = 1_700_000_000_000L + i * 3_600_123L;
            // HTTP-date headers carry whole seconds only.
            return Instant.ofEpochMilli(loc == MarshallLocation.HEADER ? millis / 1000 * 1000 : millis);
        }
        if (t == MarshallingType.SDK_BYTES) {
            byte[] b = new byte[3 + i % 5];
            for (int k = 0; k < b.length; k++) b[k] = (byte) (k == 0 ? 0 : k == 1 ? 0xFF : i * 31 + k);
            return SdkBytes.fromByteArray(b);
        }
        if (t == MarshallingType.SDK_POJO) {
            SdkPojo b = f.constructor().get();
            Class<?> type = b.getClass().getEnclosingClass();
            if (type == null || path.contains(type) || path.size() >= MAX_DEPTH) {
                cuts.add((type == null ? "?" : type.getSimpleName()) + " in " + path.peek().getSimpleName() + "." + name);
                return null;
            }
            return struct(type, b);
        }
        if (t == MarshallingType.LIST) {
            SdkField<?> member = f.getRequiredTrait(ListTrait.class).memberFieldInfo();
            Type elementHint = typeArg(hint, 0);
            List<Object> out = new ArrayList<>(2);
            for (int k = 0; k < size(); k++) {
                Object e = value(member, elementHint, loc, name);
                if (e == null) return null;
                out.add(e);
            }
            return out;
        }
        if (t == MarshallingType.MAP) {
            SdkField<?> valueField = f.getRequiredTrait(MapTrait.class).valueFieldInfo();
            Type keyHint = typeArg(hint, 0);
            Type valueHint = typeArg(hint, 1);
            Map<String, Object> out = new LinkedHashMap<>();
            for (int k = 0; k < size(); k++) {
                boolean edgeKey = profile == Profile.EDGE && !(keyHint instanceof Class<?> c && c.isEnum());
                String key = edgeKey ? "" : string(keyHint, loc, "key", ++n);
                if (out.containsKey(key)) break; // an enum with a single known value
                Object v = value(valueField, valueHint, loc, name);
                if (v == null) return null;
                out.put(key, v);
            }
            return out;
        }
        if (t == MarshallingType.DOCUMENT) {
            return Document.mapBuilder()
                    .putString("s", "doc " + i + suffix(i))
                    .putNumber("n", i + 0.5)
                    .putBoolean("b", true)
                    .putList("l", l -> l.addNumber(i).addString("x"))
                    .putNull("z")
                    .build();
        }
        throw new IllegalStateException("cannot generate " + t + " for " + name);
    }

    /** The EDGE profile's value of a scalar or collection member, or null to generate it as usual. */
    private Object edge(MarshallingType<?> t, Type hint, MarshallLocation loc, int i) {
        boolean bound = loc == MarshallLocation.HEADER || loc == MarshallLocation.PATH
                || loc == MarshallLocation.GREEDY_PATH || loc == MarshallLocation.QUERY_PARAM;
        if (t == MarshallingType.STRING) {
            boolean isEnum = hint instanceof Class<?> c && c.isEnum();
            // labels and headers cannot be empty; enums keep a valid value
            return bound || isEnum ? null : "";
        }
        if (t == MarshallingType.INTEGER) return new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, 0}[i % 3];
        if (t == MarshallingType.LONG) return new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0L}[i % 3];
        if (t == MarshallingType.DOUBLE) {
            double d = EDGE_DOUBLES[i % EDGE_DOUBLES.length];
            return d == 0 && !negativeZero ? 0.0 : d;
        }
        if (t == MarshallingType.FLOAT) return new float[] {Float.NaN, Float.POSITIVE_INFINITY, negativeZero ? -0.0f : 0f}[i % 3];
        if (t == MarshallingType.BOOLEAN) return false;
        if (t == MarshallingType.INSTANT) {
            Instant at = EDGE_INSTANTS[i % EDGE_INSTANTS.length];
            return loc == MarshallLocation.HEADER ? Instant.ofEpochSecond(Math.floorDiv(at.toEpochMilli(), 1000)) : at;
        }
        if (t == MarshallingType.SDK_BYTES) return SdkBytes.fromByteArray(new byte[0]);
        // Every other list and map is empty; the rest hold one element (an edge-valued one), so empty
        // collections also occur inside list elements (Name.member.1.Inner= in awsQuery).
        if (t == MarshallingType.LIST && !bound && i % 2 == 0) return new ArrayList<>();
        if (t == MarshallingType.MAP && !bound && i % 2 == 0) return emptyMaps ? new LinkedHashMap<>() : UNSET;
        return null;
    }

    private int size() { return profile == Profile.EDGE ? 1 : 2; }

    private static double dbl(int i) {
        switch (i % 4) {
            case 0: return i + 0.5;
            case 1: return -(i * 0.25);
            case 2: return i * 1.0e-3;
            default: return 1.0e15 + i + 0.125;
        }
    }

    private String string(Type hint, MarshallLocation loc, String name, int i) {
        if (hint instanceof Class<?> c && c.isEnum()) {
            List<String> values = new ArrayList<>();
            for (Object e : c.getEnumConstants()) {
                if (!((Enum<?>) e).name().equals("UNKNOWN_TO_SDK_VERSION")) values.add(e.toString());
            }
            if (!values.isEmpty()) return values.get(i % values.size());
        }
        String base = (name == null || name.isEmpty() ? "s" : name) + "-" + i;
        if (loc == MarshallLocation.HEADER) return base.toLowerCase(Locale.ROOT) + " hdr/v=1";
        if (mode == Mode.ASCII) return base;
        return base + suffix(i);
    }

    private String suffix(int i) {
        return mode == Mode.ASCII ? "" : RICH_SUFFIXES[i % RICH_SUFFIXES.length];
    }

    private static Type typeArg(Type t, int index) {
        if (t instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return null;
    }

    /**
     * The Java type of a member as the SDK exposes it to users, which names the enum class where the
     * member is enum-typed: the getter {@code x()} that has an {@code xAsString(s)} twin. Null when the
     * member has no enum view.
     */
    private static Type hint(Class<?> owner, SdkField<?> f) {
        String member = f.memberName();
        if (member == null || owner == null) return null;
        return ENUM_VIEWS.computeIfAbsent(owner, ModelGenerator::enumViews).get(member.toLowerCase(Locale.ROOT));
    }

    private static final Map<Class<?>, Map<String, Type>> ENUM_VIEWS = new java.util.concurrent.ConcurrentHashMap<>();

    /** Lower-cased member name to the generic type of its enum-typed getter, for one model class. */
    private static Map<String, Type> enumViews(Class<?> owner) {
        Map<String, Type> out = new java.util.HashMap<>();
        for (Method m : owner.getMethods()) {
            if (m.getParameterCount() != 0) continue;
            String name = m.getName();
            String base = name.endsWith("AsStrings") ? name.substring(0, name.length() - 9)
                    : name.endsWith("AsString") ? name.substring(0, name.length() - 8) : null;
            if (base == null) continue;
            try {
                out.put(base.toLowerCase(Locale.ROOT), owner.getMethod(base).getGenericReturnType());
            } catch (NoSuchMethodException e) {
                // no typed view of this member
            }
        }
        return out;
    }
}
