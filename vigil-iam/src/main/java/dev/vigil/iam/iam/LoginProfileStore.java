package dev.vigil.iam.iam;

import dev.vigil.store.Jdbc;
import dev.vigil.store.Rows;
import java.time.Instant;
import java.util.Optional;

/** Login profiles (iam_login_profiles), one per user. Thread-safe (stateless over {@link Jdbc}). */
public final class LoginProfileStore {
    /** @param passwordHash {@link Passwords#hash} text, never the password */
    public record LoginProfile(String accountId, String userId, String passwordHash, boolean resetRequired,
                               Instant createDate) {}

    private final Jdbc jdbc;

    public LoginProfileStore(Jdbc jdbc) { this.jdbc = jdbc; }

    public void insert(LoginProfile p) {
        jdbc.update("INSERT INTO iam_login_profiles (account_id, user_id, password_hash, reset_required, create_date)"
                + " VALUES (?, ?, ?, ?, ?)", p.accountId(), p.userId(), p.passwordHash(), p.resetRequired(),
                p.createDate());
    }

    public Optional<LoginProfile> find(String accountId, String userId) {
        return jdbc.queryOne("SELECT account_id, user_id, password_hash, reset_required, create_date"
                        + " FROM iam_login_profiles WHERE account_id = ? AND user_id = ?",
                rs -> new LoginProfile(rs.getString("account_id"), rs.getString("user_id"),
                        rs.getString("password_hash"), rs.getBoolean("reset_required"), Rows.instant(rs, "create_date")),
                accountId, userId);
    }

    public void update(LoginProfile p) {
        jdbc.update("UPDATE iam_login_profiles SET password_hash = ?, reset_required = ? WHERE account_id = ?"
                + " AND user_id = ?", p.passwordHash(), p.resetRequired(), p.accountId(), p.userId());
    }

    public void delete(String accountId, String userId) {
        jdbc.update("DELETE FROM iam_login_profiles WHERE account_id = ? AND user_id = ?", accountId, userId);
    }
}
