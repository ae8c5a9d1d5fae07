-- IAM: users, groups, roles, customer managed policies and their versions, attachments, inline policies,
-- tags, access keys, account aliases. Portable subset: runs unchanged on H2 2.3 and PostgreSQL 15.
-- Instants are BIGINT epoch milliseconds. IAM names are unique per account regardless of case, so every
-- named entity keeps name_key = lower(name) under a unique constraint; references between rows use the
-- entity's unique id (AIDA..., AGPA..., AROA..., ANPA...), so a rename touches one row.

CREATE TABLE iam_accounts (
    account_id    VARCHAR(12)  NOT NULL,
    create_date   BIGINT       NOT NULL,
    PRIMARY KEY (account_id)
);

CREATE TABLE iam_users (
    account_id    VARCHAR(12)   NOT NULL,
    user_id       VARCHAR(32)   NOT NULL,
    user_name     VARCHAR(128)  NOT NULL,
    name_key      VARCHAR(128)  NOT NULL,
    entity_path   VARCHAR(512)  NOT NULL,
    create_date   BIGINT        NOT NULL,
    boundary_arn  VARCHAR(2048),
    PRIMARY KEY (account_id, user_id),
    CONSTRAINT iam_users_name UNIQUE (account_id, name_key)
);

CREATE TABLE iam_groups (
    account_id    VARCHAR(12)   NOT NULL,
    group_id      VARCHAR(32)   NOT NULL,
    group_name    VARCHAR(128)  NOT NULL,
    name_key      VARCHAR(128)  NOT NULL,
    entity_path   VARCHAR(512)  NOT NULL,
    create_date   BIGINT        NOT NULL,
    PRIMARY KEY (account_id, group_id),
    CONSTRAINT iam_groups_name UNIQUE (account_id, name_key)
);

CREATE TABLE iam_group_members (
    account_id    VARCHAR(12)   NOT NULL,
    group_id      VARCHAR(32)   NOT NULL,
    user_id       VARCHAR(32)   NOT NULL,
    PRIMARY KEY (account_id, group_id, user_id)
);
CREATE INDEX iam_group_members_by_user ON iam_group_members (account_id, user_id);

CREATE TABLE iam_roles (
    account_id           VARCHAR(12)   NOT NULL,
    role_id              VARCHAR(32)   NOT NULL,
    role_name            VARCHAR(64)   NOT NULL,
    name_key             VARCHAR(64)   NOT NULL,
    entity_path          VARCHAR(512)  NOT NULL,
    create_date          BIGINT        NOT NULL,
    trust_policy         VARCHAR       NOT NULL,
    description          VARCHAR(1000),
    max_session_duration INTEGER       NOT NULL,
    boundary_arn         VARCHAR(2048),
    last_used_date       BIGINT,
    last_used_region     VARCHAR(32),
    PRIMARY KEY (account_id, role_id),
    CONSTRAINT iam_roles_name UNIQUE (account_id, name_key)
);

-- Customer managed policies. AWS managed policies are shipped as resources, not stored per account.
CREATE TABLE iam_policies (
    account_id      VARCHAR(12)   NOT NULL,
    policy_id       VARCHAR(32)   NOT NULL,
    policy_name     VARCHAR(128)  NOT NULL,
    name_key        VARCHAR(128)  NOT NULL,
    entity_path     VARCHAR(512)  NOT NULL,
    description     VARCHAR(1000),
    default_version VARCHAR(32)   NOT NULL,
    next_version    INTEGER       NOT NULL,
    create_date     BIGINT        NOT NULL,
    update_date     BIGINT        NOT NULL,
    PRIMARY KEY (account_id, policy_id),
    CONSTRAINT iam_policies_name UNIQUE (account_id, name_key)
);

CREATE TABLE iam_policy_versions (
    account_id    VARCHAR(12)   NOT NULL,
    policy_id     VARCHAR(32)   NOT NULL,
    version_id    VARCHAR(32)   NOT NULL,
    version_num   INTEGER       NOT NULL,
    document      VARCHAR       NOT NULL,
    create_date   BIGINT        NOT NULL,
    PRIMARY KEY (account_id, policy_id, version_id)
);

-- Managed policies (AWS or customer, by ARN) attached to a user, group or role (entity_kind).
CREATE TABLE iam_attachments (
    account_id    VARCHAR(12)   NOT NULL,
    entity_kind   VARCHAR(8)    NOT NULL,
    entity_id     VARCHAR(32)   NOT NULL,
    policy_arn    VARCHAR(2048) NOT NULL,
    attached_at   BIGINT        NOT NULL,
    PRIMARY KEY (account_id, entity_kind, entity_id, policy_arn)
);
CREATE INDEX iam_attachments_by_policy ON iam_attachments (account_id, policy_arn);

CREATE TABLE iam_inline_policies (
    account_id    VARCHAR(12)   NOT NULL,
    entity_kind   VARCHAR(8)    NOT NULL,
    entity_id     VARCHAR(32)   NOT NULL,
    policy_name   VARCHAR(128)  NOT NULL,
    document      VARCHAR       NOT NULL,
    PRIMARY KEY (account_id, entity_kind, entity_id, policy_name)
);

-- Tag keys are unique per resource regardless of case (key_lower), the key keeps its spelling.
CREATE TABLE iam_tags (
    account_id    VARCHAR(12)   NOT NULL,
    entity_kind   VARCHAR(8)    NOT NULL,
    entity_id     VARCHAR(32)   NOT NULL,
    key_lower     VARCHAR(128)  NOT NULL,
    tag_key       VARCHAR(128)  NOT NULL,
    tag_value     VARCHAR(256)  NOT NULL,
    PRIMARY KEY (account_id, entity_kind, entity_id, key_lower)
);

-- Access key ids are unique across accounts (the gateway finds a key by id alone). user_id NULL: a root key.
-- The secret is kept as issued: SigV4 verification needs it (HMAC), so it cannot be hashed.
CREATE TABLE iam_access_keys (
    access_key_id     VARCHAR(32)  NOT NULL,
    account_id        VARCHAR(12)  NOT NULL,
    user_id           VARCHAR(32),
    secret_key        VARCHAR(64)  NOT NULL,
    key_status        VARCHAR(16)  NOT NULL,
    create_date       BIGINT       NOT NULL,
    last_used_date    BIGINT,
    last_used_service VARCHAR(64),
    last_used_region  VARCHAR(32),
    PRIMARY KEY (access_key_id)
);
CREATE INDEX iam_access_keys_by_owner ON iam_access_keys (account_id, user_id);

-- Aliases are unique across all accounts; an account has at most one.
CREATE TABLE iam_account_aliases (
    account_alias VARCHAR(63)  NOT NULL,
    account_id    VARCHAR(12)  NOT NULL,
    PRIMARY KEY (account_alias),
    CONSTRAINT iam_account_aliases_account UNIQUE (account_id)
);
