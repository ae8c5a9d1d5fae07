package dev.vigil.protocol.rest.fake.model;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.LocationTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.Trait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * A hand-written stand-in for a generated SDK model class, for the HTTP bindings RAM does not use (labels,
 * headers, explicit payloads, status codes). Values live in a map keyed by member name; the same class is
 * its own builder. Not thread-safe (like SDK builders).
 */
public abstract class FakeShape<T extends FakeShape<T>> implements SdkPojo, SdkBuilder<T, T> {
    private final Map<String, Object> values = new HashMap<>();

    protected abstract T create();

    @SuppressWarnings("unchecked")
    public T set(String member, Object value) {
        if (value == null) values.remove(member);
        else values.put(member, value);
        return (T) this;
    }

    public Object get(String member) { return values.get(member); }

    @Override
    public T build() {
        T copy = create();
        ((FakeShape<?>) copy).values.putAll(values);
        return copy;
    }

    @Override
    public Map<String, SdkField<?>> sdkFieldNameToField() {
        Map<String, SdkField<?>> m = new LinkedHashMap<>();
        for (SdkField<?> f : sdkFields()) m.put(f.locationName(), f);
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && values.equals(((FakeShape<?>) o).values);
    }

    @Override
    public int hashCode() { return Objects.hash(getClass(), values); }

    @Override
    public String toString() { return getClass().getSimpleName() + values; }

    /** A member bound to {@code location} under {@code wireName}. */
    @SuppressWarnings("unchecked")
    public static <V> SdkField<V> field(MarshallingType<V> type, String member, MarshallLocation location,
                                        String wireName, Trait... traits) {
        Trait[] all = new Trait[traits.length + 1];
        all[0] = LocationTrait.builder().location(location).locationName(wireName).unmarshallLocationName(wireName).build();
        System.arraycopy(traits, 0, all, 1, traits.length);
        return SdkField.<V>builder(type)
                .memberName(member)
                .getter(o -> (V) ((FakeShape<?>) o).values.get(member))
                .setter((o, v) -> ((FakeShape<?>) o).set(member, v))
                .traits(all)
                .build();
    }

    /** A structure member (or list/map element) built by {@code constructor}. */
    @SuppressWarnings("unchecked")
    public static <V> SdkField<V> pojo(String member, MarshallLocation location, String wireName,
                                       java.util.function.Supplier<SdkPojo> constructor, Trait... traits) {
        Trait[] all = new Trait[traits.length + 1];
        all[0] = LocationTrait.builder().location(location).locationName(wireName).unmarshallLocationName(wireName).build();
        System.arraycopy(traits, 0, all, 1, traits.length);
        return (SdkField<V>) SdkField.builder(MarshallingType.SDK_POJO)
                .memberName(member)
                .constructor(constructor)
                .getter(o -> (SdkPojo) ((FakeShape<?>) o).values.get(member))
                .setter((o, v) -> ((FakeShape<?>) o).set(member, v))
                .traits(all)
                .build();
    }

    public static ListTrait listOf(SdkField<?> member) {
        return ListTrait.builder().memberLocationName(null).memberFieldInfo(member).build();
    }

    public static MapTrait mapOf(SdkField<?> value) {
        return MapTrait.builder().keyLocationName("key").valueLocationName("value").valueFieldInfo(value).build();
    }

    /** A list or map element: only its type (and constructor) matter. */
    public static <V> SdkField<V> element(MarshallingType<V> type) {
        return SdkField.<V>builder(type).memberName("member")
                .traits(LocationTrait.builder().location(MarshallLocation.PAYLOAD).locationName("member")
                        .unmarshallLocationName("member").build())
                .build();
    }

    /** A list-typed map value (a map of lists). */
    public static SdkField<List<?>> listElement(SdkField<?> member) {
        return SdkField.<List<?>>builder(MarshallingType.LIST).memberName("member")
                .traits(LocationTrait.builder().location(MarshallLocation.PAYLOAD).locationName("member")
                        .unmarshallLocationName("member").build(), listOf(member))
                .build();
    }

    public static List<SdkField<?>> fields(SdkField<?>... fs) { return List.of(fs); }
}
