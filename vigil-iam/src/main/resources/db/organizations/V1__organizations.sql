-- AWS Organizations: one organization per management account; every account belongs to at most one.
CREATE TABLE org_organizations (
    org_id             VARCHAR(34) PRIMARY KEY,
    management_account VARCHAR(12) NOT NULL UNIQUE,
    root_id            VARCHAR(32) NOT NULL UNIQUE,
    feature_set        VARCHAR(32) NOT NULL,
    created_at         BIGINT NOT NULL
);

-- Policy types enabled in the root.
CREATE TABLE org_policy_types (
    org_id      VARCHAR(34) NOT NULL,
    policy_type VARCHAR(64) NOT NULL,
    PRIMARY KEY (org_id, policy_type)
);

-- Accounts as Organizations knows them: their profile outlives membership (an account can be invited elsewhere).
CREATE TABLE org_account_profiles (
    account_id VARCHAR(12) PRIMARY KEY,
    email      VARCHAR(64) NOT NULL,
    name       VARCHAR(50) NOT NULL,
    closed_at  BIGINT
);

CREATE TABLE org_members (
    account_id    VARCHAR(12) PRIMARY KEY,
    org_id        VARCHAR(34) NOT NULL,
    parent_id     VARCHAR(100) NOT NULL,
    joined_method VARCHAR(16) NOT NULL,
    joined_at     BIGINT NOT NULL
);
CREATE INDEX org_members_org ON org_members (org_id, parent_id);

CREATE TABLE org_units (
    ou_id      VARCHAR(68) PRIMARY KEY,
    org_id     VARCHAR(34) NOT NULL,
    parent_id  VARCHAR(100) NOT NULL,
    name       VARCHAR(128) NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX org_units_parent ON org_units (org_id, parent_id);

CREATE TABLE org_policies (
    policy_id   VARCHAR(130) PRIMARY KEY,
    org_id      VARCHAR(34) NOT NULL,
    name        VARCHAR(128) NOT NULL,
    description VARCHAR(512) NOT NULL,
    policy_type VARCHAR(64) NOT NULL,
    content     VARCHAR NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX org_policies_org ON org_policies (org_id, policy_type);

-- Attachments of policies (the organization's and AWS's, e.g. p-FullAWSAccess) to the root, OUs and accounts.
CREATE TABLE org_attachments (
    org_id      VARCHAR(34) NOT NULL,
    target_id   VARCHAR(100) NOT NULL,
    policy_id   VARCHAR(130) NOT NULL,
    policy_type VARCHAR(64) NOT NULL,
    PRIMARY KEY (org_id, target_id, policy_id)
);
CREATE INDEX org_attachments_policy ON org_attachments (org_id, policy_id);

CREATE TABLE org_create_account (
    request_id   VARCHAR(36) PRIMARY KEY,
    org_id       VARCHAR(34) NOT NULL,
    account_id   VARCHAR(12) NOT NULL,
    account_name VARCHAR(50) NOT NULL,
    email        VARCHAR(64) NOT NULL,
    role_name    VARCHAR(64) NOT NULL,
    requested_at BIGINT NOT NULL,
    completes_at BIGINT NOT NULL,
    completed    BOOLEAN NOT NULL,
    failure_reason VARCHAR(64)
);
CREATE INDEX org_create_account_org ON org_create_account (org_id, requested_at);

CREATE TABLE org_handshakes (
    handshake_id      VARCHAR(40) PRIMARY KEY,
    org_id            VARCHAR(34) NOT NULL,
    management_account VARCHAR(12) NOT NULL,
    action            VARCHAR(40) NOT NULL,
    state             VARCHAR(16) NOT NULL,
    target_type       VARCHAR(16) NOT NULL,
    target_value      VARCHAR(64) NOT NULL,
    target_account    VARCHAR(12),
    notes             VARCHAR(1024),
    requested_at      BIGINT NOT NULL,
    expires_at        BIGINT NOT NULL
);
CREATE INDEX org_handshakes_org ON org_handshakes (org_id);
CREATE INDEX org_handshakes_target ON org_handshakes (target_account);

CREATE TABLE org_service_access (
    org_id            VARCHAR(34) NOT NULL,
    service_principal VARCHAR(128) NOT NULL,
    enabled_at        BIGINT NOT NULL,
    PRIMARY KEY (org_id, service_principal)
);

CREATE TABLE org_delegated_admins (
    org_id            VARCHAR(34) NOT NULL,
    account_id        VARCHAR(12) NOT NULL,
    service_principal VARCHAR(128) NOT NULL,
    registered_at     BIGINT NOT NULL,
    PRIMARY KEY (org_id, account_id, service_principal)
);

-- Tags of the root, OUs, accounts and policies.
CREATE TABLE org_tags (
    resource_id VARCHAR(130) NOT NULL,
    tag_key     VARCHAR(128) NOT NULL,
    tag_value   VARCHAR(256) NOT NULL,
    PRIMARY KEY (resource_id, tag_key)
);
