package dev.vigil.events.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.Arn;
import dev.vigil.events.BusEventListener;
import dev.vigil.events.schemas.SchemaRecords.Discoverer;
import dev.vigil.events.schemas.SchemaRecords.Version;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The discoverers at work: for every event a bus with a STARTED discoverer accepts, infers the event's shape, merges
 * it into the last shape known for its {@code <source>@<DetailType>} schema in the {@code discovered-schemas}
 * registry, and stores a new OpenAPI 3 version only when the merged shape differs. The last shape per schema is
 * cached (loaded from the latest stored version on first use), so an event of a known shape costs one inference
 * and one comparison, and a bus without a started discoverer one map lookup. A change is merged into the stored
 * latest version as well (another node may have written one). The started discoverers are re-read from the store
 * whenever this node changes one, and every {@link #REFRESH_MILLIS} for the other nodes' changes. Thread-safe: the
 * merge-and-write of one schema is serialized on that schema's cache entry.
 */
final class SchemaDiscovery implements BusEventListener {
    static final String REGISTRY = "discovered-schemas";
    private static final Logger LOG = LoggerFactory.getLogger(SchemaDiscovery.class);

    /** The last merged shape of one discovered schema; its monitor serializes the writes of that schema. */
    private static final class Known {
        Shape.Obj shape;
    }

    private final SchemasRepository repo;
    private final Clock clock;
    /** Another node's discoverer changes are picked up within this period (this node's at once). */
    static final long REFRESH_MILLIS = 10_000;

    private volatile Map<String, List<Discoverer>> startedByBus = Map.of();
    private final AtomicLong refreshedAt = new AtomicLong(Long.MIN_VALUE / 2);
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    SchemaDiscovery(SchemasRepository repo, Clock clock) {
        this.repo = repo;
        this.clock = clock;
    }

    /** Re-reads the started discoverers (after a change on this node, at start and after a reset). */
    void refresh() {
        refreshedAt.set(clock.millis());
        Map<String, List<Discoverer>> byBus = new ConcurrentHashMap<>();
        for (Discoverer d : repo.startedDiscoverers()) {
            byBus.computeIfAbsent(d.sourceArn(), k -> new ArrayList<>()).add(d);
        }
        startedByBus = byBus;
    }

    /** A reset wiped the store: forget the cached shapes. */
    void forget() {
        known.clear();
        startedByBus = Map.of();
    }

    @Override
    public void accepted(String busAccount, String busRegion, String busName, JsonNode event) {
        long last = refreshedAt.get();
        long now = clock.millis();
        // One caller re-reads the store now and then; the others go on with the current map.
        if (now - last > REFRESH_MILLIS && refreshedAt.compareAndSet(last, now)) {
            try {
                refresh();
            } catch (RuntimeException e) {
                LOG.warn("discoverers not re-read: {}", e.toString());
            }
        }
        Map<String, List<Discoverer>> started = startedByBus;
        if (started.isEmpty()) return;
        List<Discoverer> discoverers = started.get(Arn.of("events", busRegion, busAccount, "event-bus/" + busName).toString());
        if (discoverers == null) return;
        String source = event.path("source").asText(null);
        String detailType = event.path("detail-type").asText(null);
        if (source == null || detailType == null) return;
        boolean foreign = !busAccount.equals(event.path("account").asText(busAccount));
        for (Discoverer d : discoverers) {
            if (foreign && !d.crossAccount()) continue;
            try {
                discover(d.accountId(), d.region(), source, detailType, event);
            } catch (RuntimeException e) {
                LOG.warn("schema discovery of {} on {} failed: {}", source, d.sourceArn(), e.toString());
            }
        }
    }

    /** Merges one event into its discovered schema; answers the version written, or null when the shape was known. */
    Version discover(String account, String region, String source, String detailType, JsonNode event) {
        Shape inferred = ShapeInference.infer(event);
        if (!(inferred instanceof Shape.Obj envelope)) return null;
        String schema = OpenApiDocs.schemaName(source, detailType);
        Known k = known.computeIfAbsent(account + '\n' + region + '\n' + schema, x -> new Known());
        synchronized (k) {
            if (k.shape == null) k.shape = stored(account, region, schema).orElse(null);
            Shape merged = ShapeInference.merge(k.shape, envelope);
            if (merged.equals(k.shape) || !(merged instanceof Shape.Obj)) return null;
            // A change: merge into what is stored now too, which another node may have moved on.
            Shape.Obj latest = stored(account, region, schema).orElse(null);
            if (!((ShapeInference.merge(latest, merged)) instanceof Shape.Obj obj)) return null;
            if (obj.equals(latest)) {
                k.shape = latest;
                return null;
            }
            String content = OpenApiDocs.render(obj, source, detailType).toString();
            Version v = repo.addVersion(account, region, REGISTRY, schema, null, SchemaContent.OPEN_API_3, content,
                    clock.instant(), false);
            k.shape = obj;
            return v;
        }
    }

    private Optional<Shape.Obj> stored(String account, String region, String schema) {
        return repo.latest(account, region, REGISTRY, schema).map(v -> {
            try {
                return OpenApiDocs.parse(OpenApiDocs.JSON.readTree(v.content()));
            } catch (Exception e) {
                return null; // a version not written by discovery: start over from this event
            }
        });
    }
}
