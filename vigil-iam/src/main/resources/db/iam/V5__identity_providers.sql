-- SAML and OpenID Connect identity providers (issue 3, deliverable 1). A provider is named by its ARN
-- (saml-provider/<name>, oidc-provider/<url without https://>), unique per account. List-valued attributes
-- (client ids, thumbprints) and tags are JSON arrays: they are read and written whole, never queried.
CREATE TABLE iam_identity_providers (
    account_id     VARCHAR(12)    NOT NULL,
    provider_arn   VARCHAR(2048)  NOT NULL,
    kind           VARCHAR(4)     NOT NULL,
    uuid           VARCHAR(36)    NOT NULL,
    metadata       VARCHAR,
    client_ids     VARCHAR,
    thumbprints    VARCHAR,
    tags           VARCHAR        NOT NULL,
    create_date    BIGINT         NOT NULL,
    valid_until    BIGINT,
    PRIMARY KEY (account_id, provider_arn)
);

-- Service-linked role deletions: AWS answers DeleteServiceLinkedRole with a task id that
-- GetServiceLinkedRoleDeletionStatus reads later.
CREATE TABLE iam_slr_deletions (
    account_id     VARCHAR(12)    NOT NULL,
    task_id        VARCHAR(1000)  NOT NULL,
    status         VARCHAR(16)    NOT NULL,
    reason         VARCHAR(1000),
    create_date    BIGINT         NOT NULL,
    PRIMARY KEY (account_id, task_id)
);
