-- Logs Insights query executions, shared by every node on the store: GetQueryResults, StopQuery and
-- DescribeQueries work from any node and after a restart. The node running a query refreshes heartbeat every
-- few seconds; an unfinished query whose heartbeat is old lost its node and reads as Failed.
-- results is the gzip-compressed JSON of the finished rows (at most 10,000), null until then.
CREATE TABLE logs_queries (
    query_id         VARCHAR(64)  NOT NULL PRIMARY KEY,
    account_id       VARCHAR(12)  NOT NULL,
    region           VARCHAR(32)  NOT NULL,
    query_string     VARCHAR      NOT NULL,
    log_group_names  VARCHAR      NOT NULL,
    create_time      BIGINT       NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    heartbeat        BIGINT       NOT NULL,
    cancel_requested BOOLEAN      NOT NULL,
    finished_at      BIGINT,
    records_matched  BIGINT,
    records_scanned  BIGINT,
    bytes_scanned    BIGINT,
    results          BYTEA
);
CREATE INDEX logs_queries_account ON logs_queries (account_id, region, create_time);
CREATE INDEX logs_queries_finished ON logs_queries (finished_at);
