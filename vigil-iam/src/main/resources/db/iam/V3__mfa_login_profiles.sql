-- Virtual MFA devices and console login profiles (issue 3, deliverable 1). Instants are BIGINT epoch milliseconds.
-- A virtual MFA device belongs to the account; enabling assigns it to one user (user_id, enable_date), deactivating
-- unassigns it. The seed is the TOTP secret, kept as issued (RFC 4648 base32): verifying a code needs it.
CREATE TABLE iam_mfa_devices (
    serial_number  VARCHAR(600)  NOT NULL,
    account_id     VARCHAR(12)   NOT NULL,
    device_name    VARCHAR(256)  NOT NULL,
    path           VARCHAR(512)  NOT NULL,
    seed           VARCHAR(64)   NOT NULL,
    create_date    BIGINT        NOT NULL,
    user_id        VARCHAR(32),
    enable_date    BIGINT,
    PRIMARY KEY (serial_number)
);
CREATE INDEX iam_mfa_devices_by_user ON iam_mfa_devices (account_id, user_id);

-- A user has at most one login profile. The password is never stored: only a PBKDF2 hash with its salt.
CREATE TABLE iam_login_profiles (
    account_id       VARCHAR(12)   NOT NULL,
    user_id          VARCHAR(32)   NOT NULL,
    password_hash    VARCHAR(256)  NOT NULL,
    reset_required   BOOLEAN       NOT NULL,
    create_date      BIGINT        NOT NULL,
    PRIMARY KEY (account_id, user_id)
);
