-- STS sessions (AssumeRole, GetSessionToken, GetFederationToken): what a temporary access key stands for, so
-- sessions survive restarts and every node sharing the store answers for them. Rows are immutable once
-- issued and deleted by a sweep some time after they expire. Instants are BIGINT epoch milliseconds.
-- The secret and the token are kept as issued: SigV4 verification needs the secret (HMAC) and the gateway
-- compares the token, as for IAM access keys.
CREATE TABLE sts_sessions (
    access_key_id      VARCHAR(32)   NOT NULL,
    secret_key         VARCHAR(64)   NOT NULL,
    session_token      VARCHAR       NOT NULL,
    created_at         BIGINT        NOT NULL,
    expires_at         BIGINT        NOT NULL,
    account_id         VARCHAR(12)   NOT NULL,
    principal_type     VARCHAR(16)   NOT NULL,
    principal_arn      VARCHAR(2048) NOT NULL,
    principal_id       VARCHAR(256)  NOT NULL,
    user_name          VARCHAR(128),
    issuer_arn         VARCHAR(2048),
    inline_policy      VARCHAR,
    policy_arns        VARCHAR,
    tags               VARCHAR,
    transitive_keys    VARCHAR,
    source_identity    VARCHAR(64),
    mfa_authenticated  BOOLEAN       NOT NULL,
    PRIMARY KEY (access_key_id)
);
CREATE INDEX sts_sessions_by_expiry ON sts_sessions (expires_at);
