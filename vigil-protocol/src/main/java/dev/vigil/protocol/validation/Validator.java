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
 * Thread-safe (the per-service constraint index is cached).
 */
public final class Validator {
    private static final Map<ServiceDescriptor, Map<String, List<MemberConstraints>>> INDEX = new ConcurrentHashMap<>();

    private Validator() {}

    public static void validate(ServiceDescriptor service, SdkPojo request) {
        Map<String, List<MemberConstraints>> index = INDEX.computeIfAbsent(service, Validator::index);
        List<String> errors = new ArrayList<>();
        struct(index, request, "", errors);
        if (!errors.isEmpty()) {
            String head = errors.size() == 1 ? "1 validation error detected: "
                    : errors.size() + " validation errors detected: ";
            throw new AwsException(service.validationErrorCode(), 400, head + String.join("; ", errors));
        }
    }

    private static Map<String, List<MemberConstraints>> index(ServiceDescriptor service) {
        Map<String, List<MemberConstraints>> m = new ConcurrentHashMap<>();
        for (MemberConstraints mc : service.constraints()) {
            m.computeIfAbsent(mc.member(), k -> new ArrayList<>()).add(mc);
        }
        return m;
    }

    private static void struct(Map<String, List<MemberConstraints>> index, SdkPojo pojo, String prefix,
                               List<String> errors) {
        for (SdkField<?> f : pojo.sdkFields()) {
            Object v = f.getValueOrDefault(pojo);
            if (v instanceof SdkAutoConstructList || v instanceof SdkAutoConstructMap) v = null;
            String path = prefix + lowerFirst(f.memberName());
            List<Constraint> cs = constraintsFor(index, pojo, f);
            boolean required = f.containsTrait(RequiredTrait.class)
                    || cs.stream().anyMatch(c -> c instanceof Constraint.Required);
            if (v == null) {
                if (required) errors.add("Value null at '" + path + "' failed to satisfy constraint: Member must not be null");
                continue;
            }
            for (Constraint c : cs) check(c, v, path, errors);
            nested(index, f, v, path, errors);
        }
    }

    private static void nested(Map<String, List<MemberConstraints>> index, SdkField<?> f, Object v, String path,
                               List<String> errors) {
        MarshallingType<?> t = f.marshallingType();
        if (t == MarshallingType.SDK_POJO) {
            struct(index, (SdkPojo) v, path + ".", errors);
        } else if (t == MarshallingType.LIST) {
            SdkField<?> member = f.getRequiredTrait(ListTrait.class).memberFieldInfo();
            int i = 0;
            for (Object e : (Collection<?>) v) {
                i++;
                if (e != null) nested(index, member, e, path + "." + i + ".member", errors);
            }
        } else if (t == MarshallingType.MAP) {
            SdkField<?> valueField = f.getRequiredTrait(MapTrait.class).valueFieldInfo();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                if (e.getValue() != null) nested(index, valueField, e.getValue(), path + "." + e.getKey(), errors);
            }
        }
    }

    private static List<Constraint> constraintsFor(Map<String, List<MemberConstraints>> index, SdkPojo pojo,
                                                   SdkField<?> f) {
        List<MemberConstraints> all = index.get(f.locationName());
        if (all == null) all = index.get(f.memberName());
        if (all == null) return List.of();
        List<Constraint> out = new ArrayList<>();
        for (MemberConstraints mc : all) {
            if (mc.shape() == null || mc.shape().isInstance(pojo)) out.addAll(mc.constraints());
        }
        return out;
    }

    private static void check(Constraint c, Object v, String path, List<String> errors) {
        String shown = "Value '" + v + "' at '" + path + "' failed to satisfy constraint: ";
        if (c instanceof Constraint.Length len) {
            int size = v instanceof String s ? s.codePointCount(0, s.length())
                    : v instanceof Collection<?> col ? col.size()
                    : v instanceof Map<?, ?> map ? map.size() : -1;
            if (size < 0) return;
            if (len.min() != null && size < len.min()) {
                errors.add(shown + "Member must have length greater than or equal to " + len.min());
            } else if (len.max() != null && size > len.max()) {
                errors.add(shown + "Member must have length less than or equal to " + len.max());
            }
        } else if (c instanceof Constraint.Range r && v instanceof Number n) {
            double d = n.doubleValue();
            if (r.min() != null && d < r.min()) {
                errors.add(shown + "Member must have value greater than or equal to " + plain(r.min()));
            } else if (r.max() != null && d > r.max()) {
                errors.add(shown + "Member must have value less than or equal to " + plain(r.max()));
            }
        } else if (c instanceof Constraint.Regex p && v instanceof String s) {
            if (!p.compiled().matcher(s).matches()) {
                errors.add(shown + "Member must satisfy regular expression pattern: " + p.regex());
            }
        } else if (c instanceof Constraint.OneOf e && v instanceof String s) {
            if (!e.values().contains(s)) {
                errors.add(shown + "Member must satisfy enum value set: [" + String.join(", ", e.values()) + "]");
            }
        }
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
