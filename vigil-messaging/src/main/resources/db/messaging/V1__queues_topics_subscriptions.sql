-- SQS queues. queue_id keys everything else, so a queue deleted and created again under the same name starts
-- empty. attributes holds the settable attributes (with defaults filled in) as a JSON object of strings.
CREATE TABLE sqs_queues (
    queue_id    VARCHAR(36)  NOT NULL PRIMARY KEY,
    account_id  VARCHAR(12)  NOT NULL,
    region      VARCHAR(32)  NOT NULL,
    queue_name  VARCHAR(80)  NOT NULL,
    fifo        BOOLEAN      NOT NULL,
    attributes  VARCHAR      NOT NULL,
    created_at  BIGINT       NOT NULL,
    modified_at BIGINT       NOT NULL,
    purged_at   BIGINT,
    CONSTRAINT sqs_queues_name UNIQUE (account_id, region, queue_name)
);

CREATE TABLE sqs_queue_tags (
    queue_id  VARCHAR(36)  NOT NULL,
    tag_key   VARCHAR(128) NOT NULL,
    tag_value VARCHAR(256) NOT NULL,
    PRIMARY KEY (queue_id, tag_key)
);

-- Names deleted in the last 60 seconds cannot be created again (QueueDeletedRecently).
CREATE TABLE sqs_deleted_queues (
    account_id VARCHAR(12) NOT NULL,
    region     VARCHAR(32) NOT NULL,
    queue_name VARCHAR(80) NOT NULL,
    deleted_at BIGINT      NOT NULL,
    PRIMARY KEY (account_id, region, queue_name)
);

-- One row per message until it is deleted, expires or moves to a dead-letter queue. seq orders delivery
-- (FIFO order, and the SequenceNumber of FIFO messages). A message is in flight while receive_count > 0 and
-- visible_at is in the future; delayed while receive_count = 0 and visible_at is in the future. receipt is
-- the token of the latest receive: a receipt handle carries it.
CREATE TABLE sqs_messages (
    queue_id          VARCHAR(36)  NOT NULL,
    message_id        VARCHAR(36)  NOT NULL,
    seq               BIGINT       NOT NULL,
    body              VARCHAR      NOT NULL,
    body_md5          VARCHAR(32)  NOT NULL,
    attributes        VARCHAR,
    attributes_md5    VARCHAR(32),
    trace_header      VARCHAR(1024),
    sender_id         VARCHAR(256) NOT NULL,
    sent_at           BIGINT       NOT NULL,
    visible_at        BIGINT       NOT NULL,
    receive_count     INTEGER      NOT NULL,
    first_received_at BIGINT,
    receipt           VARCHAR(64),
    group_id          VARCHAR(128),
    dedup_id          VARCHAR(128),
    dlq_source_arn    VARCHAR(256),
    PRIMARY KEY (queue_id, message_id)
);
CREATE INDEX sqs_messages_visible ON sqs_messages (queue_id, visible_at);
CREATE INDEX sqs_messages_seq ON sqs_messages (queue_id, seq);

-- FIFO deduplication: a (scope, id) seen in the last 5 minutes is accepted but not enqueued again.
-- scope_key is '' for queue-wide deduplication, the message group otherwise.
CREATE TABLE sqs_dedup (
    queue_id   VARCHAR(36)  NOT NULL,
    scope_key  VARCHAR(128) NOT NULL,
    dedup_id   VARCHAR(128) NOT NULL,
    message_id VARCHAR(36)  NOT NULL,
    seq        BIGINT       NOT NULL,
    expires_at BIGINT       NOT NULL,
    PRIMARY KEY (queue_id, scope_key, dedup_id)
);

-- SNS topics; attributes holds the settable attributes (Policy, DisplayName, DeliveryPolicy, ...) as JSON.
CREATE TABLE sns_topics (
    topic_arn  VARCHAR(300) NOT NULL PRIMARY KEY,
    account_id VARCHAR(12)  NOT NULL,
    region     VARCHAR(32)  NOT NULL,
    topic_name VARCHAR(256) NOT NULL,
    fifo       BOOLEAN      NOT NULL,
    attributes VARCHAR      NOT NULL,
    created_at BIGINT       NOT NULL
);
CREATE INDEX sns_topics_account ON sns_topics (account_id, region, topic_arn);

CREATE TABLE sns_topic_tags (
    topic_arn VARCHAR(300) NOT NULL,
    tag_key   VARCHAR(128) NOT NULL,
    tag_value VARCHAR(256) NOT NULL,
    PRIMARY KEY (topic_arn, tag_key)
);

-- Subscriptions. A pending one (http/https/email, or a queue of another account) has a token that
-- ConfirmSubscription redeems; its subscription_arn is already assigned but not shown until confirmed.
CREATE TABLE sns_subscriptions (
    subscription_arn VARCHAR(400) NOT NULL PRIMARY KEY,
    topic_arn        VARCHAR(300) NOT NULL,
    account_id       VARCHAR(12)  NOT NULL,
    region           VARCHAR(32)  NOT NULL,
    protocol         VARCHAR(16)  NOT NULL,
    endpoint         VARCHAR      NOT NULL,
    confirmed        BOOLEAN      NOT NULL,
    token            VARCHAR(256),
    attributes       VARCHAR      NOT NULL,
    created_at       BIGINT       NOT NULL
);
CREATE INDEX sns_subscriptions_topic ON sns_subscriptions (topic_arn, subscription_arn);
CREATE INDEX sns_subscriptions_account ON sns_subscriptions (account_id, region, subscription_arn);

-- The outbox of http/https deliveries (notifications and confirmation requests), retried on AWS's delivery
-- policy by a clock-driven sweep; a row leaves when delivered or when its retries are spent.
CREATE TABLE sns_http_deliveries (
    delivery_id      VARCHAR(36)  NOT NULL PRIMARY KEY,
    subscription_arn VARCHAR(400) NOT NULL,
    topic_arn        VARCHAR(300) NOT NULL,
    endpoint         VARCHAR      NOT NULL,
    message_type     VARCHAR(32)  NOT NULL,
    message_id       VARCHAR(36)  NOT NULL,
    body             VARCHAR      NOT NULL,
    raw              BOOLEAN      NOT NULL,
    attempts         INTEGER      NOT NULL,
    next_attempt_at  BIGINT       NOT NULL,
    created_at       BIGINT       NOT NULL,
    last_error       VARCHAR(1024)
);
CREATE INDEX sns_http_deliveries_due ON sns_http_deliveries (next_attempt_at);

-- The key SNS signs messages with, shared by every node of the store.
CREATE TABLE sns_signing_keys (
    key_id      VARCHAR(64) NOT NULL PRIMARY KEY,
    private_key VARCHAR     NOT NULL,
    public_key  VARCHAR     NOT NULL,
    created_at  BIGINT      NOT NULL
);
