-- The EventBridge Schema Registry's store (its own Flyway history). Every row is keyed by account and region
-- (DESIGN §3). The built-in registries 'aws.events' (generated, read-only) and 'discovered-schemas' have no row
-- in sc_registries; schemas discovered into the latter are ordinary rows of sc_schemas / sc_versions.
CREATE TABLE sc_registries (
    account_id    VARCHAR(12)  NOT NULL,
    region        VARCHAR(32)  NOT NULL,
    registry_name VARCHAR(64)  NOT NULL,
    description   VARCHAR(256),
    created_at    BIGINT       NOT NULL,
    PRIMARY KEY (account_id, region, registry_name)
);

-- next_version: the number the next version gets; versions are never renumbered, even after deletions.
CREATE TABLE sc_schemas (
    account_id    VARCHAR(12)  NOT NULL,
    region        VARCHAR(32)  NOT NULL,
    registry_name VARCHAR(64)  NOT NULL,
    schema_name   VARCHAR(385) NOT NULL,
    description   VARCHAR(256),
    next_version  INTEGER      NOT NULL,
    modified_at   BIGINT       NOT NULL,
    PRIMARY KEY (account_id, region, registry_name, schema_name)
);

CREATE TABLE sc_versions (
    account_id    VARCHAR(12)  NOT NULL,
    region        VARCHAR(32)  NOT NULL,
    registry_name VARCHAR(64)  NOT NULL,
    schema_name   VARCHAR(385) NOT NULL,
    version_no    INTEGER      NOT NULL,
    schema_type   VARCHAR(32)  NOT NULL,
    content       VARCHAR      NOT NULL,
    created_at    BIGINT       NOT NULL,
    PRIMARY KEY (account_id, region, registry_name, schema_name, version_no)
);

-- The generated archive is kept, so a download always answers what PutCodeBinding generated for that version.
CREATE TABLE sc_code_bindings (
    account_id    VARCHAR(12)  NOT NULL,
    region        VARCHAR(32)  NOT NULL,
    registry_name VARCHAR(64)  NOT NULL,
    schema_name   VARCHAR(385) NOT NULL,
    version_no    INTEGER      NOT NULL,
    language      VARCHAR(32)  NOT NULL,
    status        VARCHAR(32)  NOT NULL,
    source_zip    BYTEA,
    created_at    BIGINT       NOT NULL,
    modified_at   BIGINT       NOT NULL,
    PRIMARY KEY (account_id, region, registry_name, schema_name, version_no, language)
);

CREATE TABLE sc_discoverers (
    account_id    VARCHAR(12)   NOT NULL,
    region        VARCHAR(32)   NOT NULL,
    discoverer_id VARCHAR(300)  NOT NULL,
    source_arn    VARCHAR(1600) NOT NULL,
    description   VARCHAR(256),
    cross_account BOOLEAN       NOT NULL,
    state         VARCHAR(16)   NOT NULL,
    created_at    BIGINT        NOT NULL,
    PRIMARY KEY (account_id, region, discoverer_id)
);

-- registry_name '' is the account-level policy (PutResourcePolicy without RegistryName).
CREATE TABLE sc_policies (
    account_id    VARCHAR(12)  NOT NULL,
    region        VARCHAR(32)  NOT NULL,
    registry_name VARCHAR(64)  NOT NULL,
    policy        VARCHAR      NOT NULL,
    revision_id   VARCHAR(64)  NOT NULL,
    PRIMARY KEY (account_id, region, registry_name)
);

CREATE TABLE sc_tags (
    account_id    VARCHAR(12)   NOT NULL,
    region        VARCHAR(32)   NOT NULL,
    resource_arn  VARCHAR(1600) NOT NULL,
    tag_key       VARCHAR(128)  NOT NULL,
    tag_value     VARCHAR(256)  NOT NULL,
    PRIMARY KEY (account_id, region, resource_arn, tag_key)
);
