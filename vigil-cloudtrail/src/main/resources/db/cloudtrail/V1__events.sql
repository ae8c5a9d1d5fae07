-- CloudTrail event history (LookupEvents). Portable subset: runs unchanged on H2 2.3 and PostgreSQL 15.
-- Instants are BIGINT epoch milliseconds. VARCHAR without a length is unbounded on PostgreSQL and
-- 1,000,000 characters on H2; the recorder caps record_json well below that.

CREATE TABLE cloudtrail_events (
    account_id     VARCHAR(12)  NOT NULL,
    region         VARCHAR(32)  NOT NULL,
    event_id       VARCHAR(64)  NOT NULL,
    event_time     BIGINT       NOT NULL,
    event_name     VARCHAR(256) NOT NULL,
    event_source   VARCHAR(256) NOT NULL,
    username       VARCHAR(512),
    access_key_id  VARCHAR(128),
    read_only      BOOLEAN      NOT NULL,
    management     BOOLEAN      NOT NULL,
    record_json    VARCHAR      NOT NULL,
    PRIMARY KEY (account_id, region, event_id)
);

-- LookupEvents: newest first within an account and region; event_id breaks ties for keyset paging.
CREATE INDEX cloudtrail_events_newest ON cloudtrail_events (account_id, region, event_time DESC, event_id DESC);
-- The most used single-attribute lookups (console filters by event name and user name). EventId is served
-- by the primary key; the other attributes walk the newest-first index: each secondary index is paid on
-- every insert of this append-heavy table, and LookupEvents is a low-rate call (2/s per account on AWS).
CREATE INDEX cloudtrail_events_by_name ON cloudtrail_events (account_id, region, event_name, event_time);
CREATE INDEX cloudtrail_events_by_user ON cloudtrail_events (account_id, region, username, event_time);
-- Retention sweep deletes by age across all accounts.
CREATE INDEX cloudtrail_events_age ON cloudtrail_events (event_time);

-- The resources an event names (many per event), for the ResourceType / ResourceName lookups.
-- event_time is copied here so the retention sweep needs no join; no foreign key, both tables are
-- written in one transaction and swept together.
CREATE TABLE cloudtrail_event_resources (
    account_id     VARCHAR(12)   NOT NULL,
    region         VARCHAR(32)   NOT NULL,
    event_id       VARCHAR(64)   NOT NULL,
    ordinal        INTEGER       NOT NULL,
    event_time     BIGINT        NOT NULL,
    resource_type  VARCHAR(256),
    resource_name  VARCHAR(2048) NOT NULL,
    resource_arn   VARCHAR(2048),
    PRIMARY KEY (account_id, region, event_id, ordinal)
);

CREATE INDEX cloudtrail_resources_by_name ON cloudtrail_event_resources (account_id, region, resource_name);
CREATE INDEX cloudtrail_resources_by_arn ON cloudtrail_event_resources (account_id, region, resource_arn);
CREATE INDEX cloudtrail_resources_by_type ON cloudtrail_event_resources (account_id, region, resource_type);
CREATE INDEX cloudtrail_resources_age ON cloudtrail_event_resources (event_time);
