package dev.vigil.store;

import dev.vigil.core.store.Database;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Leases for background jobs, so a periodic job runs on one node when several share a database
 * (DESIGN §4). Needs {@code migrate("store")}.
 *
 * <p>Each step is a single autocommit statement whose WHERE clause both engines re-check on the
 * locked row, so of concurrent callers exactly one wins; a lost insert race is a primary-key
 * violation, i.e. "someone else holds it". Times come from the caller's clock: a lease's TTL must
 * exceed the clock skew between nodes. Must not be called inside a {@link Jdbc} transaction (a
 * failed insert would abort it on PostgreSQL).
 *
 * <p>Thread-safe.
 */
public final class Leases {

    /** A lease row: held by {@code owner} until {@code expiresAt} (exclusive). */
    public record Lease(String job, String owner, Instant expiresAt) {
        public boolean isHeldAt(Instant now) { return now.isBefore(expiresAt); }
    }

    private final Jdbc jdbc;

    public Leases(Database database) {
        this.jdbc = new Jdbc(database);
    }

    /**
     * Takes the lease for {@code ttl} from {@code now} if it is free, expired, or already ours
     * (then it is renewed). Returns whether {@code owner} holds it now.
     */
    public boolean tryAcquire(String job, String owner, Duration ttl, Instant now) {
        if (ttl.isNegative() || ttl.isZero()) throw new IllegalArgumentException("ttl must be positive");
        if (jdbc.isInTransaction()) throw new IllegalStateException("leases are taken outside transactions");
        Instant until = now.plus(ttl);
        int taken = jdbc.update(
                "UPDATE store_lease SET owner = ?, expires_at = ? WHERE job = ? AND (owner = ? OR expires_at <= ?)",
                owner, until, job, owner, now);
        if (taken == 1) return true;
        // Held by someone else: answer without provoking a (logged) key violation on every poll.
        if (current(job).isPresent()) return false;
        try {
            return jdbc.update("INSERT INTO store_lease (job, owner, expires_at) VALUES (?, ?, ?)", job, owner, until) == 1;
        } catch (StoreException e) {
            if (e.isUniqueViolation()) return false;
            throw e;
        }
    }

    /** Gives the lease up if {@code owner} holds it (so another node need not wait for expiry). */
    public boolean release(String job, String owner) {
        return jdbc.update("DELETE FROM store_lease WHERE job = ? AND owner = ?", job, owner) == 1;
    }

    /** The lease row, expired or not. */
    public Optional<Lease> current(String job) {
        return jdbc.queryOne("SELECT job, owner, expires_at FROM store_lease WHERE job = ?",
                rs -> new Lease(rs.getString("job"), rs.getString("owner"), Rows.instant(rs, "expires_at")), job);
    }
}
