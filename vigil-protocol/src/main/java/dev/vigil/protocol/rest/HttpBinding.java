package dev.vigil.protocol.rest;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Locale;

/**
 * An operation's HTTP binding (method and URI template) as the SDK declares it. The SDK model classes do
 * not carry the route; each generated {@code <svc>.transform.<Op>RequestMarshaller} does, in its private
 * {@code SDK_OPERATION_BINDING} ({@code protocols.core.OperationInfo}). It is read reflectively, by name,
 * because protocol-core is not a compile dependency of this module. Immutable; the cache is thread-safe.
 *
 * @param uri the request URI template, e.g. {@code /v1/things/{Name}/parts/{Key+}?type=x}
 */
public record HttpBinding(String method, String uri, boolean hasPayloadMembers, boolean hasExplicitPayloadMember) {

    private static final ClassValue<HttpBinding> CACHE = new ClassValue<>() {
        @Override
        protected HttpBinding computeValue(Class<?> requestClass) { return read(requestClass); }
    };

    /** The binding of an SDK request class, read once per class. */
    public static HttpBinding of(Class<?> requestClass) { return CACHE.get(requestClass); }

    /** {@code a.b.svc.model.FooRequest} -> {@code a.b.svc.transform.FooRequestMarshaller}. */
    static String marshallerName(Class<?> requestClass) {
        String pkg = requestClass.getPackageName();
        String base = pkg.endsWith(".model") ? pkg.substring(0, pkg.length() - ".model".length()) : pkg;
        return base + ".transform." + requestClass.getSimpleName() + "Marshaller";
    }

    private static HttpBinding read(Class<?> requestClass) {
        String name = marshallerName(requestClass);
        try {
            Class<?> marshaller = Class.forName(name, true, requestClass.getClassLoader());
            Field f = marshaller.getDeclaredField("SDK_OPERATION_BINDING");
            f.setAccessible(true);
            Object info = f.get(null);
            String uri = (String) call(info, "requestUri");
            Object method = call(info, "httpMethod");
            if (uri == null || method == null) throw new IllegalArgumentException(name + " declares no HTTP route");
            return new HttpBinding(method.toString().toUpperCase(Locale.ROOT), uri,
                    (Boolean) call(info, "hasPayloadMembers"), (Boolean) call(info, "hasExplicitPayloadMember"));
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read the HTTP binding of " + requestClass.getName()
                    + " from " + name + ": " + e, e);
        }
    }

    private static Object call(Object target, String method) throws ReflectiveOperationException {
        Method m = target.getClass().getMethod(method);
        return m.invoke(target);
    }
}
