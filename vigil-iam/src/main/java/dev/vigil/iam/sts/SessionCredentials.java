package dev.vigil.iam.sts;

import dev.vigil.core.spi.Credential;
import dev.vigil.core.spi.CredentialStore;
import dev.vigil.iam.authz.SessionGrants;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions STS issued, as the gateway sees their ASIA keys (a {@link CredentialStore}) and as the authorizer
 * sees what they carry ({@link SessionGrants}). Every request signed with a session key asks here, so sessions are
 * cached: they never change once issued, so an entry stays valid until the session is swept. Only sessions found
 * are cached, so one issued by another node sharing the store is found on its first use here. Expired sessions
 * are kept {@link #RETENTION} past their expiry, so their keys keep answering ExpiredToken rather than an unknown
 * key, then swept from the store and the cache. Answers only once the store is migrated ({@link #start}).
 * Thread-safe: a concurrent map of immutable entries.
 */
public final class SessionCredentials implements CredentialStore, SessionGrants {
    static final Duration RETENTION = Duration.ofDays(1);
    static final int MAX_ENTRIES = 10_000;

    private record Entry(StsSession session, Credential credential, SessionGrant grant) {}

    private final StsSessionStore store;
    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();
    private volatile boolean started;

    public SessionCredentials(StsSessionStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Called once the schema is migrated: lookups before that find nothing rather than fail. */
    public void start() { started = true; }

    /** STS issues ASIA + 16 characters; anything else is not a session key. */
    public static boolean isSessionKey(String id) {
        return id != null && id.length() == 20 && id.startsWith("ASIA");
    }

    @Override
    public Optional<Credential> find(String accessKeyId) {
        return entry(accessKeyId).map(Entry::credential);
    }

    @Override
    public Optional<SessionGrant> grant(String accessKeyId) {
        return entry(accessKeyId).map(Entry::grant);
    }

    public Optional<StsSession> session(String accessKeyId) {
        return entry(accessKeyId).map(Entry::session);
    }

    /** Issues and stores a session; the store write is durable before the credentials are returned. */
    public StsSession issue(SessionPrincipal principal, SessionAttributes attributes, Duration duration) {
        // Whole seconds, as STS states Expiration.
        StsSession s = StsSession.issue(principal, attributes, clock.instant().truncatedTo(ChronoUnit.SECONDS), duration);
        store.insert(s);
        remember(s);
        return s;
    }

    /** The background job: drops sessions expired longer than {@link #RETENTION}; returns how many rows went. */
    public int sweep() {
        Instant cutoff = clock.instant().minus(RETENTION);
        cache.values().removeIf(e -> e.session().expiration().isBefore(cutoff));
        return store.deleteExpiredBefore(cutoff);
    }

    /** Forgets everything cached (before a reset wipes the store). */
    public void invalidateAll() { cache.clear(); }

    private Optional<Entry> entry(String accessKeyId) {
        if (!started || !isSessionKey(accessKeyId)) return Optional.empty();
        Entry e = cache.get(accessKeyId);
        if (e != null && !swept(e.session())) return Optional.of(e);
        if (e != null) cache.remove(accessKeyId);
        Optional<StsSession> loaded = store.find(accessKeyId).filter(s -> !swept(s));
        return loaded.map(this::remember);
    }

    private boolean swept(StsSession s) {
        return s.expiration().plus(RETENTION).isBefore(clock.instant());
    }

    private Entry remember(StsSession s) {
        SessionAttributes a = s.attributes();
        Entry e = new Entry(s, s.credential(),
                new SessionGrant(a.inlinePolicy(), a.policyArns(), a.tags(), a.sourceIdentity()));
        if (cache.size() >= MAX_ENTRIES) cache.clear(); // crude bound; sessions in use come back on their next request
        cache.put(s.accessKeyId(), e);
        return e;
    }
}
