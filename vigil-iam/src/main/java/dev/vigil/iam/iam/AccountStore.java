package dev.vigil.iam.iam;

import dev.vigil.store.Jdbc;
import dev.vigil.store.Rows;
import dev.vigil.store.StoreException;
import java.time.Instant;
import java.util.Optional;

/**
 * Per-account IAM facts: when the account was first seen (the root user's CreateDate) and its alias.
 * Thread-safe (stateless over {@link Jdbc}).
 */
public final class AccountStore {
    private final Jdbc jdbc;

    public AccountStore(Jdbc jdbc) { this.jdbc = jdbc; }

    /** The account's creation time, recorded as {@code now} the first time it is asked for. */
    public Instant createDate(String accountId, Instant now) {
        Optional<Instant> known = read(accountId);
        if (known.isPresent()) return known.get();
        try {
            jdbc.update("INSERT INTO iam_accounts (account_id, create_date) VALUES (?, ?)", accountId, now);
            return now;
        } catch (StoreException e) {
            if (!e.isUniqueViolation()) throw e;
            return read(accountId).orElse(now); // another request recorded it first
        }
    }

    private Optional<Instant> read(String accountId) {
        return jdbc.queryOne("SELECT create_date FROM iam_accounts WHERE account_id = ?",
                rs -> Rows.instant(rs, "create_date"), accountId);
    }

    /**
     * Locks the account's row until the transaction ends (the root user's key quota). The row must exist: call
     * {@link #createDate} first, outside the transaction, since a failed insert would abort a PostgreSQL transaction.
     */
    public void lock(String accountId) {
        jdbc.query("SELECT account_id FROM iam_accounts WHERE account_id = ? FOR UPDATE", rs -> 1, accountId);
    }

    public Optional<String> alias(String accountId) {
        return jdbc.queryOne("SELECT account_alias FROM iam_account_aliases WHERE account_id = ?",
                rs -> rs.getString(1), accountId);
    }

    /**
     * Sets the account's one alias, replacing the previous one (creating a second alias replaces the first on AWS).
     * @throws dev.vigil.core.AwsException EntityAlreadyExists when another account holds the alias
     */
    public void setAlias(String accountId, String alias) {
        try {
            jdbc.inTransaction(c -> {
                Optional<String> owner = jdbc.queryOne("SELECT account_id FROM iam_account_aliases WHERE account_alias = ?",
                        rs -> rs.getString(1), alias);
                if (owner.isPresent() && !owner.get().equals(accountId)) throw IamErrors.aliasExists(alias);
                if (owner.isPresent()) return null;
                jdbc.update("DELETE FROM iam_account_aliases WHERE account_id = ?", accountId);
                jdbc.update("INSERT INTO iam_account_aliases (account_alias, account_id) VALUES (?, ?)", alias, accountId);
                return null;
            });
        } catch (StoreException e) {
            if (e.isUniqueViolation()) throw IamErrors.aliasExists(alias);
            throw e;
        }
    }

    public boolean deleteAlias(String accountId, String alias) {
        return jdbc.update("DELETE FROM iam_account_aliases WHERE account_id = ? AND account_alias = ?",
                accountId, alias) > 0;
    }
}
