package dev.vigil.iam.iam;

import dev.vigil.core.Caller;
import dev.vigil.core.PrincipalType;
import dev.vigil.core.spi.Credential;
import dev.vigil.core.spi.CredentialStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access keys IAM issued, as the gateway's {@link CredentialStore}: every request signed with an AKIA key asks
 * here, so lookups are cached. Changes made through this node invalidate the cache at once; the TTL bounds how long
 * a change made by another node sharing the store goes unseen (IAM itself is eventually consistent). Answers only
 * once the store is migrated ({@link #start}). Usage for GetAccessKeyLastUsed is noted at most once a minute per key.
 * Thread-safe: a concurrent map of immutable entries.
 */
public final class IamCredentialStore implements CredentialStore {
    static final Duration TTL = Duration.ofSeconds(5);
    static final Duration USE_NOTE_INTERVAL = Duration.ofMinutes(1);
    static final int MAX_ENTRIES = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(IamCredentialStore.class);

    /** A lookup result and when it goes stale; lastNoted is the clock millis of the last recorded use. */
    private record Entry(Optional<Credential> credential, long staleAtNanos, AtomicLong lastNoted) {}

    private final AccessKeyStore keys;
    private final UserStore users;
    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> cache = new ConcurrentHashMap<>();
    private volatile boolean started;

    public IamCredentialStore(AccessKeyStore keys, UserStore users, Clock clock) {
        this.keys = keys;
        this.users = users;
        this.clock = clock;
    }

    /** Called once the iam schema is migrated: lookups before that find nothing rather than fail. */
    public void start() { started = true; }

    @Override
    public Optional<Credential> find(String accessKeyId) {
        if (!started || !issuedByIam(accessKeyId)) return Optional.empty();
        Entry e = cache.get(accessKeyId);
        if (e == null || System.nanoTime() - e.staleAtNanos() > 0) {
            e = new Entry(load(accessKeyId), System.nanoTime() + TTL.toNanos(), new AtomicLong(Long.MIN_VALUE));
            if (cache.size() >= MAX_ENTRIES) cache.clear(); // crude bound; keys in use come back on the next request
            Entry previous = cache.put(accessKeyId, e);
            if (previous != null) e.lastNoted().set(previous.lastNoted().get());
        }
        if (e.credential().isPresent()) noteUse(accessKeyId, e);
        return e.credential();
    }

    /** Forgets one key (created, deactivated, deleted). */
    public void invalidate(String accessKeyId) { cache.remove(accessKeyId); }

    /** Forgets everything (a user renamed or deleted changes the callers of its keys; a store reset). */
    public void invalidateAll() { cache.clear(); }

    /** IAM issues AKIA + 16 characters; anything else (test, 12-digit account keys, ASIA sessions) is not ours. */
    static boolean issuedByIam(String id) {
        return id != null && id.length() == 20 && id.startsWith("AKIA");
    }

    private Optional<Credential> load(String accessKeyId) {
        Optional<AccessKey> found = keys.find(accessKeyId);
        if (found.isEmpty()) return Optional.empty();
        AccessKey k = found.get();
        Caller caller;
        if (k.userId() == null) {
            caller = Caller.root(k.accountId(), accessKeyId);
        } else {
            Optional<IamUser> user = users.findById(k.accountId(), k.userId());
            if (user.isEmpty()) return Optional.empty();
            IamUser u = user.get();
            caller = new Caller(u.accountId(), u.arn(), PrincipalType.IAM_USER, u.userId(), accessKeyId, u.userName(),
                    null, null, false);
        }
        return Optional.of(new Credential(accessKeyId, k.secretAccessKey(), null, null, caller, k.active()));
    }

    private void noteUse(String accessKeyId, Entry e) {
        long now = clock.millis();
        long last = e.lastNoted().get();
        if (last != Long.MIN_VALUE && now - last < USE_NOTE_INTERVAL.toMillis()) return;
        if (!e.lastNoted().compareAndSet(last, now)) return; // another request is noting it
        try {
            keys.noteUse(accessKeyId, clock.instant(), null, null);
        } catch (RuntimeException ex) {
            LOG.warn("could not record the use of access key {}: {}", accessKeyId, ex.toString());
        }
    }
}
