package dev.vigil.protocol;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * The SDK model, read once per class: a builder factory and the field list of every request,
 * response and nested structure class. Codecs walk these plans; nothing reflective runs per field.
 * Thread-safe (a concurrent cache of immutable plans).
 */
public final class Shapes {
    private static final Map<Class<?>, Plan> PLANS = new ConcurrentHashMap<>();

    /** A shape's builder factory and fields. Immutable. */
    public record Plan(Class<?> type, Supplier<SdkPojo> builder, List<SdkField<?>> fields,
                       Map<String, SdkField<?>> byLocationName) {}

    private Shapes() {}

    public static Plan plan(Class<?> type) {
        return PLANS.computeIfAbsent(type, Shapes::load);
    }

    /** Builds the object a builder (an SdkPojo obtained from a Plan or a field constructor) describes. */
    public static SdkPojo build(SdkPojo builder) {
        return (SdkPojo) ((SdkBuilder<?, ?>) builder).build();
    }

    private static Plan load(Class<?> type) {
        try {
            MethodHandle h = MethodHandles.publicLookup()
                    .findStatic(type, "builder", MethodType.methodType(type.getMethod("builder").getReturnType()));
            Supplier<SdkPojo> supplier = () -> {
                try {
                    return (SdkPojo) h.invoke();
                } catch (Throwable t) {
                    throw new IllegalStateException("cannot create builder of " + type.getName(), t);
                }
            };
            List<SdkField<?>> fields = List.copyOf(supplier.get().sdkFields());
            Map<String, SdkField<?>> byName = new java.util.HashMap<>();
            for (SdkField<?> f : fields) {
                if (f.locationName() != null) byName.put(f.locationName(), f);
            }
            return new Plan(type, supplier, fields, Map.copyOf(byName));
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(type.getName() + " is not an SDK model shape", e);
        }
    }
}
