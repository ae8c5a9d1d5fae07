-- API destinations (issue 8, deliverable 4). Connections keep their credentials here (AWS keeps them in a
-- Secrets Manager secret): auth_params is a JSON document read only by the delivery path, never answered.
CREATE TABLE ev_connections (
    account_id         VARCHAR(12)  NOT NULL,
    region             VARCHAR(32)  NOT NULL,
    conn_name          VARCHAR(64)  NOT NULL,
    conn_uuid          VARCHAR(36)  NOT NULL,
    description        VARCHAR(512),
    auth_type          VARCHAR(32)  NOT NULL,
    state              VARCHAR(32)  NOT NULL,
    state_reason       VARCHAR(512),
    auth_params        VARCHAR      NOT NULL,
    created_at         BIGINT       NOT NULL,
    modified_at        BIGINT       NOT NULL,
    last_authorized_at BIGINT,
    PRIMARY KEY (account_id, region, conn_name)
);

CREATE TABLE ev_api_destinations (
    account_id      VARCHAR(12)   NOT NULL,
    region          VARCHAR(32)   NOT NULL,
    dest_name       VARCHAR(64)   NOT NULL,
    dest_uuid       VARCHAR(36)   NOT NULL,
    description     VARCHAR(512),
    connection_arn  VARCHAR(1600) NOT NULL,
    endpoint        VARCHAR(2048) NOT NULL,
    http_method     VARCHAR(16)   NOT NULL,
    rate_limit      INTEGER,
    state           VARCHAR(32)   NOT NULL,
    created_at      BIGINT        NOT NULL,
    modified_at     BIGINT        NOT NULL,
    PRIMARY KEY (account_id, region, dest_name)
);

-- A target's HttpParameters (PathParameterValues, HeaderParameters, QueryStringParameters) as a JSON object.
ALTER TABLE ev_targets ADD COLUMN http_parameters VARCHAR;
-- Per-delivery target parameters (JSON): an API destination target's HttpParameters; a log-group target's event id
-- and time (the stream and timestamp of the log event).
ALTER TABLE ev_outbox ADD COLUMN target_params VARCHAR;
