package dev.vigil.iam.iam;

import dev.vigil.store.Jdbc;
import dev.vigil.store.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Virtual MFA devices (iam_mfa_devices), found by serial number. Thread-safe (stateless over {@link Jdbc}). */
public final class MfaDeviceStore {
    private static final String COLUMNS = "serial_number, account_id, device_name, path, seed, create_date, user_id,"
            + " enable_date";

    private final Jdbc jdbc;

    public MfaDeviceStore(Jdbc jdbc) { this.jdbc = jdbc; }

    public void insert(MfaDevice d) {
        jdbc.update("INSERT INTO iam_mfa_devices (serial_number, account_id, device_name, path, seed, create_date)"
                + " VALUES (?, ?, ?, ?, ?, ?)", d.serialNumber(), d.accountId(), d.name(), d.path(), d.seed(),
                d.createDate());
    }

    public Optional<MfaDevice> find(String serialNumber) {
        return jdbc.queryOne("SELECT " + COLUMNS + " FROM iam_mfa_devices WHERE serial_number = ?",
                MfaDeviceStore::map, serialNumber);
    }

    /** The account's devices, by serial number. */
    public List<MfaDevice> ofAccount(String accountId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM iam_mfa_devices WHERE account_id = ? ORDER BY serial_number",
                MfaDeviceStore::map, accountId);
    }

    /** The devices enabled for a user, by enable date. */
    public List<MfaDevice> ofUser(String accountId, String userId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM iam_mfa_devices WHERE account_id = ? AND user_id = ?"
                + " ORDER BY enable_date, serial_number", MfaDeviceStore::map, accountId, userId);
    }

    /** Assigns an unassigned device. @return false when it was assigned meanwhile */
    public boolean assign(String serialNumber, String userId, Instant at) {
        return jdbc.update("UPDATE iam_mfa_devices SET user_id = ?, enable_date = ? WHERE serial_number = ?"
                + " AND user_id IS NULL", userId, at, serialNumber) == 1;
    }

    public void unassign(String serialNumber) {
        jdbc.update("UPDATE iam_mfa_devices SET user_id = NULL, enable_date = NULL WHERE serial_number = ?",
                serialNumber);
    }

    public void delete(String serialNumber) {
        jdbc.update("DELETE FROM iam_mfa_devices WHERE serial_number = ?", serialNumber);
    }

    static MfaDevice map(ResultSet rs) throws SQLException {
        return new MfaDevice(rs.getString("serial_number"), rs.getString("account_id"), rs.getString("device_name"),
                rs.getString("path"), rs.getString("seed"), Rows.instant(rs, "create_date"), rs.getString("user_id"),
                Rows.instant(rs, "enable_date"));
    }
}
