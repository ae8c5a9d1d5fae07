package dev.vigil.protocol.rest;

import dev.vigil.protocol.Shapes;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.PayloadTrait;
import software.amazon.awssdk.core.traits.TraitType;

/**
 * Where each member of a request or response shape travels in restJson1, sorted once per class so that
 * reading and writing walk short lists instead of inspecting traits. Immutable; the cache is thread-safe.
 *
 * @param labels        PATH and GREEDY_PATH members ({@code @httpLabel})
 * @param query         QUERY_PARAM scalars and lists ({@code @httpQuery})
 * @param queryMap      the QUERY_PARAM map ({@code @httpQueryParams}), or null
 * @param headers       HEADER scalars and lists ({@code @httpHeader})
 * @param prefixHeaders HEADER maps ({@code @httpPrefixHeaders}; the location name is the prefix)
 * @param payload       the {@code @httpPayload} member, or null
 * @param bodyMembers   true when some members are the implicit JSON body (no explicit payload)
 * @param statusCode    the {@code @httpResponseCode} member, or null
 */
record RestPlan(List<SdkField<?>> labels, List<SdkField<?>> query, SdkField<?> queryMap, List<SdkField<?>> headers,
                List<SdkField<?>> prefixHeaders, SdkField<?> payload, boolean bodyMembers, SdkField<?> statusCode) {

    private static final ClassValue<RestPlan> CACHE = new ClassValue<>() {
        @Override
        protected RestPlan computeValue(Class<?> type) { return of(Shapes.plan(type).fields()); }
    };

    static RestPlan of(Class<?> type) { return CACHE.get(type); }

    static RestPlan of(List<SdkField<?>> fields) {
        List<SdkField<?>> labels = new ArrayList<>();
        List<SdkField<?>> query = new ArrayList<>();
        List<SdkField<?>> headers = new ArrayList<>();
        List<SdkField<?>> prefixHeaders = new ArrayList<>();
        SdkField<?> queryMap = null;
        SdkField<?> payload = null;
        SdkField<?> statusCode = null;
        boolean body = false;
        for (SdkField<?> f : fields) {
            MarshallLocation loc = f.location();
            boolean map = f.marshallingType() == MarshallingType.MAP;
            if (loc == MarshallLocation.PATH || loc == MarshallLocation.GREEDY_PATH) {
                labels.add(f);
            } else if (loc == MarshallLocation.QUERY_PARAM) {
                if (map) queryMap = f;
                else query.add(f);
            } else if (loc == MarshallLocation.HEADER) {
                (map ? prefixHeaders : headers).add(f);
            } else if (loc == MarshallLocation.STATUS_CODE) {
                statusCode = f;
            } else if (f.containsTrait(PayloadTrait.class, TraitType.PAYLOAD_TRAIT)) {
                payload = f;
            } else {
                body = true;
            }
        }
        return new RestPlan(List.copyOf(labels), List.copyOf(query), queryMap, List.copyOf(headers),
                List.copyOf(prefixHeaders), payload, body && payload == null, statusCode);
    }
}
