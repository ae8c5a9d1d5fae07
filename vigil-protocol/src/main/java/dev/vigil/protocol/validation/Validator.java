package dev.vigil.protocol.validation;

import dev.vigil.core.AwsException;
import dev.vigil.core.service.Constraint;
import dev.vigil.core.service.MemberConstraints;
import dev.vigil.core.service.ServiceDescriptor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.RequiredTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Checks a parsed request against the SDK's required members and the descriptor's constraints, and
 * words every violation as AWS's frameworks do:
 * {@code 2 validation errors detected: Value 'x' at 'logGroupName' failed to satisfy constraint: ...; ...}.
 * The checks of each shape are resolved once per service and class, and member paths are only spelled
 * out for a violation, so a valid 1000-datum request costs one pass over its values. Thread-safe.
 */
public final class Validator {
    /** One member's checks inside one shape, resolved once. */
    private record FieldCheck(SdkField<?> field, String pathName, boolean required, List<Constraint> constraints,
                              boolean descend) {}

    /** A member path built only when a message needs it; a list element is its 1-based index then "member". */
    private record Path(Path parent, String segment, int index) {
        Path(Path parent, String segment) {
            this(parent, segment, 0);
        }

        @Override
        public String toString() {
            String self = index > 0 ? index + ".member" : segment;
            return parent == null ? self : parent + "." + self;
        }
    }

    private static final Map<ServiceDescriptor, Map<Class<?>, List<FieldCheck>>> PLANS = new ConcurrentHashMap<>();

    private Validator() {}

    public static void validate(ServiceDescriptor service, SdkPojo request) {
        Map<Class<?>, List<FieldCheck>> plans = PLANS.computeIfAbsent(service, s -> new ConcurrentHashMap<>());
        List<String> errors = new ArrayList<>(0);
        struct(service, plans, request, null, errors);
        if (!errors.isEmpty()) {
            String head = errors.size() == 1 ? "1 validation error detected: "
                    : errors.size() + " validation errors detected: ";
            throw new AwsException(service.validationErrorCode(), 400, head + String.join("; ", errors));
        }
    }

    private static List<FieldCheck> plan(ServiceDescriptor service, Map<Class<?>, List<FieldCheck>> plans, SdkPojo pojo) {
        List<FieldCheck> plan = plans.get(pojo.getClass());
        if (plan != null) return plan;
        List<FieldCheck> checks = new ArrayList<>();
        for (SdkField<?> f : pojo.sdkFields()) {
            List<Constraint> cs = new ArrayList<>();
            for (MemberConstraints mc : service.constraints()) {
                boolean member = mc.member().equals(f.locationName()) || mc.member().equals(f.memberName());
                if (member && (mc.shape() == null || mc.shape().isInstance(pojo))) cs.addAll(mc.constraints());
            }
            boolean required = f.containsTrait(RequiredTrait.class) || cs.stream().anyMatch(c -> c instanceof Constraint.Required);
            MarshallingType<?> t = f.marshallingType();
            boolean descend = t == MarshallingType.SDK_POJO || containsStructures(f);
            checks.add(new FieldCheck(f, lowerFirst(f.memberName()), required, List.copyOf(cs), descend));
        }
        plan = List.copyOf(checks);
        plans.put(pojo.getClass(), plan);
        return plan;
    }

    /** Lists and maps are only walked when their elements are structures (scalars carry no checks of their own). */
    private static boolean containsStructures(SdkField<?> f) {
        MarshallingType<?> t = f.marshallingType();
        if (t == MarshallingType.LIST) return containsStructuresOrSelf(f.getRequiredTrait(ListTrait.class).memberFieldInfo());
        if (t == MarshallingType.MAP) return containsStructuresOrSelf(f.getRequiredTrait(MapTrait.class).valueFieldInfo());
        return false;
    }

    private static boolean containsStructuresOrSelf(SdkField<?> f) {
        return f.marshallingType() == MarshallingType.SDK_POJO || containsStructures(f);
    }

    private static void struct(ServiceDescriptor service, Map<Class<?>, List<FieldCheck>> plans, SdkPojo pojo,
                               Path prefix, List<String> errors) {
        for (FieldCheck c : plan(service, plans, pojo)) {
            Object v = c.field().getValueOrDefault(pojo);
            if (v instanceof SdkAutoConstructList || v instanceof SdkAutoConstructMap) v = null;
            if (v == null) {
                if (c.required()) {
                    errors.add("Value null at '" + new Path(prefix, c.pathName())
                            + "' failed to satisfy constraint: Member must not be null");
                }
                continue;
            }
            for (Constraint constraint : c.constraints()) check(constraint, v, prefix, c.pathName(), errors);
            if (c.descend()) nested(service, plans, c.field(), v, new Path(prefix, c.pathName()), errors);
        }
    }

    private static void nested(ServiceDescriptor service, Map<Class<?>, List<FieldCheck>> plans, SdkField<?> f,
                               Object v, Path path, List<String> errors) {
        MarshallingType<?> t = f.marshallingType();
        if (t == MarshallingType.SDK_POJO) {
            struct(service, plans, (SdkPojo) v, path, errors);
        } else if (t == MarshallingType.LIST) {
            SdkField<?> member = f.getRequiredTrait(ListTrait.class).memberFieldInfo();
            int i = 0;
            for (Object e : (Collection<?>) v) {
                i++;
                if (e != null) nested(service, plans, member, e, new Path(path, null, i), errors);
            }
        } else if (t == MarshallingType.MAP) {
            SdkField<?> valueField = f.getRequiredTrait(MapTrait.class).valueFieldInfo();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                if (e.getValue() != null) nested(service, plans, valueField, e.getValue(), new Path(path, String.valueOf(e.getKey())), errors);
            }
        }
    }

    private static void check(Constraint c, Object v, Path prefix, String name, List<String> errors) {
        String problem = problem(c, v);
        if (problem != null) {
            errors.add("Value '" + v + "' at '" + new Path(prefix, name) + "' failed to satisfy constraint: " + problem);
        }
    }

    /** AWS's wording of the constraint {@code v} breaks, or null. */
    private static String problem(Constraint c, Object v) {
        if (c instanceof Constraint.Length len) {
            int size = v instanceof String s ? s.codePointCount(0, s.length())
                    : v instanceof Collection<?> col ? col.size()
                    : v instanceof Map<?, ?> map ? map.size() : -1;
            if (size < 0) return null;
            if (len.min() != null && size < len.min()) return "Member must have length greater than or equal to " + len.min();
            if (len.max() != null && size > len.max()) return "Member must have length less than or equal to " + len.max();
        } else if (c instanceof Constraint.Range r && v instanceof Number n) {
            double d = n.doubleValue();
            if (r.min() != null && d < r.min()) return "Member must have value greater than or equal to " + plain(r.min());
            if (r.max() != null && d > r.max()) return "Member must have value less than or equal to " + plain(r.max());
        } else if (c instanceof Constraint.Regex p && v instanceof String s) {
            if (!p.compiled().matcher(s).matches()) return "Member must satisfy regular expression pattern: " + p.regex();
        } else if (c instanceof Constraint.OneOf e && v instanceof String s) {
            if (!e.values().contains(s)) return "Member must satisfy enum value set: [" + String.join(", ", e.values()) + "]";
        }
        return null;
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
